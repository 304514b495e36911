/** Rows for the IndexedDB unit tests (fake-indexeddb): records and sightings as capture makes them. */
import type { ImageRecord, ImageSighting } from '../../src/core/types';

/** A stored-image record; `n` makes its id, hash and times distinct. */
export function record(n: number, over: Partial<ImageRecord> = {}): ImageRecord {
  return {
    id: `file_${String(n).padStart(4, '0')}`,
    sha256: n.toString(16).padStart(64, 'a'),
    crc32: n,
    bytes: 3,
    mimeType: 'image/png',
    width: 64,
    height: 64,
    prompt: `prompt ${n}`,
    revisedPrompt: `revised ${n}`,
    title: null,
    model: 'gpt-image',
    genId: null,
    parentGenId: null,
    editOp: null,
    seed: null,
    genSize: null,
    conversationId: 'c1',
    conversationTitle: 'Cats',
    conversationUrl: 'https://chatgpt.com/c/c1',
    messageId: `m${n}`,
    pageUrl: 'https://chatgpt.com/c/c1',
    createdAt: 1_700_000_000_000 + n,
    capturedAt: 1_700_000_000_000 + n,
    favorite: 0,
    source: 'capture',
    warning: null,
    ...over,
  };
}

/** A sighting of the image `record(n)` would store. */
export function sighting(n: number): ImageSighting {
  return {
    fileId: record(n).id,
    src: `https://chatgpt.com/backend-api/estuary/content?id=${record(n).id}`,
    alt: 'Generated image',
    conversationId: 'c1',
    turnMessageId: null,
    pageUrl: 'https://chatgpt.com/c/c1',
    naturalWidth: 64,
    naturalHeight: 64,
  };
}

/** The bytes `record(n)` describes (their SHA-256 is not checked by the repository). */
export const bytes = (n: number) => new Blob([new Uint8Array([n, n, n])], { type: 'image/png' });
