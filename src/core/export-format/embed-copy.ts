/**
 * Builds the optional prompt-embedded copy of an original as a Blob made of new bytes and a
 * slice of the original (no copy of the image data in memory), and its CRC-32 from the
 * stored CRC of the original by CRC algebra: the original is not read a second time.
 */
import { crc32 } from '../image-bytes';
import { crc32Concat, crc32DropPrefix } from '../zip/crc';
import { isPngPrefix, PNG_PREFIX, pngTextChunks } from './embed-png';
import { WEBP_PREFIX, webpXmpPlan } from './embed-webp';
import type { EmbedText } from './embed-xmp';

export interface EmbeddedCopy {
  blob: Blob;
  crc32: number;
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
  let tail: Uint8Array<ArrayBuffer>;
  if (mimeType === 'image/png') {
    if (!isPngPrefix(prefix)) return null;
    const chunks = pngTextChunks(t);
    head = new Uint8Array(PNG_PREFIX + chunks.length);
    head.set(prefix, 0);
    head.set(chunks, PNG_PREFIX);
    skip = PNG_PREFIX;
    tail = new Uint8Array(0);
  } else {
    const plan = webpXmpPlan(prefix, original.size, t);
    if (!plan) return null;
    ({ head, skip, tail } = plan);
  }
  const restLength = original.size - skip;
  const restCrc = crc32DropPrefix(originalCrc, crc32(prefix.subarray(0, skip)), restLength);
  return {
    blob: new Blob([head, original.slice(skip), tail]),
    crc32: crc32Concat([
      { crc: crc32(head), length: head.length },
      { crc: restCrc, length: restLength },
      { crc: crc32(tail), length: tail.length },
    ]),
  };
}
