/** The capture pipeline's decisions (src/background/capture/rules.ts). */
import { describe, expect, it } from 'vitest';
import {
  type ConversationListing,
  fetchableBySelf,
  judgeListing,
  UNLISTED_GRACE_MS,
} from '../../src/background/capture/rules';
import type { GeneratedImageMeta } from '../../src/core/types';

const generated = { fileId: 'file_00000000aa' } as GeneratedImageMeta;
const json = (over: Partial<ConversationListing> = {}): ConversationListing => ({
  images: [generated],
  uploads: ['file_00000000up'],
  warnings: [],
  ...over,
});

describe('an image the conversation JSON does not list', () => {
  it('is found when listed', () => {
    expect(judgeListing(json(), 'file_00000000aa', 0, false)).toEqual({ kind: 'listed', meta: generated });
  });

  it('is asked for again while the JSON may still lag the page', () => {
    expect(judgeListing(json(), 'file_00000000zz', 0, false)).toEqual({ kind: 'wait' });
    expect(judgeListing(json(), 'file_00000000zz', UNLISTED_GRACE_MS - 1, false)).toEqual({ kind: 'wait' });
    // a conversation that lists no image at all and has no complaint is no different
    expect(judgeListing(json({ images: [] }), 'file_00000000zz', 0, false)).toEqual({ kind: 'wait' });
  });

  it('is kept (never dropped) once the grace time has passed, or on the queue’s last try', () => {
    expect(UNLISTED_GRACE_MS).toBeGreaterThanOrEqual(30_000);
    expect(judgeListing(json(), 'file_00000000zz', UNLISTED_GRACE_MS, false)).toEqual({ kind: 'unlisted' });
    expect(judgeListing(json(), 'file_00000000zz', 1000, true)).toEqual({ kind: 'unlisted' });
  });

  it('is refused at once, and only then, when the JSON lists it as the user’s upload', () => {
    expect(judgeListing(json(), 'file_00000000up', 0, false)).toEqual({ kind: 'upload' });
    expect(judgeListing(json(), 'file_00000000up', 10 * UNLISTED_GRACE_MS, true)).toEqual({ kind: 'upload' });
  });

  it('is reported as unreadable JSON when the parser found nothing and complained', () => {
    const bad = json({ images: [], uploads: [], warnings: ['conversation JSON has no mapping'] });
    expect(judgeListing(bad, 'file_00000000zz', 0, false)).toEqual({
      kind: 'unreadable',
      warning: 'conversation JSON has no mapping',
    });
  });
});

describe('where the bytes come from', () => {
  it('the worker fetches https links itself', () => {
    expect(
      fetchableBySelf(
        'https://chatgpt.com/backend-api/estuary/content?id=file_00000000aa&sig=x',
        'file_00000000aa',
      ),
    ).toBe(true);
    expect(fetchableBySelf('https://files.oaiusercontent.com/file-abc?se=2026', 'file-abc')).toBe(true);
  });

  it('a composite estuary id may name a thumbnail: the original comes through files/download', () => {
    const src = `https://chatgpt.com/backend-api/estuary/content?id=${encodeURIComponent('9f2c#file_00000000aa#thumbnail')}&sig=x`;
    expect(fetchableBySelf(src, 'file_00000000aa')).toBe(false);
  });

  it('a blob: or data: src belongs to the page: the bytes come through files/download', () => {
    expect(
      fetchableBySelf('blob:https://chatgpt.com/3f1c2a9e-8d7b-4c61-9a0e-5b2d4f6e8a10', 'file_00aa11'),
    ).toBe(false);
    expect(fetchableBySelf('data:image/png;base64,iVBORw0KGgo=', 'file_00aa11')).toBe(false);
  });
});
