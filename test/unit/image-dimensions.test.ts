import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { imageDimensions } from '../../src/core/image-dimensions';

function pngHeader(w: number, h: number): Uint8Array {
  const b = Buffer.alloc(33);
  Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'ascii');
  b.writeUInt32BE(w, 16);
  b.writeUInt32BE(h, 20);
  return new Uint8Array(Buffer.concat([b, deflateSync(Buffer.alloc(1))]));
}

function riff(chunk: string, payload: number[]): Uint8Array {
  const b = Buffer.alloc(20 + payload.length);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(12 + payload.length, 4);
  b.write('WEBP', 8, 'ascii');
  b.write(chunk, 12, 'ascii');
  b.writeUInt32LE(payload.length, 16);
  Buffer.from(payload).copy(b, 20);
  return new Uint8Array(b);
}

describe('imageDimensions', () => {
  it('reads a PNG IHDR', () => {
    expect(imageDimensions(pngHeader(1536, 1024), 'image/png')).toEqual({ width: 1536, height: 1024 });
  });

  it('reads WebP VP8X (extended) canvas size', () => {
    const w = 1792 - 1;
    const h = 1024 - 1;
    const payload = [0, 0, 0, 0, w & 255, (w >> 8) & 255, w >> 16, h & 255, (h >> 8) & 255, h >> 16];
    expect(imageDimensions(riff('VP8X', payload), 'image/webp')).toEqual({ width: 1792, height: 1024 });
  });

  it('reads WebP VP8L (lossless) size', () => {
    const w = 1024 - 1;
    const h = 768 - 1;
    const bits = w | (h << 14);
    const payload = [
      0x2f,
      bits & 255,
      (bits >> 8) & 255,
      (bits >> 16) & 255,
      (bits >>> 24) & 255,
      0,
      0,
      0,
      0,
      0,
    ];
    expect(imageDimensions(riff('VP8L', payload), 'image/webp')).toEqual({ width: 1024, height: 768 });
  });

  it('reads WebP VP8 (lossy) size', () => {
    const payload = [0, 0, 0, 0x9d, 0x01, 0x2a, 0x00, 0x04, 0x00, 0x04];
    expect(imageDimensions(riff('VP8 ', payload), 'image/webp')).toEqual({ width: 1024, height: 1024 });
  });

  it('reads a JPEG SOF0 after an APP0 segment', () => {
    const jpeg = new Uint8Array([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x02, 0x58, 0x03, 0x20,
      0x03,
    ]);
    expect(imageDimensions(jpeg, 'image/jpeg')).toEqual({ width: 800, height: 600 });
  });

  it('returns null for truncated or foreign data', () => {
    expect(imageDimensions(new Uint8Array(10), 'image/png')).toBeNull();
    expect(imageDimensions(new TextEncoder().encode('<html>error</html>'), 'image/webp')).toBeNull();
    expect(imageDimensions(pngHeader(0, 10), 'image/png')).toBeNull();
  });
});
