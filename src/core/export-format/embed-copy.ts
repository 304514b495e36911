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

/**
 * The CRCs of the original's ranges `keep` (sorted, from `from`), knowing the CRC of the whole.
 * Without C2PA chunks that is one range to the end, found by algebra with no read. With them,
 * the bytes up to the last chunk's end are streamed once (C2PA tools put the chunk early,
 * after IHDR in PNG); the range after it again comes from algebra.
 */
async function keptCrcs(
  original: Blob,
  originalCrc: number,
  from: number,
  cut: C2paChunk[],
): Promise<Piece[]> {
  const head = new Uint8Array(await original.slice(0, from).arrayBuffer());
  if (!cut.length)
    return [
      { crc: crc32DropPrefix(originalCrc, crc32(head), original.size - from), length: original.size - from },
    ];
  const ranges: [number, number][] = [];
  let at = from;
  for (const c of cut) {
    ranges.push([at, c.start]);
    at = c.end;
  }
  const lastEnd = at;
  // Stream [0, lastEnd): the CRC of the whole prefix, and of each kept range inside it.
  const crcs = ranges.map(() => 0);
  let prefixCrc = 0;
  let pos = 0;
  const reader = original.slice(0, lastEnd).stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    prefixCrc = crc32(value, prefixCrc);
    ranges.forEach(([s, e], i) => {
      const a = Math.max(s, pos);
      const b = Math.min(e, pos + value.length);
      if (a < b) crcs[i] = crc32(value.subarray(a - pos, b - pos), crcs[i]);
    });
    pos += value.length;
  }
  const rest = original.size - lastEnd;
  return [
    ...ranges.map(([s, e], i) => ({ crc: crcs[i]!, length: e - s })),
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
  let cut: C2paChunk[];
  if (mimeType === 'image/png') {
    if (!isPngPrefix(prefix)) return null;
    cut = (await findC2paChunks(blobReader(original), original.size)).chunks;
    const chunks = pngTextChunks(t);
    head = new Uint8Array(PNG_PREFIX + chunks.length);
    head.set(prefix, 0);
    head.set(chunks, PNG_PREFIX);
    skip = PNG_PREFIX;
  } else {
    cut = (await findC2paChunks(blobReader(original), original.size)).chunks;
    const removed = cut.reduce((n, c) => n + c.end - c.start, 0);
    // The RIFF size is computed for the copy's length: the original's minus the C2PA chunks.
    const plan = webpXmpPlan(prefix, original.size - removed, t);
    if (!plan) return null;
    ({ head, skip, tail } = plan);
  }
  cut = cut.filter((c) => c.start >= skip); // never inside the rewritten header
  const kept = await keptCrcs(original, originalCrc, skip, cut);
  const slices: Blob[] = [];
  let at = skip;
  for (const c of cut) {
    slices.push(original.slice(at, c.start));
    at = c.end;
  }
  slices.push(original.slice(at));
  return {
    blob: new Blob([head, ...slices, tail]),
    crc32: crc32Concat([
      { crc: crc32(head), length: head.length },
      ...kept,
      { crc: crc32(tail), length: tail.length },
    ]),
  };
}
