/**
 * Paints a thumbnail at once, on a canvas laid over its <img>, for a page's first
 * screen. Why: a blob-URL <img> costs Chromium 3–5 ms per image before it can paint
 * (each loads through the browser's blob registry), against about 1 ms to decode with
 * createImageBitmap on worker threads. The <img> (it carries the alt text; the canvas is
 * hidden from assistive technology) loads behind the canvas, which goes once it can.
 */

const CLASS = 'paint-over';

/** Lays a canvas with `blob` drawn on it over `img`; false when the blob cannot be decoded. */
export async function paintOver(img: HTMLImageElement, blob: Blob): Promise<boolean> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    return false;
  }
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('bitmaprenderer');
  if (!ctx || !img.parentElement) {
    bitmap.close();
    return false;
  }
  ctx.transferFromImageBitmap(bitmap);
  canvas.className = CLASS;
  canvas.setAttribute('aria-hidden', 'true');
  clearPaintOver(img);
  img.after(canvas);
  return true;
}

/** Removes the canvas laid over `img`, if any. */
export function clearPaintOver(img: HTMLImageElement): void {
  const next = img.nextElementSibling;
  if (next?.classList.contains(CLASS)) next.remove();
}

/** Once `img` shows its own (decoded) bytes, the canvas over it is not needed any more. */
export function settlePaintOver(img: HTMLImageElement): void {
  if (!img.nextElementSibling?.classList.contains(CLASS)) return;
  img.decode().then(
    () => clearPaintOver(img),
    () => clearPaintOver(img),
  );
}
