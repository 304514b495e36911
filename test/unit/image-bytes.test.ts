/** Byte checks and fingerprints: sniffing, SHA-256, CRC-32, dedupe keys. */
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, dedupeKeys, isImageContentType, sha256Hex, sniffImageType } from '../../src/core/image-bytes';

const bytes = (...xs: number[]) => new Uint8Array(xs);
const ascii = (s: string) => new TextEncoder().encode(s);

/** Deterministic pseudo-random bytes (xorshift), so failures reproduce. */
function noise(n: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('sniffImageType', () => {
  it.each([
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), 'image/png'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['GIF87a', ascii('GIF87a\x01\x00'), 'image/gif'],
    ['GIF89a', ascii('GIF89a\x01\x00'), 'image/gif'],
    ['WebP', new Uint8Array([...ascii('RIFF'), 0x24, 0x80, 0x04, 0x00, ...ascii('WEBPVP8 ')]), 'image/webp'],
  ])('%s', (_name, data, type) => {
    expect(sniffImageType(data)).toBe(type);
  });

  it.each([
    ['an HTML error page', ascii('<!DOCTYPE html><html>')],
    ['plain text "File stream access denied"', ascii('File stream access denied')],
    ['JSON', ascii('{"status":"error"}')],
    ['a RIFF that is not WebP (WAV)', new Uint8Array([...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WAVEfmt ')])],
    ['a truncated PNG signature', bytes(0x89, 0x50, 0x4e, 0x47)],
    ['GIF90a', ascii('GIF90a')],
    ['nothing', new Uint8Array(0)],
  ])('refuses %s', (_name, data) => {
    expect(sniffImageType(data)).toBeNull();
  });
});

describe('isImageContentType', () => {
  it.each([
    ['image/png', true],
    ['image/webp', true],
    ['IMAGE/JPEG; charset=binary', true],
    ['image/gif', true],
    ['image/svg+xml', false],
    ['text/html; charset=utf-8', false],
    ['text/plain', false],
    ['application/json', false],
    ['application/octet-stream', false],
    ['', false],
    [null, false],
  ])('%s → %s', (ct, ok) => {
    expect(isImageContentType(ct)).toBe(ok);
  });
});

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 vector for "abc"', async () => {
    expect(await sha256Hex(ascii('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('hashes an ArrayBuffer, and only the bytes of a view', async () => {
    const data = noise(10_000);
    const want = createHash('sha256').update(data.subarray(100, 9_000)).digest('hex');
    expect(await sha256Hex(data.subarray(100, 9_000))).toBe(want);
    expect(await sha256Hex(data.slice(100, 9_000).buffer)).toBe(want);
  });

  it('hashes a view on a SharedArrayBuffer', async () => {
    const shared = new Uint8Array(new SharedArrayBuffer(3));
    shared.set([0x61, 0x62, 0x63]);
    expect(await sha256Hex(shared)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('crc32', () => {
  it('matches the check value of CRC-32/ISO-HDLC ("123456789" → 0xCBF43926)', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(ascii('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });

  it('agrees with zlib on every length around the 16-byte stride, and on a big buffer', () => {
    const data = noise(70_000);
    // every start offset (the word loop needs 4-byte alignment), short lengths (byte loop
    // only) and lengths around the 256-byte switch to the word loop, whose tail is < 16
    for (let at = 0; at < 4; at++) {
      for (const n of [...Array(41).keys(), ...Array.from({ length: 40 }, (_, k) => 240 + k)]) {
        const view = data.subarray(at, at + n);
        expect(crc32(view)).toBe(zlib.crc32(view));
      }
    }
    // an unaligned view: the offset into the buffer must not matter
    expect(crc32(data.subarray(3, 65_539))).toBe(zlib.crc32(data.subarray(3, 65_539)));
    expect(crc32(data)).toBe(zlib.crc32(data));
  });

  it('gives the same result chunked (seeded) as in one pass', () => {
    const data = noise(100_003, 42);
    const whole = crc32(data);
    for (const chunk of [1, 7, 16, 1000, 65_536]) {
      let c = 0;
      for (let i = 0; i < data.length; i += chunk) c = crc32(data.subarray(i, i + chunk), c);
      expect(c).toBe(whole);
    }
    expect(crc32(data.subarray(50_000), zlib.crc32(data.subarray(0, 50_000)))).toBe(whole);
  });
});

describe('dedupeKeys', () => {
  it('keys by file id and lowercase SHA-256', () => {
    expect(
      dedupeKeys({
        id: 'file_00ab',
        sha256: ' BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD ',
      }),
    ).toEqual({
      fileId: 'file_00ab',
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
  });
});
