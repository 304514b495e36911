/**
 * Builds the optional prompt-embedded copy of an original as a Blob made of new bytes and
 * slices of the original (no copy of the image data in memory), and its CRC-32 from the
 * stored CRC of the original by CRC algebra.
 *
 * The copy carries no Content Credentials: a C2PA manifest binds the file's bytes, so a
 * copy with text spliced in would read as *tampered*, which is worse than none
 * (docs/chatgpt.md §Content Credentials (C2PA)). Its C2PA chunks (PNG `caBX`, WebP `C2PA`)
 * are left out; the original in images/ keeps them.
 */
import { blobReader, type C2paChunk, findC2paChunks } from '../c2pa';
import { crc32 } from '../image-bytes';
import { crc32Concat, crc32DropPrefix } from '../zip/crc';
import { isPngPrefix, PNG_PREFIX, pngTextChunks } from './embed-png';
import { WEBP_PREFIX, webpXmpPlan } from './embed-webp';
import type { EmbedText } from './embed-xmp';

export interface EmbeddedCopy {
  blob: Blob;
  crc32: number;
}

interface Piece {
  crc: number;
  length: number;
}

/** The ranges of the original the copy keeps: from `from` to the end, minus the `cut` chunks. */
function keptRanges(from: number, cut: readonly C2paChunk[], size: number): [number, number][] {
  const out: [number, number][] = [];
  let at = from;
  for (const c of cut) {
    out.push([at, c.start]);
    at = c.end;
  }
  out.push([at, size]);
  return out;
}

/**
 * The CRC of each kept range (keptRanges: the last one runs to the end), knowing the CRC of
 * the whole. The last range's CRC comes by algebra from the CRC of everything before it; that
 * prefix is read once — a few bytes without C2PA chunks, up to the last chunk's end with them
 * (C2PA tools put the chunk early, after IHDR in PNG).
 */
async function keptCrcs(original: Blob, originalCrc: number, ranges: [number, number][]): Promise<Piece[]> {
  const lastStart = ranges[ranges.length - 1]![0];
  const inner = ranges.slice(0, -1);
  const crcs = inner.map(() => 0);
  let prefixCrc = 0;
  let pos = 0;
  const reader = original.slice(0, lastStart).stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    prefixCrc = crc32(value, prefixCrc);
    inner.forEach(([s, e], i) => {
      const a = Math.max(s, pos);
      const b = Math.min(e, pos + value.length);
      if (a < b) crcs[i] = crc32(value.subarray(a - pos, b - pos), crcs[i]);
    });
    pos += value.length;
  }
  const rest = original.size - lastStart;
  return [
    ...inner.map(([s, e], i) => ({ crc: crcs[i]!, length: e - s })),
    { crc: crc32DropPrefix(originalCrc, prefixCrc, rest), length: rest },
  ];
}

/**
 * The copy, or null when the format cannot carry it here (JPEG/GIF, or a WebP that already
 * has XMP). `originalCrc` is the CRC-32 of the whole original.
 */
export async function embeddedCopy(
  original: Blob,
  originalCrc: number,
  mimeType: string,
  t: EmbedText,
): Promise<EmbeddedCopy | null> {
  const wanted = mimeType === 'image/png' ? PNG_PREFIX : mimeType === 'image/webp' ? WEBP_PREFIX : 0;
  if (!wanted || original.size < wanted) return null;
  const prefix = new Uint8Array(await original.slice(0, wanted).arrayBuffer());
  let head: Uint8Array<ArrayBuffer>;
  let skip: number;
  let tail = new Uint8Array(0);
  if (mimeType === 'image/png' && !isPngPrefix(prefix)) return null;
  const found = (await findC2paChunks(blobReader(original), original.size)).chunks;
  if (mimeType === 'image/png') {
    const chunks = pngTextChunks(t);
    head = new Uint8Array(PNG_PREFIX + chunks.length);
    head.set(prefix, 0);
    head.set(chunks, PNG_PREFIX);
    skip = PNG_PREFIX;
  } else {
    const removed = found.reduce((n, c) => n + c.end - c.start, 0);
    // The RIFF size is computed for the copy's length: the original's minus the C2PA chunks.
    const plan = webpXmpPlan(prefix, original.size - removed, t);
    if (!plan) return null;
    ({ head, skip, tail } = plan);
  }
  const cut = found.filter((c) => c.start >= skip); // never inside the rewritten header
  const ranges = keptRanges(skip, cut, original.size);
  const kept = await keptCrcs(original, originalCrc, ranges);
  const slices = ranges.map(([s, e]) => original.slice(s, e));
  return {
    blob: new Blob([head, ...slices, tail]),
    crc32: crc32Concat([
      { crc: crc32(head), length: head.length },
      ...kept,
      { crc: crc32(tail), length: tail.length },
    ]),
  };
}
