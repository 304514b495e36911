/** Prompt-only records in the gallery: the filter, the counts, search, and the placeholder's words. */
import { describe, expect, it } from 'vitest';
import type { ImageRecord } from '../../src/core/types';
import { Catalog } from '../../src/gallery/catalog';
import { expiryDate, missingWords } from '../../src/gallery/missing-words';
import { countSuffix } from '../../src/gallery/summary';
import { DEFAULT_VIEW, formatHash, hasFilters, parseHash } from '../../src/gallery/view-state';

const rec = (id: string, over: Partial<ImageRecord> = {}): ImageRecord =>
  ({
    id,
    prompt: '',
    revisedPrompt: '',
    title: null,
    conversationId: 'c1',
    conversationTitle: 'Chat',
    createdAt: 1000,
    capturedAt: 2000,
    model: 'dalle3',
    favorite: 0,
    bytes: 500,
    ...over,
  }) as ImageRecord;

const none = (id: string, over: Partial<ImageRecord> = {}) =>
  rec(id, { promptOnly: 1, bytes: 0, sha256: '', mimeType: '', ...over });

describe('prompt-only records in the catalog', () => {
  const cat = new Catalog();
  cat.replaceAll([
    rec('a', { prompt: 'red fox', createdAt: 3 }),
    none('b', { prompt: 'a lighthouse', revisedPrompt: 'A tall striped lighthouse at dusk', createdAt: 2 }),
    none('c', { prompt: 'violet owl', createdAt: 1 }),
  ]);
  const ids = (patch: Partial<typeof DEFAULT_VIEW>) =>
    cat.view({ ...DEFAULT_VIEW, ...patch }).map((r) => r.id);

  it('shows all, hides, or shows only the records without an image', () => {
    expect(ids({})).toEqual(['a', 'b', 'c']);
    expect(ids({ noImage: 'hide' })).toEqual(['a']);
    expect(ids({ noImage: 'only' })).toEqual(['b', 'c']);
    expect(ids({ noImage: 'only', sort: 'oldest' })).toEqual(['c', 'b']);
  });

  it('counts them, and they weigh nothing', () => {
    expect(cat.promptOnlyCount()).toBe(2);
    expect(cat.totalBytes()).toBe(500);
    cat.upsert([rec('c', { prompt: 'violet owl', createdAt: 1 })]); // fetched: now an image
    expect(cat.promptOnlyCount()).toBe(1);
    expect(ids({ noImage: 'only' })).toEqual(['b']);
    expect(cat.totalBytes()).toBe(1000);
  });

  it('search finds a prompt-only record by its revised prompt', () => {
    expect(ids({ q: 'striped' })).toEqual(['b']);
    expect(ids({ q: 'striped', noImage: 'hide' })).toEqual([]);
  });
});

describe('the prompt-only filter in the URL', () => {
  it('round-trips and counts as a filter', () => {
    for (const noImage of ['hide', 'only'] as const) {
      const s = { ...DEFAULT_VIEW, noImage };
      expect(formatHash(s)).toBe(`#noimg=${noImage}`);
      expect(parseHash(formatHash(s))).toEqual(s);
      expect(hasFilters(s)).toBe(true);
    }
    expect(parseHash('#noimg=maybe').noImage).toBe('all');
    expect(hasFilters(DEFAULT_VIEW)).toBe(false);
  });
});

describe('the count in the header', () => {
  it('says how many are prompts without images', () => {
    expect(countSuffix(3, 3, 0)).toBe(' images');
    expect(countSuffix(1290, 1290, 56)).toBe(' records: 1,234 images · 56 prompts without images');
    expect(countSuffix(2, 1290, 1)).toBe(' of 1,290 records (1,289 images · 1 prompt without an image)');
  });
});

describe('the placeholder words', () => {
  const now = Date.UTC(2025, 5, 1);
  it('names the day an expired link died, and offers to try anyway', () => {
    const expired = Date.UTC(2025, 2, 15, 12);
    // Day, short month and year in the runtime's locale (en-US in Node here: "Mar 15, 2025").
    expect(expiryDate(expired)).toMatch(/^(?=.*15)(?=.*Mar)(?=.*2025)/);
    expect(missingWords({ linkExpiresAt: expired }, now)).toMatchObject({
      message: `Image not saved: the link expired on ${expiryDate(expired)}`,
      action: 'Try anyway',
      expired: true,
    });
  });
  it('offers Fetch when the link is live or unknown', () => {
    const w = { message: 'Image not saved yet', action: 'Fetch', expired: false };
    expect(missingWords({ linkExpiresAt: now + 86_400_000 }, now)).toMatchObject(w);
    expect(missingWords({ linkExpiresAt: null }, now)).toMatchObject(w);
    expect(missingWords({}, now)).toMatchObject(w);
  });
  it('shows a failed fetch, from this page or stored on the record', () => {
    expect(missingWords({ fetchError: 'ChatGPT no longer has this image.' }, now).message).toBe(
      'Image not saved: ChatGPT no longer has this image.',
    );
    expect(missingWords({}, now, { busy: false, error: 'You are not signed in.' })).toMatchObject({
      message: 'Image not saved: You are not signed in.',
      action: 'Try again',
    });
    expect(missingWords({}, now, { busy: true, error: null })).toMatchObject({
      busy: true,
      action: 'Fetching…',
    });
  });
});
