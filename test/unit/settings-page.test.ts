/** The settings page's pure parts: the example path, the badge text, where shortcuts are changed. */
import { describe, expect, it } from 'vitest';
import { badgeText } from '../../src/background/status/badge-text';
import { examplePath } from '../../src/settings/example-path';
import { DEFAULT_PATTERN, patternProblem } from '../../src/settings/schema';
import { shortcutsWhere } from '../../src/settings/shortcut-words';

describe('examplePath', () => {
  it('fills every token of the default pattern from the sample image', () => {
    expect(examplePath(DEFAULT_PATTERN)).toBe(
      'Image Vault/2026-12/Logo ideas for the bakery/Croissant logo_file_00000000a1b2c3d4.png',
    );
  });
  it('keeps the literal text and repeats tokens', () => {
    expect(examplePath('x/{dd}.{mm}.{yyyy}/{fileid}-{fileid}.{ext}')).toBe(
      'x/02.12.2026/file_00000000a1b2c3d4-file_00000000a1b2c3d4.png',
    );
  });
  it('leaves an unknown token as typed (the page shows patternProblem for it instead)', () => {
    expect(examplePath('{author}/{fileid}.{ext}')).toBe('{author}/file_00000000a1b2c3d4.png');
    expect(patternProblem('{author}/{fileid}.{ext}')).toMatch(/Unknown token \{author\}/);
  });
});

describe('badgeText', () => {
  const counts = { session: 3, total: 120 };
  it('shows the count the setting names', () => {
    expect(badgeText('session', counts)).toBe('3');
    expect(badgeText('total', counts)).toBe('120');
  });
  it('is empty when off or when the count is zero', () => {
    expect(badgeText('off', counts)).toBe('');
    expect(badgeText('session', { session: 0, total: 5 })).toBe('');
  });
  it('rounds a count too wide for the badge', () => {
    expect(badgeText('total', { session: 0, total: 9999 })).toBe('9999');
    expect(badgeText('total', { session: 0, total: 12_345 })).toBe('12k');
  });
});

describe('shortcutsWhere', () => {
  it("names each browser's own shortcut page", () => {
    expect(shortcutsWhere(false)).toContain('chrome://extensions/shortcuts');
    expect(shortcutsWhere(true)).toContain('Manage Extension Shortcuts');
  });
});
