/**
 * Where a sighted image's bytes come from (src/background/capture/read-bytes.ts), in Node with
 * a stand-in for ChatGPT's servers: a `blob:` src is never fetched; the bytes come through
 * `files/download/{file_id}`, under the request budget.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readBytes } from '../../src/background/capture/read-bytes';
import { CaptureError } from '../../src/core/queue';
import type { ImageSighting } from '../../src/core/types';

const FILE = 'file_00000000b10b5a1ce0f0f0f0f0f0f0f0';
const ESTUARY = `https://chatgpt.com/backend-api/estuary/content?id=${FILE}&sig=fresh`;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8]);

const sighting: ImageSighting = {
  fileId: FILE,
  src: 'blob:https://chatgpt.com/3f1c2a9e-8d7b-4c61-9a0e-5b2d4f6e8a10',
  alt: 'Generated image: a kite',
  conversationId: '67e1a2b3-4c5d-8000-9e0f-a1b2c3d4e5f6',
  turnMessageId: null,
  pageUrl: 'https://chatgpt.com/c/67e1a2b3-4c5d-8000-9e0f-a1b2c3d4e5f6',
  naturalWidth: 1024,
  naturalHeight: 1024,
};

let asked: string[] = [];
let download: () => Response;

beforeEach(() => {
  asked = [];
  download = () => Response.json({ status: 'success', download_url: ESTUARY });
  vi.stubGlobal('fetch', async (input: string | URL) => {
    const url = String(input);
    asked.push(url);
    if (url === 'https://chatgpt.com/api/auth/session') return Response.json({ accessToken: 'tok' });
    if (url.startsWith(`https://chatgpt.com/backend-api/files/download/${FILE}`)) return download();
    if (url === ESTUARY) return new Response(PNG, { headers: { 'content-type': 'image/png' } });
    return Response.json({ detail: 'Not Found' }, { status: 404 });
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('a blob: src', () => {
  it('is never fetched: the bytes come through files/download, byte for byte', async () => {
    const img = await readBytes(sighting, {});
    expect([...img.bytes]).toEqual([...PNG]);
    expect(img.mimeType).toBe('image/png');
    expect(asked.some((u) => u.startsWith('blob:'))).toBe(false);
    expect(asked.map((u) => u.split('?')[0])).toEqual([
      'https://chatgpt.com/api/auth/session',
      `https://chatgpt.com/backend-api/files/download/${FILE}`,
      'https://chatgpt.com/backend-api/estuary/content',
    ]);
  });

  it('without a download link from ChatGPT, fails with a reason in plain words and is not retried', async () => {
    download = () =>
      Response.json({ status: 'error', error_code: 'file_not_found', error_message: 'File not found' });
    const err = await readBytes(sighting, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CaptureError);
    expect((err as CaptureError).retryable).toBe(false);
    // the newer endpoint says "File not found", the older one 404: the last reason is given
    expect((err as CaptureError).message).toBe(
      'the page showed this image from its own memory (a blob: link), and ChatGPT gave no download link for it: ChatGPT could not find this file (HTTP 404)',
    );
    expect(asked.some((u) => u.startsWith('blob:'))).toBe(false);
  });
});
