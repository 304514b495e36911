/**
 * Copy image: puts the original on the clipboard as PNG, the one image type every browser's
 * clipboard takes; a WebP or JPEG original is converted (decode, draw, encode PNG).
 */
import type { ImageRecord } from '../core/types';
import { readOriginal } from '../db/gallery';
import { t } from '../platform/i18n';
import { h } from '../ui/dom';
import { icon } from '../ui/icons';

/** The original as a PNG Blob (the stored bytes themselves when they already are PNG). */
async function asPng(id: string): Promise<Blob> {
  const blob = await readOriginal(id);
  if (!blob) throw new Error(t('lightbox_copy_image_missing'));
  const head = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47)
    return new Blob([blob], { type: 'image/png' });
  const bitmap = await createImageBitmap(blob).catch(() => {
    throw new Error(t('lightbox_copy_image_undecodable'));
  });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/png' });
}

/** The "Copy image" button for `rec`; it says "Copied" or, in plain words, why not. */
export function copyImageButton(rec: ImageRecord): HTMLButtonElement {
  const label = t('lightbox_copy_image');
  const words = h('span', null, label);
  const btn = h('button', { type: 'button', 'data-testid': 'lightbox-copy-image' }, icon('copy'), words);
  const settle = (text: string, state: 'copied' | 'failed') => {
    words.textContent = text;
    btn.dataset.state = state;
    btn.disabled = false;
    setTimeout(() => {
      words.textContent = label;
      delete btn.dataset.state;
    }, 2500);
  };
  btn.onclick = () => {
    btn.disabled = true;
    words.textContent = t('lightbox_copying');
    // The write starts inside the click (a promised item), so the browser still sees the
    // user's gesture while the bytes are read and converted.
    const png = asPng(rec.id);
    png.catch(() => {}); // reported through the write below
    navigator.clipboard
      .write([new ClipboardItem({ 'image/png': png })])
      .then(() => settle(t('lightbox_copied'), 'copied'))
      .catch(async (err: unknown) => {
        const why = await png.then(
          () => (err instanceof Error && err.message ? err.message : t('lightbox_clipboard_refused')),
          (e: unknown) => (e instanceof Error ? e.message : String(e)),
        );
        console.warn('[image-vault] copy image failed', err);
        settle(t('lightbox_copy_failed', { why }), 'failed');
      });
  };
  return btn;
}
