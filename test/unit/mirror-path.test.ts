import { describe, expect, it } from 'vitest';
import {
  cutUtf8,
  type MirrorPathSource,
  mirrorPath,
  PATH_MAX_UNITS,
  SEGMENT_MAX_BYTES,
  sanitizeSegment,
  sidecarPath,
} from '../../src/core/mirror-path';
import { DEFAULT_PATTERN } from '../../src/settings/schema';

const rec = (over: Partial<MirrorPathSource> = {}): MirrorPathSource => ({
  id: 'file_00000000abc',
  createdAt: Date.UTC(2026, 11, 31, 23, 30),
  capturedAt: Date.UTC(2027, 0, 1),
  title: 'A red fox',
  prompt: 'draw a red fox in the snow at dusk please',
  conversationTitle: 'Foxes',
  mimeType: 'image/png',
  ...over,
});

const bytes = (s: string) => new TextEncoder().encode(s).length;
// What Windows, Chromium's downloads API (net::IsSafePortablePathComponent) and Linux refuse.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const UNSAFE = /[\\:*?"<>|~\u0000-\u001f\u200e\u200f\u202a-\u202e]|^[ .]|[ .]$/u;

describe('mirrorPath', () => {
  it('fills the default pattern, date in UTC', () => {
    expect(mirrorPath(rec(), DEFAULT_PATTERN)).toBe(
      'Image Vault/2026-12/Foxes/A red fox_file_00000000abc.png',
    );
  });

  it('is stable and falls back: title → first prompt words → "image"', () => {
    expect(mirrorPath(rec(), DEFAULT_PATTERN)).toBe(mirrorPath(rec(), DEFAULT_PATTERN));
    expect(mirrorPath(rec({ title: null }), '{title}_{fileid}.{ext}')).toBe(
      'draw a red fox in the snow at_file_00000000abc.png',
    );
    expect(mirrorPath(rec({ title: ' ', prompt: '' }), '{title}_{fileid}.{ext}')).toBe(
      'image_file_00000000abc.png',
    );
    expect(mirrorPath(rec({ mimeType: 'image/webp', createdAt: 0 }), '{yyyy}{mm}{dd}/{fileid}.{ext}')).toBe(
      '20270101/file_00000000abc.webp',
    );
  });

  it('replaces / \\ : * ? " < > | inside names without making folders', () => {
    const p = mirrorPath(rec({ title: 'a/b\\c:d*e?f"g<h>i|j', conversationTitle: 'x/y' }), DEFAULT_PATTERN);
    expect(p).toBe('Image Vault/2026-12/x_y/a_b_c_d_e_f_g_h_i_j_file_00000000abc.png');
    for (const seg of p.split('/')) expect(seg).not.toMatch(UNSAFE);
  });

  it('keeps emoji and RTL text, drops RTL marks and control characters', () => {
    const p = mirrorPath(
      rec({ title: '\u202Eשלום עולם\u200F 🦊🌲\u0007', conversationTitle: 'مرحبا\u200E' }),
      DEFAULT_PATTERN,
    );
    expect(p).toBe('Image Vault/2026-12/مرحبا/שלום עולם 🦊🌲__file_00000000abc.png');
  });

  it('caps 300 characters per segment on a code point boundary and the whole path', () => {
    const long = '🦊'.repeat(150);
    const p = mirrorPath(
      rec({ title: long, conversationTitle: 'é'.repeat(300) }),
      'Image Vault/{conversation}/{conversation}{title}/{title}{title}_{fileid}.{ext}',
    );
    const segs = p.split('/');
    for (const s of segs) {
      expect(bytes(s)).toBeLessThanOrEqual(SEGMENT_MAX_BYTES);
      expect(s).not.toContain('\uFFFD');
      expect([...s].every((ch) => ch.length === 1 || /\p{Extended_Pictographic}/u.test(ch))).toBe(true);
    }
    expect(p.length).toBeLessThanOrEqual(PATH_MAX_UNITS);
    expect(p.endsWith('.png')).toBe(true);
  });

  it('never leaves an empty, dotted or reserved segment', () => {
    expect(
      mirrorPath(rec({ conversationTitle: ' ... ', title: 'CON' }), '{conversation}/{title}.{ext}'),
    ).toBe('_/_CON.png');
    expect(sanitizeSegment('...')).toBe('_');
    expect(sanitizeSegment('lpt1.txt')).toBe('_lpt1.txt');
    expect(sanitizeSegment('com10')).toBe('com10');
    expect(sanitizeSegment('trailing. ')).toBe('trailing');
    expect(sanitizeSegment('.hidden')).toBe('hidden');
    expect(sanitizeSegment('~home')).toBe('_home');
    expect(sanitizeSegment('shortcut.lnk')).toBe('shortcut.lnk_');
  });
});

describe('cutUtf8 and sidecarPath', () => {
  it('cuts on a code point boundary', () => {
    expect(cutUtf8('ab🦊', 5)).toBe('ab');
    expect(cutUtf8('ab🦊', 6)).toBe('ab🦊');
  });
  it('puts sidecars beside the image', () => {
    expect(sidecarPath('a.b/c_d.png', 'xmp')).toBe('a.b/c_d.xmp');
    expect(sidecarPath('a.b/c_d.webp', 'json')).toBe('a.b/c_d.json');
  });
});
