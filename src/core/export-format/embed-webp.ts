/**
 * WebP copies with the prompts as XMP (WebP container spec, "Extended File Format"): the
 * XMP chunk goes at the end and the VP8X header must announce it. A simple (VP8/VP8L) file
 * gets a VP8X header inserted; only the first 30 bytes of the original are ever read.
 */
import { type EmbedText, xmpPacket } from './embed-xmp';

export const WEBP_PREFIX = 30;
const XMP_FLAG = 0x04;
const ALPHA_FLAG = 0x10;
const enc = new TextEncoder();
const fourcc = (b: Uint8Array, at: number) => String.fromCharCode(...b.subarray(at, at + 4));

/** How to build the copy: `head` ‖ original[skip…] ‖ `tail`; null when this WebP is left alone. */
export interface SplicePlan {
  head: Uint8Array<ArrayBuffer>;
  skip: number;
  tail: Uint8Array<ArrayBuffer>;
}

function chunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const padded = data.length + (data.length & 1); // chunks are padded to even length
  const out = new Uint8Array(8 + padded);
  out.set(enc.encode(type), 0);
  new DataView(out.buffer).setUint32(4, data.length, true);
  out.set(data, 8);
  return out;
}

const u24 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff];

/** Canvas size and alpha of a simple WebP, from its bitstream header. */
function simpleInfo(p: Uint8Array, v: DataView): { w: number; h: number; alpha: boolean } | null {
  const kind = fourcc(p, 12);
  if (kind === 'VP8 ' && p[23] === 0x9d && p[24] === 0x01 && p[25] === 0x2a)
    return { w: v.getUint16(26, true) & 0x3fff, h: v.getUint16(28, true) & 0x3fff, alpha: false };
  if (kind === 'VP8L' && p[20] === 0x2f) {
    const bits = v.getUint32(21, true);
    return { w: (bits & 0x3fff) + 1, h: ((bits >>> 14) & 0x3fff) + 1, alpha: ((bits >>> 28) & 1) === 1 };
  }
  return null;
}

/** `prefix` = the first WEBP_PREFIX bytes, `size` = the original's size. */
export function webpXmpPlan(prefix: Uint8Array, size: number, t: EmbedText): SplicePlan | null {
  if (prefix.length < WEBP_PREFIX || fourcc(prefix, 0) !== 'RIFF' || fourcc(prefix, 8) !== 'WEBP')
    return null;
  const v = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength);
  const tail = chunk('XMP ', enc.encode(xmpPacket(t)));
  let head: Uint8Array<ArrayBuffer>;
  let skip: number;
  if (fourcc(prefix, 12) === 'VP8X') {
    if (prefix[20]! & XMP_FLAG) return null; // already carries XMP: leave the original's alone
    head = prefix.slice(0, WEBP_PREFIX);
    head[20] = prefix[20]! | XMP_FLAG;
    skip = WEBP_PREFIX;
  } else {
    const info = simpleInfo(prefix, v);
    if (!info || info.w < 1 || info.h < 1) return null;
    // VP8X payload: flags, 3 reserved bytes, canvas width − 1 and height − 1 as 24-bit LE.
    const vp8x = new Uint8Array(10);
    vp8x[0] = XMP_FLAG | (info.alpha ? ALPHA_FLAG : 0);
    vp8x.set(u24(info.w - 1), 4);
    vp8x.set(u24(info.h - 1), 7);
    head = new Uint8Array(12 + 18);
    head.set(prefix.subarray(0, 12), 0);
    head.set(chunk('VP8X', vp8x), 12);
    skip = 12;
  }
  new DataView(head.buffer).setUint32(4, size - skip + head.length + tail.length - 8, true);
  return { head, skip, tail };
}
