/** The in-memory catalog: views (filters, search, sort), incremental narrowing, patches. */
import { describe, expect, it } from 'vitest';
import type { ImageRecord } from '../../src/core/types';
import { Catalog } from '../../src/gallery/catalog';
import { Selection } from '../../src/gallery/selection';
import { DEFAULT_VIEW } from '../../src/gallery/view-state';

let n = 0;
const rec = (over: Partial<ImageRecord>): ImageRecord =>
  ({
    id: `file-${n++}`,
    prompt: '',
    revisedPrompt: '',
    title: null,
    conversationId: 'c1',
    conversationTitle: 'Chat',
    createdAt: 1000 + n,
    capturedAt: 2000 + n,
    model: 'dalle3',
    favorite: 0,
    bytes: 10,
    ...over,
  }) as ImageRecord;

describe('Catalog', () => {
  const a = rec({ id: 'a', prompt: 'red fox', createdAt: 3 });
  const b = rec({
    id: 'b',
    prompt: 'blue whale',
    revisedPrompt: 'A whale near a red lighthouse',
    createdAt: 2,
    model: 'gpt-image',
  });
  const c = rec({
    id: 'c',
    prompt: 'red car',
    createdAt: 1,
    favorite: 1,
    conversationId: 'c2',
    conversationTitle: 'Cars',
  });
  const ids = (cat: Catalog, s = {}) => cat.view({ ...DEFAULT_VIEW, ...s }).map((r) => r.id);

  it('sorts newest or oldest first', () => {
    const cat = new Catalog();
    cat.replaceAll([c, a, b]);
    expect(ids(cat)).toEqual(['a', 'b', 'c']);
    expect(ids(cat, { sort: 'oldest' })).toEqual(['c', 'b', 'a']);
  });

  it('searches and narrows as more letters are typed, with filters', () => {
    const cat = new Catalog();
    cat.replaceAll([a, b, c]);
    expect(ids(cat, { q: 're' })).toEqual(['a', 'b', 'c']);
    expect(ids(cat, { q: 'red' })).toEqual(['a', 'b', 'c']);
    expect(ids(cat, { q: 'red l' })).toEqual(['b']);
    expect(ids(cat, { q: 'red' })).toEqual(['a', 'b', 'c']); // backspace: a full scan again
    expect(ids(cat, { q: 'red', fav: true })).toEqual(['c']);
    expect(ids(cat, { q: 'red', model: 'gpt-image' })).toEqual(['b']);
  });

  it('applies patches: upsert, remove, and lists conversations by size', () => {
    const cat = new Catalog();
    cat.replaceAll([a, b]);
    expect(ids(cat, { q: 'car' })).toEqual([]);
    cat.upsert([c, { ...a, favorite: 1 }]);
    expect(ids(cat, { q: 'car' })).toEqual(['c']);
    expect(ids(cat, { fav: true })).toEqual(['a', 'c']);
    cat.remove(['c', 'nope']);
    expect(cat.size).toBe(2);
    expect(cat.latestCapture()).toBe(Math.max(a.capturedAt, b.capturedAt));
    cat.upsert([c]);
    expect(cat.conversations().map((x) => [x.id, x.count])).toEqual([
      ['c1', 2],
      ['c2', 1],
    ]);
  });

  it('precomputes search text a slice at a time', () => {
    const cat = new Catalog();
    cat.replaceAll([a, b, c]);
    let budget = 2;
    expect(cat.warm(() => --budget > 0)).toBe(false);
    expect(cat.warm(() => true)).toBe(true);
  });
});

describe('Selection', () => {
  const order = ['a', 'b', 'c', 'd', 'e'];
  it('toggles one and extends a range from the last one clicked, either way', () => {
    const s = new Selection();
    s.toggle('b');
    s.extend('d', order);
    expect([...s.ids].sort()).toEqual(['b', 'c', 'd']);
    s.toggle('a');
    s.extend('a', order);
    s.extend('e', order);
    expect(s.size).toBe(5);
    s.toggle('c');
    expect(s.has('c')).toBe(false);
  });
  it('drops ids that no longer exist', () => {
    const s = new Selection();
    s.setAll(order);
    s.retain((id) => id !== 'c');
    expect(s.size).toBe(4);
    s.clear();
    expect(s.size).toBe(0);
  });
});
