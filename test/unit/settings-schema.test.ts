import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  migrateSettings,
  patternProblem,
  syncDue,
  validateSettings,
} from '../../src/settings/schema';

describe('settings schema', () => {
  it('accepts the defaults and refuses each bad value with a plain message', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    const bad = {
      ...DEFAULT_SETTINGS,
      librarySync: 'yes',
      librarySyncEvery: 5,
      mirror: { enabled: true, pattern: '../{fileid}.{ext}', sidecars: ['txt'] },
      thumbnail: { size: 300, quality: 2 },
      badge: 'always',
    };
    const r = validateSettings(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toHaveLength(7);
  });

  it('checks mirror patterns: inside Downloads, known tokens, a file id, the image type', () => {
    expect(patternProblem(DEFAULT_SETTINGS.mirror.pattern)).toBeNull();
    expect(patternProblem('/etc/{fileid}.{ext}')).toMatch(/absolute/);
    expect(patternProblem('C:\\x\\{fileid}.{ext}')).toMatch(/absolute/);
    expect(patternProblem('a/../{fileid}.{ext}')).toMatch(/\.\./);
    expect(patternProblem('{model}/{fileid}.{ext}')).toMatch(/Unknown token \{model\}/);
    expect(patternProblem('{title}.{ext}')).toMatch(/\{fileid\}/);
    expect(patternProblem('{fileid}.png')).toMatch(/\{ext\}/);
  });

  it('migrates: nothing stored → defaults; a legacy flat value → version 1; damage → defaults for that part only', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    const legacy = migrateSettings({ mirror: true, mirrorPattern: 'AI/{fileid}.{ext}' });
    expect(legacy.mirror).toEqual({ enabled: true, pattern: 'AI/{fileid}.{ext}', sidecars: ['xmp', 'json'] });
    const damaged = migrateSettings({
      ...DEFAULT_SETTINGS,
      badge: 'total',
      thumbnail: { size: 9, quality: 0.6 },
    });
    expect(damaged.badge).toBe('total');
    expect(damaged.librarySyncEvery).toBe(15);
    expect(migrateSettings({ ...DEFAULT_SETTINGS, librarySyncEvery: 240 }).librarySyncEvery).toBe(240);
    expect(damaged.thumbnail).toEqual({ size: 256, quality: 0.6 });
  });

  it('runs the periodic library check only when the schedule says it is due', () => {
    const t = 10 * 3_600_000;
    expect(syncDue(null, 60, t)).toBe(true);
    expect(syncDue(t - 15 * 60_000, 15, t)).toBe(true);
    expect(syncDue(t - 15 * 60_000, 60, t)).toBe(false);
    expect(syncDue(t - 59 * 60_000, 60, t)).toBe(true); // a minute of alarm jitter
    expect(syncDue(t - 3 * 3_600_000, 240, t)).toBe(false);
    expect(syncDue(t - 4 * 3_600_000, 240, t)).toBe(true);
  });
});
