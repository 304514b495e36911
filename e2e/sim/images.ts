/**
 * Real, decodable images for the simulator, made in Node without dependencies.
 *
 * - PNG: RGB, 8 bit, zlib-deflated, every row with filter "Sub". By default a seeded gradient
 *   with a noisy stamp (small and fast); `realistic: true` mixes noise into every pixel so a
 *   1024² image weighs ~1.5–3 MB, like GPT-4o / gpt-image output (docs/chatgpt.md §Image bytes).
 * - WebP: lossless VP8L with no transforms and "simple" prefix codes of two symbols per
 *   channel, i.e. 1 bit each for green, red and blue per pixel (alpha is a one-symbol code).
 *   The result is a valid, decodable WebP of 8 colours, uncompressed at 3 bits per pixel,
 *   so a 1024² DALL·E image is ~390 KB — close to the ~300 KB real ones (docs/chatgpt.md §Image bytes).
 *   Chosen over encoding in the browser because it needs no page and no async set-up.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/** Deterministic PRNG (mulberry32) so that a seed always gives the same bytes. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export interface ImageSpec {
  width: number;
  height: number;
  seed: number;
  /** PNG only: noise in every pixel for realistic sizes (1–3 MB at 1024²). */
  realistic?: boolean;
  /** PNG only: draw as a blurred partial frame (smooth, low detail). */
  partial?: boolean;
}

/** An RGB PNG whose bytes depend on `seed`. */
export function makePng({ width, height, seed, realistic = false, partial = false }: ImageSpec): Buffer {
  const rnd = prng(seed);
  const base = [rnd() * 255, rnd() * 255, rnd() * 255];
  const dx = [rnd() * 2 - 1, rnd() * 2 - 1, rnd() * 2 - 1].map((v) => (v * 255) / width);
  const dy = [rnd() * 2 - 1, rnd() * 2 - 1, rnd() * 2 - 1].map((v) => (v * 255) / height);
  const stamp = Math.max(8, Math.floor(Math.min(width, height) / 8));
  const sx = Math.floor(rnd() * (width - stamp));
  const sy = Math.floor(rnd() * (height - stamp));
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  const row = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inStamp = !partial && x >= sx && x < sx + stamp && y >= sy && y < sy + stamp;
      for (let c = 0; c < 3; c++) {
        let v = base[c]! + dx[c]! * x + dy[c]! * y;
        if (realistic && !partial) v += rnd() * 96 - 48;
        else if (inStamp) v = rnd() * 255;
        row[x * 3 + c] = Math.max(0, Math.min(255, Math.round(v)));
      }
    }
    const o = y * (stride + 1);
    raw[o] = 1; // filter "Sub": store the difference to the pixel on the left
    for (let i = 0; i < stride; i++) raw[o + 1 + i] = (row[i]! - (i >= 3 ? row[i - 3]! : 0)) & 0xff;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: realistic ? 1 : 6 })),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** LSB-first bit writer, as VP8L expects. */
class BitWriter {
  private bytes: number[] = [];
  private acc = 0;
  private n = 0;
  write(value: number, bits: number): void {
    for (let i = 0; i < bits; i++) {
      this.acc |= ((value >>> i) & 1) << this.n;
      if (++this.n === 8) {
        this.bytes.push(this.acc);
        this.acc = 0;
        this.n = 0;
      }
    }
  }
  finish(): Buffer {
    if (this.n > 0) this.bytes.push(this.acc);
    return Buffer.from(this.bytes);
  }
}

/** A lossless VP8L WebP of 8 colours whose bytes depend on `seed` (see the file comment). */
export function makeWebp({ width, height, seed }: ImageSpec): Buffer {
  const rnd = prng(seed);
  const w = new BitWriter();
  w.write(0x2f, 8); // VP8L signature
  w.write(width - 1, 14);
  w.write(height - 1, 14);
  w.write(0, 1); // alpha_is_used
  w.write(0, 3); // version
  w.write(0, 1); // no transform
  w.write(0, 1); // no colour cache
  w.write(0, 1); // no meta prefix codes
  // Two symbols per colour channel; canonical codes give the smaller symbol code 0.
  const pairs: [number, number][] = [0, 1, 2].map(() => {
    const lo = Math.floor(rnd() * 120);
    return [lo, lo + 80 + Math.floor(rnd() * 55)];
  });
  const simple2 = ([a, b]: [number, number]) => {
    w.write(1, 1); // simple code
    w.write(1, 1); // two symbols
    w.write(1, 1); // first symbol has 8 bits
    w.write(a, 8);
    w.write(b, 8);
  };
  const simple1 = (symbol: number) => {
    w.write(1, 1);
    w.write(0, 1); // one symbol: takes zero bits per pixel
    w.write(1, 1);
    w.write(symbol, 8);
  };
  simple2(pairs[1]!); // green (+ length prefixes, unused)
  simple2(pairs[0]!); // red
  simple2(pairs[2]!); // blue
  simple1(255); // alpha
  simple1(0); // distance (unused)
  // Pixels in the order green, red, blue: soft diagonal bands plus noise so that bytes differ.
  const fx = 2 + rnd() * 6;
  const fy = 2 + rnd() * 6;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const band = Math.sin((x / width) * fx + (y / height) * fy);
      w.write(band + rnd() * 0.8 > 0.4 ? 1 : 0, 1);
      w.write(Math.cos((y / height) * fx) + rnd() * 0.8 > 0.4 ? 1 : 0, 1);
      w.write(rnd() > 0.5 ? 1 : 0, 1);
    }
  }
  const vp8l = w.finish();
  const pad = vp8l.length % 2;
  const out = Buffer.alloc(20 + vp8l.length + pad);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(12 + vp8l.length + pad, 4);
  out.write('WEBP', 8, 'ascii');
  out.write('VP8L', 12, 'ascii');
  out.writeUInt32LE(vp8l.length, 16);
  vp8l.copy(out, 20);
  return out;
}
