/**
 * A huge, hostile prompt (issue #8, "Bad input"): what is shown is bounded and safe,
 * highlighting stays bounded, and nothing here ever changes the stored text.
 */
import { describe, expect, it } from 'vitest';
import { hostilePrompt } from '../../e2e/support/hostile-prompt';
import type { ImageRecord } from '../../src/core/types';
import { captionFor } from '../../src/gallery/caption';
import { blockEnd, CHUNK_CHARS, PREVIEW_CHARS } from '../../src/gallery/long-text';
import { CAPTION_SCAN, highlightRanges } from '../../src/gallery/search';
import { clipText, displayText } from '../../src/ui/format';

const isWellFormed = (s: string) =>
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe('displayText', () => {
  it('makes controls visible and replaces lone surrogates, code unit for code unit', () => {
    const s = 'a\u0000b\u001b[31m\u007f\u0085\ud800x\udfff\tline\r\nnext\rend 🦊';
    const d = displayText(s);
    expect(d).toBe('a\u2400b\u241b[31m\u2421\ufffd\ufffdx\ufffd\tline \nnext\nend 🦊');
    expect(d.length).toBe(s.length);
  });
  it('keeps bidi marks and other text as they are', () => {
    const s = 'שלום \u202eabc\u202c \u2067x\u2069 café';
    expect(displayText(s)).toBe(s);
  });
  it('leaves a hostile megabyte well formed and the same length', () => {
    const s = hostilePrompt();
    expect(isWellFormed(s)).toBe(false);
    const d = displayText(s);
    expect(d.length).toBe(s.length);
    expect(isWellFormed(d)).toBe(true);
  });
});

describe('clipText', () => {
  it('never cuts a surrogate pair', () => {
    expect(clipText('ab🦊cd', 3)).toBe('ab…');
    expect(clipText('abc🦊', 4)).toBe('abc…');
    expect(clipText('short', 10)).toBe('short');
  });
});

describe('blockEnd', () => {
  it('cuts at a line break, else a space, in the last quarter', () => {
    const t = `${'x'.repeat(90)}\n${'y'.repeat(50)}`;
    expect(blockEnd(t, 0, 100)).toBe(91);
    expect(blockEnd(`${'x'.repeat(80)} ${'y'.repeat(50)}`, 0, 100)).toBe(81);
    expect(blockEnd('z'.repeat(300), 0, 100)).toBe(100);
    expect(blockEnd('z'.repeat(50), 0, 100)).toBe(50);
  });
  it('never ends between the halves of a surrogate pair', () => {
    const t = `${'z'.repeat(99)}🦊${'z'.repeat(10)}`;
    expect(blockEnd(t, 0, 100)).toBe(99);
  });
  it('covers a hostile megabyte in bounded blocks, losing nothing', () => {
    const s = hostilePrompt();
    const parts: string[] = [];
    for (let at = 0, size = PREVIEW_CHARS; at < s.length; size = CHUNK_CHARS) {
      const end = blockEnd(s, at, size);
      expect(end - at).toBeGreaterThan(0);
      expect(end - at).toBeLessThanOrEqual(size);
      parts.push(s.slice(at, end));
      at = end;
    }
    expect(parts.join('')).toBe(s);
  });
});

describe('bounded highlighting', () => {
  it('looks only at the first `limit` code units', () => {
    const t = `${'a '.repeat(10)}neon ${'b '.repeat(10)}neon`;
    expect(highlightRanges(t, ['neon'], 25)).toEqual([[20, 24]]);
    expect(highlightRanges(t, ['neon'])).toHaveLength(2);
  });
  it('gives a tile caption of a hostile megabyte: short, well formed, highlighted', () => {
    const rec = {
      id: 'file_x',
      prompt: hostilePrompt(),
      revisedPrompt: '',
      title: null,
      conversationTitle: '',
    };
    const c = captionFor(rec as unknown as ImageRecord, 'dusk');
    expect(c.text.length).toBeLessThanOrEqual(241);
    expect(isWellFormed(c.text)).toBe(true);
    expect(c.ranges.length).toBeGreaterThan(0);
    for (const [a, b] of c.ranges) expect(c.text.slice(a, b).toLowerCase()).toBe('dusk');
  });
  it('scans only the first CAPTION_SCAN characters of a field for the caption (bounded per keystroke)', () => {
    const prompt = `${'plain words '.repeat(CAPTION_SCAN / 10)}zebra`;
    const rec = { id: 'file_y', prompt, revisedPrompt: 'a zebra', title: null, conversationTitle: '' };
    // The prompt matches only past the scanned part: the caption shows the revised prompt's match.
    expect(captionFor(rec as unknown as ImageRecord, 'zebra')).toEqual({ text: 'a zebra', ranges: [[2, 7]] });
  });
});
