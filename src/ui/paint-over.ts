/**
 * Paints a thumbnail at once, on a canvas laid over its <img>, for a page's first
 * screen. Why: a blob-URL <img> costs Chromium 3–5 ms per image before it can paint
 * (each loads through the browser's blob registry), against about 1 ms to decode with
 * createImageBitmap on worker threads. The <img> (it carries the alt text; the canvas is
 * hidden from assistive technology) loads behind the canvas, which goes once it can.
 *
 * `paintInstead` keeps the canvas for as long as the <img> shows that blob, and the <img>
 * is never painted. Why: Chromium keeps the decoded pixels of every <img> it ever painted
 * in the compositor's image cache (unlocked, but resident) even after the element and its
 * object URL are gone: 256 KB per thumbnail, ~50 MB for 250 thumbnails, so a gallery
 * showing an import of 1,000 images grew by ~200 MB. A canvas's pixels go with the canvas.
 */

const CLASS = 'paint-over';
/** On an <img> whose blob is shown by the canvas over it: loaded (alt, natural size) but not painted. */
const UNDER = 'under-paint';

/**
 * Lays a canvas with `blob` drawn on it over `img`; false when the blob cannot be decoded,
 * or when `keep()` says, once decoded, that `img` no longer wants it (a recycled tile).
 */
export async function paintOver(
  img: HTMLImageElement,
  blob: Blob,
  keep: () => boolean = () => true,
): Promise<boolean> {
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
  if (!ctx || !img.parentElement || !keep()) {
    bitmap.close();
    return false;
  }
  ctx.transferFromImageBitmap(bitmap);
  canvas.className = CLASS;
  canvas.setAttribute('aria-hidden', 'true');
  dropCanvas(img);
  img.after(canvas);
  return true;
}

/**
 * Shows `blob` on a canvas over `img` (see the top of this file), keeping one already there,
 * and hides `img` meanwhile; where the blob cannot be drawn, `img` shows again. The caller
 * still loads the blob into `img`. `keep()` as for paintOver. Resolves whether it drew.
 */
export async function paintInstead(
  img: HTMLImageElement,
  blob: Blob,
  keep: () => boolean = () => true,
): Promise<boolean> {
  img.classList.add(UNDER);
  if (img.nextElementSibling?.classList.contains(CLASS)) return true;
  const drawn = await paintOver(img, blob, keep);
  if (!drawn && keep()) img.classList.remove(UNDER);
  return drawn;
}

/** Removes the canvas laid over `img`, if any, freeing its pixels now rather than at a garbage collection. */
export function clearPaintOver(img: HTMLImageElement): void {
  img.classList.remove(UNDER);
  dropCanvas(img);
}

function dropCanvas(img: HTMLImageElement): void {
  const next = img.nextElementSibling;
  if (!next?.classList.contains(CLASS)) return;
  (next as HTMLCanvasElement).getContext('bitmaprenderer')?.transferFromImageBitmap(null);
  next.remove();
}

/** Once `img` shows its own (decoded) bytes, the canvas over it is not needed any more. */
export function settlePaintOver(img: HTMLImageElement): void {
  if (!img.nextElementSibling?.classList.contains(CLASS)) return;
  img.decode().then(
    () => clearPaintOver(img),
    () => clearPaintOver(img),
  );
}
