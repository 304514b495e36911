import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  migrateSettings,
  patternProblem,
  validateSettings,
} from '../../src/settings/schema';

describe('settings schema', () => {
  it('accepts the defaults and refuses each bad value with a plain message', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    const bad = {
      ...DEFAULT_SETTINGS,
      librarySync: 'yes',
      mirror: { enabled: true, pattern: '../{fileid}.{ext}', sidecars: ['txt'] },
      thumbnail: { size: 300, quality: 2 },
      badge: 'always',
    };
    const r = validateSettings(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toHaveLength(6);
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
    expect(damaged.thumbnail).toEqual({ size: 256, quality: 0.6 });
  });
});
