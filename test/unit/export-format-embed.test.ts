/**
 * Prompt-embedded copies: the chunk structure stays valid (every PNG chunk CRC, the RIFF
 * sizes of WebP), the text is there, the original's image data is untouched, and the
 * CRC-32 derived by CRC algebra equals the CRC of the bytes actually produced.
 */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { embeddedCopy } from '../../src/core/export-format/embed-copy';
import type { EmbedText } from '../../src/core/export-format/embed-xmp';
import { crc32 } from '../../src/core/image-bytes';
import { caBXChunk, jpegWithC2pa, plainWebp, pngWithC2pa, webpWithC2pa } from '../support/c2pa-fixtures';

const text: EmbedText = {
  title: 'Ünïcode <title> & "quotes"',
  prompt: 'a cat in a hat',
  revisedPrompt: 'A photorealistic cat wearing a red hat, \u0001 studio light',
  createdAt: '2025-01-02T10:00:00.000Z',
  conversationUrl: 'https://chatgpt.com/c/abc',
  model: 'GPT-4o image',
};

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const body = new Uint8Array([...new TextEncoder().encode(type), ...data]);
  const out = new Uint8Array(8 + data.length + 4);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  out.set(body, 4);
  v.setUint32(4 + body.length, crc32(body));
  return out;
}

/** A real 2×2 RGB PNG. */
function tinyPng(): Uint8Array<ArrayBuffer> {
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, 2);
  new DataView(ihdr.buffer).setUint32(4, 2);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = new Uint8Array([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', new Uint8Array(0)),
  ];
  return new Uint8Array(parts.flatMap((p) => [...p]));
}

/** Walks PNG chunks, checking each CRC; returns [type, data] pairs. */
function pngChunks(b: Uint8Array): [string, Uint8Array][] {
  const v = new DataView(b.buffer, b.byteOffset);
  const out: [string, Uint8Array][] = [];
  for (let at = 8; at < b.length; ) {
    const len = v.getUint32(at);
    const typeAndData = b.subarray(at + 4, at + 8 + len);
    expect(v.getUint32(at + 8 + len), 'chunk CRC').toBe(crc32(typeAndData));
    out.push([new TextDecoder().decode(typeAndData.subarray(0, 4)), typeAndData.subarray(4)]);
    at += 12 + len;
  }
  return out;
}

/** Walks RIFF chunks; returns [fourcc, data] pairs after checking the RIFF size. */
function riffChunks(b: Uint8Array): [string, Uint8Array][] {
  const v = new DataView(b.buffer, b.byteOffset);
  expect(v.getUint32(4, true)).toBe(b.length - 8);
  const out: [string, Uint8Array][] = [];
  for (let at = 12; at < b.length; ) {
    const len = v.getUint32(at + 4, true);
    out.push([new TextDecoder().decode(b.subarray(at, at + 4)), b.subarray(at + 8, at + 8 + len)]);
    at += 8 + len + (len & 1);
    expect(at).toBeLessThanOrEqual(b.length);
  }
  return out;
}

async function copyOf(original: Uint8Array<ArrayBuffer>, mime: string): Promise<Uint8Array<ArrayBuffer>> {
  const copy = await embeddedCopy(new Blob([original]), crc32(original), mime, text);
  expect(copy).not.toBeNull();
  const bytes = new Uint8Array(await copy!.blob.arrayBuffer());
  expect(copy!.crc32).toBe(crc32(bytes));
  return bytes;
}

const b64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));
const LOSSY = 'UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA';
const LOSSLESS = 'UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==';

describe('prompt-embedded copies', () => {
  it('PNG: iTXt chunks after IHDR, every chunk valid, image data untouched', async () => {
    const png = tinyPng();
    const chunks = pngChunks(await copyOf(png, 'image/png'));
    expect(chunks.map((c) => c[0])).toEqual(['IHDR', ...Array(7).fill('iTXt'), 'IDAT', 'IEND']);
    const texts = chunks.filter((c) => c[0] === 'iTXt').map((c) => new TextDecoder().decode(c[1]));
    expect(texts.some((t) => t.startsWith('Prompt\0\0\0\0\0a cat in a hat'))).toBe(true);
    expect(texts.find((t) => t.startsWith('XML:com.adobe.xmp'))).toContain(
      '&lt;title&gt; &amp; &quot;quotes&quot;',
    );
    expect(chunks.find((c) => c[0] === 'IDAT')![1]).toEqual(pngChunks(png).find((c) => c[0] === 'IDAT')![1]);
  });

  it.each([
    ['lossy', LOSSY, 'VP8 ', 0x04],
    ['lossless with alpha', LOSSLESS, 'VP8L', 0x14],
  ])('WebP (%s): VP8X header announcing XMP, XMP chunk last', async (_, data, kind, flags) => {
    const chunks = riffChunks(await copyOf(b64(data), 'image/webp'));
    expect(chunks.map((c) => c[0])).toEqual(['VP8X', kind, 'XMP ']);
    const vp8x = chunks[0]![1];
    expect(vp8x[0]).toBe(flags);
    expect([...vp8x.subarray(4, 10)]).toEqual([0, 0, 0, 0, 0, 0]); // 1×1 canvas
    expect(new TextDecoder().decode(chunks[2]![1])).toContain('<iv:prompt>a cat in a hat</iv:prompt>');
    expect(chunks[1]![1]).toEqual(riffChunks(b64(data))[0]![1]);
  });

  it('WebP already extended: sets the XMP flag and keeps its chunks', async () => {
    const once = await copyOf(b64(LOSSY), 'image/webp');
    const noXmp = once.slice(
      0,
      once.length - riffChunks(once)[2]![1].length - 8 - (riffChunks(once)[2]![1].length & 1),
    );
    noXmp[20] = 0;
    new DataView(noXmp.buffer).setUint32(4, noXmp.length - 8, true);
    const chunks = riffChunks(await copyOf(noXmp, 'image/webp'));
    expect(chunks.map((c) => c[0])).toEqual(['VP8X', 'VP8 ', 'XMP ']);
    expect(chunks[0]![1][0]).toBe(0x04);
  });

  it('leaves formats it cannot carry alone', async () => {
    expect(await embeddedCopy(new Blob([new Uint8Array(100)]), 0, 'image/jpeg', text)).toBeNull();
    expect(await embeddedCopy(new Blob([new Uint8Array(100)]), 0, 'image/png', text)).toBeNull();
    const once = await copyOf(b64(LOSSY), 'image/webp');
    expect(await embeddedCopy(new Blob([once]), crc32(once), 'image/webp', text)).toBeNull();
  });

  it('PNG with Content Credentials: the copy drops caBX, stays valid; the original is untouched', async () => {
    const original = pngWithC2pa(tinyPng());
    const before = original.slice();
    expect(pngChunks(original).map((c) => c[0])).toContain('caBX');
    const chunks = pngChunks(await copyOf(original, 'image/png'));
    expect(chunks.map((c) => c[0])).toEqual(['IHDR', ...Array(7).fill('iTXt'), 'IDAT', 'IEND']);
    expect(original).toEqual(before);
  });

  it('PNG with caBX after IDAT (unusual): still dropped, CRC still right', async () => {
    const png = tinyPng();
    const iend = png.length - 12;
    const late = new Uint8Array([...png.subarray(0, iend), ...caBXChunk(), ...png.subarray(iend)]);
    expect(pngChunks(late).map((x) => x[0])).toEqual(['IHDR', 'IDAT', 'caBX', 'IEND']);
    const chunks = pngChunks(await copyOf(late, 'image/png'));
    expect(chunks.map((x) => x[0])).toEqual(['IHDR', ...Array(7).fill('iTXt'), 'IDAT', 'IEND']);
  });

  it('WebP with Content Credentials: the copy drops the C2PA chunk, RIFF size fixed, XMP announced', async () => {
    const original = webpWithC2pa(plainWebp());
    const before = original.slice();
    expect(riffChunks(original).map((c) => c[0])).toEqual(['VP8X', 'VP8 ', 'C2PA']);
    const chunks = riffChunks(await copyOf(original, 'image/webp'));
    expect(chunks.map((c) => c[0])).toEqual(['VP8X', 'VP8 ', 'XMP ']);
    expect(chunks[0]![1][0]).toBe(0x04);
    expect(original).toEqual(before);
  });

  it('a JPEG with Content Credentials gets no copy at all (the format cannot carry one here)', async () => {
    const jpeg = jpegWithC2pa();
    expect(await embeddedCopy(new Blob([jpeg]), crc32(jpeg), 'image/jpeg', text)).toBeNull();
  });
});
