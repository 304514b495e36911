/** The popup's own DOM: the total, and the latest captures as buttons that open each in the gallery. */
import type { ImageRecord } from '../core/types';
import { releaseBlob, showBlob } from '../ui/blob-img';
import { h } from '../ui/dom';
import { clipText, displayText } from '../ui/format';
import { paintOver, settlePaintOver } from '../ui/paint-over';

/** Shows the number of images saved (and the empty-vault hint when there are none). */
export function setTotal(total: number): void {
  document.getElementById('totals')!.firstElementChild!.textContent = String(total);
  document.getElementById('empty')!.hidden = total > 0;
}

export function latestTile(rec: ImageRecord, open: () => void): HTMLElement {
  // Bounded and safe to show, however long or strange the stored prompt (ui/format.ts).
  const words = displayText(
    clipText(rec.title || rec.prompt || rec.revisedPrompt || 'Image saved without a prompt', 160),
  );
  return h(
    'li',
    null,
    h(
      'button',
      {
        type: 'button',
        title: words,
        'aria-label': `Open in the gallery: ${words}`,
        'data-testid': 'popup-item',
        'data-image-id': rec.id,
        onclick: open,
      },
      h('img', { alt: words, 'data-image-id': rec.id }),
    ),
  );
}

/**
 * Fills `list` with `latest` and their thumbnails; resolves once they are painted:
 * canvases first (ui/paint-over.ts), then each <img> loads behind its canvas.
 */
export async function showLatest(
  list: HTMLElement,
  latest: readonly ImageRecord[],
  thumbs: ReadonlyMap<string, Blob | null>,
  open: (id: string) => void,
): Promise<void> {
  list.querySelectorAll('img').forEach(releaseBlob);
  list.replaceChildren(...latest.map((rec) => latestTile(rec, () => open(rec.id))));
  const imgs = [...list.querySelectorAll<HTMLImageElement>('img[data-image-id]')];
  const missing = (img: HTMLImageElement) =>
    img.replaceWith(h('span', { class: 'missing' }, 'Image missing'));
  const show = (img: HTMLImageElement, thumb: Blob) => {
    img.onload = () => settlePaintOver(img);
    img.onerror = () => missing(img);
    showBlob(img, thumb);
  };
  const thumbOf = (img: HTMLImageElement) => thumbs.get(img.dataset.imageId!) ?? null;
  const drawn = await Promise.all(
    imgs.map((img) => {
      const thumb = thumbOf(img);
      return thumb ? paintOver(img, thumb) : false;
    }),
  );
  imgs.forEach((img, i) => {
    const thumb = thumbOf(img);
    if (!thumb) missing(img);
    else if (!drawn[i]) show(img, thumb);
  });
  await Promise.all(imgs.map((img) => (img.src ? img.decode().catch(() => undefined) : undefined)));
  requestAnimationFrame(() =>
    imgs.forEach((img, i) => {
      const thumb = thumbOf(img);
      if (drawn[i] && thumb) show(img, thumb);
    }),
  );
}
