/** The popup's own DOM: the total, and the latest captures as buttons that open each in the gallery. */
import type { ImageRecord } from '../core/types';
import { formatNumber, t, tn } from '../platform/i18n';
import { releaseBlob, showBlob } from '../ui/blob-img';
import { h } from '../ui/dom';
import { clipText, displayText, formatDateTime } from '../ui/format';
import { paintOver, settlePaintOver } from '../ui/paint-over';

/** Shows the number of images saved, with the locale's separators (and the empty-vault hint when there are none). */
export function setTotal(total: number): void {
  document.getElementById('totals')!.firstElementChild!.textContent = formatNumber(total);
  document.getElementById('totals-words')!.textContent = tn('popup_total_words', total);
  document.getElementById('empty')!.hidden = total > 0;
  // Nothing to export yet: the button says so by being off (issue 13 §2).
  (document.getElementById('export-all') as HTMLButtonElement).disabled = total === 0;
}

/** When the image was saved, in the browser's locale. */
function savedWhen(rec: ImageRecord): string {
  return t('popup_saved_at', { time: formatDateTime(rec.capturedAt) });
}

/** What the caption shows when no tile is pointed at or focused: the newest capture. */
let newest: { rec: ImageRecord; words: string } | null = null;

/** The caption under the latest captures: the prompt and capture time of the tile pointed at or focused. */
function showCaption(shown: { rec: ImageRecord; words: string } | null): void {
  const caption = document.getElementById('latest-caption');
  if (!caption) return;
  const c = shown ?? newest;
  caption.replaceChildren(
    ...(c
      ? [
          h('span', { class: 'caption-time' }, savedWhen(c.rec)),
          h('span', { class: 'caption-words' }, c.words),
        ]
      : []),
  );
  caption.dataset.imageId = c?.rec.id ?? '';
}

/** The words a tile stands for, bounded and safe to show however long or strange the prompt (ui/format.ts). */
function tileWords(rec: ImageRecord): string {
  return displayText(clipText(rec.title || rec.prompt || rec.revisedPrompt || t('popup_no_prompt'), 160));
}

export function latestTile(rec: ImageRecord, open: () => void): HTMLElement {
  const words = tileWords(rec);
  const show = () => showCaption({ rec, words });
  const hide = () => showCaption(null);
  return h(
    'li',
    null,
    h(
      'button',
      {
        type: 'button',
        'aria-label': t('popup_open_image', { words, when: savedWhen(rec) }),
        'data-testid': 'popup-item',
        'data-image-id': rec.id,
        onclick: open,
        onmouseenter: show,
        onfocus: show,
        onmouseleave: hide,
        onblur: hide,
      },
      h('img', { alt: '', 'data-image-id': rec.id }),
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
  newest = latest[0] ? { rec: latest[0], words: tileWords(latest[0]) } : null;
  showCaption(null);
  const imgs = [...list.querySelectorAll<HTMLImageElement>('img[data-image-id]')];
  const missing = (img: HTMLImageElement) =>
    img.replaceWith(h('span', { class: 'missing' }, t('popup_image_missing')));
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
