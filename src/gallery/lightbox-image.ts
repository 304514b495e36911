/**
 * The lightbox's picture: the full-size original, decoded before it is shown; when the
 * original is missing or damaged, the thumbnail with a note saying so, else the note alone.
 * A prompt-only record shows its placeholder (prompt, why no image, Fetch) instead.
 */
import type { ImageRecord } from '../core/types';
import { readOriginal, readThumbs } from '../db/gallery';
import { t } from '../platform/i18n';
import { h } from '../ui/dom';
import { clipText, displayText } from '../ui/format';
import { type FetchState, missingWords } from './missing-words';
import { imageWords } from './tile';

export interface LoadedImage {
  /** Object URL of the original (for the download link), null when it can't be shown. */
  originalUrl: string | null;
  /** Every object URL made: revoke them all when the lightbox moves on. */
  urls: string[];
}

async function decoded(blob: Blob, rec: ImageRecord): Promise<{ img: HTMLImageElement; url: string } | null> {
  const url = URL.createObjectURL(blob);
  const img = h('img', { src: url, alt: imageWords(rec) });
  try {
    await img.decode();
    return { img, url };
  } catch {
    URL.revokeObjectURL(url);
    return null;
  }
}

/** Fills `figure`; `current()` says whether the lightbox still shows this record. */
export async function loadImage(
  figure: HTMLElement,
  rec: ImageRecord,
  current: () => boolean,
): Promise<LoadedImage> {
  const out: LoadedImage = { originalUrl: null, urls: [] };
  const blob = await readOriginal(rec.id).catch(() => null);
  const original = blob ? await decoded(blob, rec) : null;
  if (original) {
    // The stored bytes themselves, by object URL: zoom only scales them (lightbox-zoom.ts).
    original.img.classList.add('lb-original');
    out.urls.push(original.url);
    out.originalUrl = original.url;
    if (current()) figure.replaceChildren(original.img);
    return out;
  }
  const thumbBlob = (await readThumbs([rec.id]).catch(() => null))?.get(rec.id);
  const thumb = thumbBlob ? await decoded(thumbBlob, rec) : null;
  if (thumb) {
    out.urls.push(thumb.url);
    thumb.img.classList.add('is-thumb');
  }
  const reason = blob ? t('lightbox_original_damaged') : t('lightbox_original_missing');
  if (current()) {
    figure.replaceChildren(
      thumb?.img ?? h('div', { class: 'lb-placeholder', 'aria-hidden': 'true' }, '⚠'),
      h(
        'figcaption',
        { class: 'lb-missing', 'data-testid': 'lightbox-missing', role: 'status' },
        thumb ? `${reason} ${t('lightbox_showing_thumbnail')}` : reason,
      ),
    );
  }
  return out;
}

/** Fills `figure` with a prompt-only record's placeholder: its prompt, the reason, and Fetch. */
export function showPromptOnly(
  figure: HTMLElement,
  rec: ImageRecord,
  fetch: FetchState,
  onFetch: () => void,
): void {
  const w = missingWords(rec, Date.now(), fetch);
  const text = rec.revisedPrompt || rec.prompt;
  const hadFocus = figure.contains(document.activeElement);
  const btn = h(
    'button',
    { type: 'button', class: 'lb-fetch', 'data-testid': 'fetch-missing', disabled: w.busy, onclick: onFetch },
    w.action,
  );
  figure.replaceChildren(
    h(
      'div',
      { class: 'lb-noimg', 'data-testid': 'lightbox-no-image' },
      h('p', { class: 'lb-noimg-title' }, t('lightbox_no_image')),
      text ? h('p', { class: 'lb-noimg-prompt', dir: 'auto' }, displayText(clipText(text, 1200))) : null,
      h('p', { class: 'lb-missing', 'data-testid': 'missing-message', role: 'status' }, w.message),
      btn,
    ),
  );
  if (hadFocus) btn.focus();
}
