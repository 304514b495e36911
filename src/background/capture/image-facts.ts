/**
 * What Image Vault computes from an original's bytes before storing it, the same for a live
 * capture, a library image and a deep-scan find: its dimensions (from the header, else the
 * size the source announced), a WebP thumbnail, its SHA-256 and its CRC-32.
 */
import { crc32, sha256Hex } from '../../core/image-bytes';
import { imageDimensions } from '../../core/image-dimensions';
import type { ImageRecord } from '../../core/types';
import { cachedSettings } from '../../settings/cached';
import type { FetchedImage } from './fetch-bytes';
import { timed } from './stats';
import { makeThumbnail } from './thumbnail';

/** The record fields the bytes decide, the thumbnail, and how long each step took. */
export interface ImageFacts {
  fields: Pick<ImageRecord, 'sha256' | 'crc32' | 'bytes' | 'mimeType' | 'width' | 'height'>;
  thumb: Blob;
  hashMs: number;
  crcMs: number;
  thumbMs: number;
}

/**
 * Computes the facts of `img`. Decoding (createImageBitmap) and SHA-256 (crypto.subtle) run
 * off this thread: both start first, and the CRC is computed here while they work.
 */
export async function imageFacts(
  img: FetchedImage,
  announced: { width: number; height: number },
): Promise<ImageFacts> {
  const dims = imageDimensions(img.bytes, img.mimeType) ?? announced;
  // Read once per image from memory (settings/cached.ts): the settings page changes it rarely.
  const { thumbnail } = await cachedSettings();
  const [[thumb, thumbMs], [sha256, hashMs], [crc, crcMs]] = await Promise.all([
    timed(() => makeThumbnail(img.blob, dims.width, dims.height, thumbnail)),
    timed(() => sha256Hex(img.bytes)),
    timed(() => crc32(img.bytes)),
  ]);
  return {
    fields: {
      sha256,
      crc32: crc,
      bytes: img.bytes.byteLength,
      mimeType: img.mimeType,
      width: dims.width,
      height: dims.height,
    },
    thumb,
    hashMs,
    crcMs,
    thumbMs,
  };
}
