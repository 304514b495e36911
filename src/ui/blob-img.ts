/**
 * Object URLs for blobs shown in <img>: one per image element, revoked when the
 * element lets go of it, so scrolling through 20,000 thumbnails does not leak them.
 */

const urls = new WeakMap<HTMLImageElement, string>();
let live = 0;

export function showBlob(img: HTMLImageElement, blob: Blob): void {
  releaseBlob(img);
  const url = URL.createObjectURL(blob);
  urls.set(img, url);
  live++;
  img.src = url;
}

/** Revokes the element's object URL (if any) and clears its source. */
export function releaseBlob(img: HTMLImageElement): void {
  const url = urls.get(img);
  if (url) {
    URL.revokeObjectURL(url);
    urls.delete(img);
    live--;
  }
  img.removeAttribute('src');
}

/** Object URLs created and not yet revoked (the benchmark checks it stays small). */
export function liveBlobUrls(): number {
  return live;
}
