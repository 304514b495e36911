/** CRC algebra: the prompt-embedded copies get their CRC from pieces, never by rereading. */
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/core/image-bytes';
import { blobCrc32, crc32Combine, crc32Concat, crc32DropPrefix } from '../../src/core/zip/crc';

const bytes = (n: number, seed: number) =>
  Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 7) & 0xff);

describe('CRC-32 algebra', () => {
  it.each([0, 1, 13, 1000, 70_001])('combine matches the CRC of the concatenation (|B| = %i)', (n) => {
    const a = bytes(257, 1);
    const b = bytes(n, 2);
    const ab = new Uint8Array([...a, ...b]);
    expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(ab));
    expect(crc32DropPrefix(crc32(ab), crc32(a), b.length)).toBe(crc32(b));
  });

  it('concatenates many pieces', () => {
    const pieces = [bytes(33, 3), bytes(0, 4), bytes(5000, 5), bytes(12, 6)];
    const all = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of pieces) {
      all.set(p, at);
      at += p.length;
    }
    expect(crc32Concat(pieces.map((p) => ({ crc: crc32(p), length: p.length })))).toBe(crc32(all));
  });

  it('computes the CRC of a Blob by streaming it', async () => {
    const data = bytes(200_000, 9);
    expect(await blobCrc32(new Blob([data]))).toBe(crc32(data));
    expect(await blobCrc32(new Blob([]))).toBe(0);
  });
});
