/**
 * Checks one image file of ChatGPT's export before anything is stored, as capture checks a
 * download: its type from the magic bytes only (a `.dat` name says nothing, and a RIFF file
 * can be WebP or WAV: docs/chatgpt.md §Official export), then the facts capture computes
 * (dimensions, SHA-256, CRC-32, thumbnail).
 */
import { type ImageFacts, imageFacts } from '../background/capture/image-facts';
import { sniffImageType } from '../core/image-bytes';
import type { GeneratedImageMeta } from '../core/types';
import type { ZipArchive, ZipEntry } from '../core/zip/reader';
import { MAX_IMAGE_BYTES } from './import-verify';
import type { ReadBuffers, ReadBytes } from './read-buffers';

/** The verified original and its facts, or why it was refused (plain words). */
export type AssetCheck = { ok: true; original: Blob; facts: ImageFacts } | { ok: false; reason: string };

const isWav = (b: Uint8Array) =>
  b.length >= 12 &&
  String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!) === 'RIFF' &&
  String.fromCharCode(b[8]!, b[9]!, b[10]!, b[11]!) === 'WAVE';

export async function checkAsset(
  zip: ZipArchive,
  entry: ZipEntry,
  meta: GeneratedImageMeta,
  buffers: ReadBuffers,
): Promise<AssetCheck> {
  if (entry.size > MAX_IMAGE_BYTES)
    return { ok: false, reason: `${entry.name} is larger than ${MAX_IMAGE_BYTES / 2 ** 20} MB` };
  if (entry.size === 0) return { ok: false, reason: `${entry.name} is empty` };
  let data: Blob;
  let read: ReadBytes;
  try {
    // A stored entry stays a slice of the user's file: IndexedDB copies it from disk, and no
    // second in-memory copy waits in the browser's blob store for the page's garbage collector
    // (that is what kept a 2 GB import's memory growing with the export's size).
    data = await zip.blob(entry);
    read = await buffers.read(data);
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
  try {
    return await checkBytes(entry, meta, data, read.bytes);
  } finally {
    read.release(); // nothing below keeps the bytes: the stored original is `data`, a Blob
  }
}

async function checkBytes(
  entry: ZipEntry,
  meta: GeneratedImageMeta,
  data: Blob,
  bytes: Uint8Array,
): Promise<AssetCheck> {
  const mimeType = sniffImageType(bytes);
  if (!mimeType)
    return {
      ok: false,
      reason: isWav(bytes)
        ? `${entry.name} is a sound file (WAV), not an image`
        : `${entry.name} is not an image (its first bytes match no image format)`,
    };
  const original = data.slice(0, data.size, mimeType);
  try {
    const facts = await imageFacts(
      { blob: original, bytes, mimeType },
      { width: meta.width ?? 0, height: meta.height ?? 0 },
    );
    return { ok: true, original, facts };
  } catch {
    // The thumbnail is drawn from the decoded image: a file that does not decode is damaged.
    return {
      ok: false,
      reason: `${entry.name} starts like an image but does not decode (damaged or cut short)`,
    };
  }
}
