/** Search as you type: folding, query parsing, matching, highlight ranges and snippets. */
import { describe, expect, it } from 'vitest';
import type { ImageRecord } from '../../src/core/types';
import {
  captionField,
  fold,
  haystackOf,
  highlightRanges,
  matchesAll,
  narrows,
  parseQuery,
  snippet,
} from '../../src/gallery/search';

const rec = (over: Partial<ImageRecord>): ImageRecord =>
  ({ prompt: '', revisedPrompt: '', title: null, conversationTitle: '', ...over }) as ImageRecord;
const mark = (text: string, q: string) =>
  highlightRanges(text, parseQuery(q)).map(([a, b]) => text.slice(a, b));

describe('fold', () => {
  it('ignores case and accents', () => {
    expect(fold('Crème BRÛLÉE à Zürich')).toBe('creme brulee a zurich');
  });
});

describe('parseQuery', () => {
  it('splits words, keeps "quoted phrases", folds and dedupes', () => {
    expect(parseQuery('  Neon  "Rainy Alley" neon ')).toEqual(['neon', 'rainy alley']);
  });
  it('treats an unclosed quote as a phrase to the end', () => {
    expect(parseQuery('fox "at dus')).toEqual(['fox', 'at dus']);
  });
  it('gives no terms for blank input', () => {
    expect(parseQuery('   ')).toEqual([]);
  });
});

describe('matching', () => {
  const r = rec({
    prompt: 'a fox',
    revisedPrompt: 'A red fox in a Zanzibar market',
    title: 'Fox',
    conversationTitle: 'Animals',
  });
  it('searches prompt, revised prompt, title and conversation title', () => {
    const hay = haystackOf(r);
    for (const q of ['fox', 'zanzibar', 'animals', 'red fox', 'ZANZ'])
      expect(matchesAll(hay, parseQuery(q))).toBe(true);
  });
  it('needs every term', () => {
    expect(matchesAll(haystackOf(r), parseQuery('fox owl'))).toBe(false);
  });
  it('never matches a phrase across two fields', () => {
    expect(matchesAll(haystackOf(r), parseQuery('"a fox a red"'))).toBe(false);
  });
});

describe('narrows', () => {
  it.each([
    ['ca', 'cat', true],
    ['cat', 'cat d', true],
    ['cat', 'ca', false],
    ['', 'cat', false],
    ['cat', 'cat "d', false],
  ])('%j → %j: %s', (prev, next, want) => {
    expect(narrows(prev, next)).toBe(want);
  });
});

describe('highlightRanges', () => {
  it('finds every occurrence of every term, merged and in order', () => {
    expect(mark('The fox and the FOXES', 'fox')).toEqual(['fox', 'FOX']);
    expect(mark('lighthouse', 'light house')).toEqual(['lighthouse']);
  });
  it('maps folded matches back onto accented and astral text', () => {
    expect(mark('Crème brûlée', 'creme brulee')).toEqual(['Crème', 'brûlée']);
    expect(mark('a 🦊 fox', 'fox')).toEqual(['fox']);
  });
  it('is empty without terms', () => {
    expect(highlightRanges('text', [])).toEqual([]);
  });
});

describe('snippet and caption', () => {
  it('starts a long text shortly before the first match, at a word', () => {
    const text = `${'word '.repeat(30)}target here`;
    const s = snippet(text, highlightRanges(text, ['target']));
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.slice(s.ranges[0]![0], s.ranges[0]![1])).toBe('target');
  });
  it('shows the first field that matches, else title or prompt', () => {
    const r = rec({ prompt: 'a cat', revisedPrompt: 'A tabby cat on a Persian rug', title: 'Cat' });
    expect(captionField(r, parseQuery('persian'))).toBe('A tabby cat on a Persian rug');
    expect(captionField(r, [])).toBe('Cat');
    expect(captionField(rec({ revisedPrompt: 'only this' }), [])).toBe('only this');
  });
});
