/**
 * CRC-32 helpers for the ZIP writer. The per-byte CRC lives in core/image-bytes.ts; here:
 * CRC of a Blob read as a stream (records that lack the stored CRC), and CRC algebra so
 * that a file built from pieces of a stored original (the prompt-embedded copies) gets
 * its CRC without reading the original again.
 */
import { crc32 } from '../image-bytes';

/** CRC-32 of a Blob, read chunk by chunk so memory stays at one chunk. */
export async function blobCrc32(blob: Blob): Promise<number> {
  let crc = 0;
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return crc;
    crc = crc32(value, crc);
  }
}

const POLY = 0xedb88320;

/** a(x)·b(x) modulo the CRC polynomial, in the reflected bit order CRC-32 uses (zlib's multmodp). */
function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** X2N[k] = x^(2^k) mod p. */
const X2N: number[] = [];
{
  let p = 0x40000000; // x^1
  for (let k = 0; k < 32; k++) {
    X2N.push(p);
    p = multModP(p, p);
  }
}

/** x^(n·2^k) mod p: the operator that shifts a CRC over n·2^k/8 zero bytes (k = 3 → n bytes). */
function x2nModP(n: number, k: number): number {
  let p = 0x80000000; // x^0
  while (n > 0) {
    if (n % 2) p = multModP(X2N[k & 31]!, p);
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}

/** CRC of A‖B from CRC(A), CRC(B) and the length of B, without the bytes (zlib's crc32_combine). */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multModP(x2nModP(lengthB, 3), crcA) ^ crcB) >>> 0;
}

/** CRC of B from CRC(A‖B), CRC(A) and the length of B: drops a known prefix. */
export function crc32DropPrefix(crcAB: number, crcA: number, lengthB: number): number {
  return (crcAB ^ multModP(x2nModP(lengthB, 3), crcA)) >>> 0;
}

/** CRC of a file made of pieces whose CRCs and lengths are known, in order. */
export function crc32Concat(pieces: readonly { crc: number; length: number }[]): number {
  let crc = 0;
  for (const p of pieces) crc = crc32Combine(crc, p.crc, p.length);
  return crc;
}
