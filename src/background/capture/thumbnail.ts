/**
 * Makes the small WebP thumbnail, stored apart from the untouched original. Decodes the
 * image once, straight at thumbnail size (createImageBitmap resize), which also proves the
 * bytes are a readable image. Works in a service worker (OffscreenCanvas).
 */
import { CaptureError } from '../../core/queue';

export const THUMB_SIZE = 256;
export const THUMB_QUALITY = 0.8;

/** The thumbnail's longest side (px) and WebP quality: settings.thumbnail. */
export interface ThumbOptions {
  size: number;
  quality: number;
}

/** A WebP of `blob` (width × height) at most `opts.size` px on its longest side. */
export async function makeThumbnail(
  blob: Blob,
  width: number,
  height: number,
  opts: ThumbOptions = { size: THUMB_SIZE, quality: THUMB_QUALITY },
): Promise<Blob> {
  const scale = Math.min(1, opts.size / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { resizeWidth: w, resizeHeight: h, resizeQuality: 'medium' });
  } catch {
    // Browsers without resize options (older Firefox) decode at full size; drawImage scales.
    bitmap = await createImageBitmap(blob).catch(() => {
      throw new CaptureError('the file is not a readable image', false);
    });
  }
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new CaptureError('this browser cannot draw thumbnails', false);
  ctx.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  try {
    return await canvas.convertToBlob({ type: 'image/webp', quality: opts.quality });
  } finally {
    // Frees the canvas's pixels now: the small canvas object would otherwise keep them until a
    // full garbage collection, which a page importing thousands of images may not run for long.
    canvas.width = 0;
    canvas.height = 0;
  }
}
