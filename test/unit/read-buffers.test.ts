import { describe, expect, it } from 'vitest';
import { ReadBuffers } from '../../src/export/read-buffers';

const blobOf = (n: number, seed: number) => {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed) & 0xff;
  return { blob: new Blob([b]), bytes: b };
};

describe('ReadBuffers', () => {
  it('reads a blob byte for byte, in pieces or whole', async () => {
    const buffers = new ReadBuffers();
    for (const n of [0, 1, 1000, 3 * 2 ** 20 + 7]) {
      const { blob, bytes } = blobOf(n, n);
      const r = await buffers.read(blob);
      expect(r.bytes.length).toBe(n);
      expect(Buffer.from(r.bytes).equals(Buffer.from(bytes))).toBe(true);
      r.release();
    }
  });

  it('reuses a released buffer for the next read instead of allocating one', async () => {
    const buffers = new ReadBuffers();
    const first = await buffers.read(blobOf(4000, 1).blob);
    const capacity = first.bytes.buffer.byteLength;
    expect(capacity).toBeGreaterThanOrEqual(4000);
    first.release();
    const second = await buffers.read(blobOf(100, 2).blob);
    // A fresh buffer for 100 bytes would hold 125; the released one holds `capacity`.
    expect(second.bytes.buffer.byteLength).toBe(capacity);
    expect(Buffer.from(second.bytes).equals(Buffer.from(blobOf(100, 2).bytes))).toBe(true);
  });

  it('gives two reads in flight two different buffers', async () => {
    const buffers = new ReadBuffers();
    const a = await buffers.read(blobOf(5000, 3).blob);
    const b = await buffers.read(blobOf(5000, 4).blob);
    expect(a.bytes[0]).toBe(3);
    expect(b.bytes[0]).toBe(4);
    expect(Buffer.from(a.bytes).equals(Buffer.from(blobOf(5000, 3).bytes))).toBe(true);
  });
});
