/**
 * Copy image: puts the original on the clipboard as PNG, the one image type every browser's
 * clipboard takes; a WebP or JPEG original is converted (decode, draw, encode PNG).
 */
import type { ImageRecord } from '../core/types';
import { readOriginal } from '../db/gallery';
import { h } from '../ui/dom';

/** The original as a PNG Blob (the stored bytes themselves when they already are PNG). */
async function asPng(id: string): Promise<Blob> {
  const blob = await readOriginal(id);
  if (!blob) throw new Error('the original file is missing');
  const head = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47)
    return new Blob([blob], { type: 'image/png' });
  const bitmap = await createImageBitmap(blob).catch(() => {
    throw new Error('the original file can’t be decoded');
  });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/png' });
}

/** The "Copy image" button for `rec`; it says "Copied" or, in plain words, why not. */
export function copyImageButton(rec: ImageRecord): HTMLButtonElement {
  const label = 'Copy image';
  const btn = h('button', { type: 'button', 'data-testid': 'lightbox-copy-image' }, label);
  const settle = (text: string, state: 'copied' | 'failed') => {
    btn.textContent = text;
    btn.dataset.state = state;
    btn.disabled = false;
    setTimeout(() => {
      btn.textContent = label;
      delete btn.dataset.state;
    }, 2500);
  };
  btn.onclick = () => {
    btn.disabled = true;
    btn.textContent = 'Copying…';
    // The write starts inside the click (a promised item), so the browser still sees the
    // user's gesture while the bytes are read and converted.
    const png = asPng(rec.id);
    png.catch(() => {}); // reported through the write below
    navigator.clipboard
      .write([new ClipboardItem({ 'image/png': png })])
      .then(() => settle('Copied', 'copied'))
      .catch(async (err: unknown) => {
        const why = await png.then(
          () =>
            err instanceof Error && err.message ? err.message : 'the browser refused access to the clipboard',
          (e: unknown) => (e instanceof Error ? e.message : String(e)),
        );
        console.warn('[image-vault] copy image failed', err);
        settle(`Could not copy: ${why}`, 'failed');
      });
  };
  return btn;
}
