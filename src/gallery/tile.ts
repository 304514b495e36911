/**
 * One grid tile: thumbnail, caption, favourite mark, selection box. A tile whose bytes
 * are missing or unreadable shows a placeholder saying so, never a broken image. A
 * prompt-only record (no bytes saved) shows its prompt, why there is no image, and Fetch.
 */
import { type ImageRecord, isPromptOnly } from '../core/types';
import { h, marked } from '../ui/dom';
import { clipText, displayText } from '../ui/format';
import { clearPaintOver } from '../ui/paint-over';
import { type FetchState, missingWords } from './missing-words';
import type { Range } from './search';

export interface Tile {
  id: string;
  rec: ImageRecord;
  el: HTMLDivElement;
  btn: HTMLButtonElement;
  img: HTMLImageElement;
  check: HTMLInputElement;
  caption: HTMLElement;
  /** What the tile shows, to skip DOM writes when nothing changed. */
  stamp: string;
  /** 'idle': bytes not asked for yet; 'none': a prompt-only record (nothing to load). */
  bytes: 'idle' | 'loading' | 'shown' | 'missing' | 'none';
  /** The prompt-only placeholder (in place of the image) and its Fetch button, when shown. */
  noImage: HTMLElement | null;
  fetchBtn: HTMLButtonElement | null;
  x: number;
  y: number;
}

/** Words for an image: the start of its title or prompt, safe to show, for alt text and labels. */
export function imageWords(rec: ImageRecord): string {
  const text = rec.title || rec.prompt || rec.revisedPrompt;
  return text ? displayText(clipText(text, 160)) : 'Image saved without a prompt';
}

export function createTile(
  rec: ImageRecord,
  onCheck: (id: string) => void,
  onFetch: (id: string) => void,
): Tile {
  const img = h('img', { alt: imageWords(rec), decoding: 'async', draggable: false });
  // dir="auto" isolates the caption: bidi overrides in a prompt cannot reorder the tile around it.
  const caption = h('span', { class: 'tile-caption', dir: 'auto' });
  const btn = h(
    'button',
    { type: 'button', class: 'tile-btn', tabIndex: -1 },
    h('span', { class: 'tile-img' }, img),
    caption,
  );
  const check = h('input', {
    type: 'checkbox',
    class: 'tile-check',
    tabIndex: -1,
    'aria-label': 'Select image',
  });
  const el = h(
    'div',
    { class: 'tile', role: 'listitem', 'data-testid': 'gallery-item', 'data-image-id': rec.id },
    btn,
    check,
    h('span', { class: 'tile-fav', 'aria-hidden': 'true' }, '★'),
  );
  const tile: Tile = {
    id: rec.id,
    rec,
    el,
    btn,
    img,
    check,
    caption,
    stamp: '',
    bytes: 'idle',
    noImage: null,
    fetchBtn: null,
    x: -1,
    y: -1,
  };
  // The tile is recycled for other records: act for the one it shows now.
  check.addEventListener('change', () => onCheck(tile.id));
  el.dataset.hasImage = 'true';
  tile.fetchBtn = h(
    'button',
    { type: 'button', class: 'tile-fetch', 'data-testid': 'fetch-missing', tabIndex: -1, hidden: true },
    'Fetch',
  );
  tile.fetchBtn.addEventListener('click', () => onFetch(tile.id));
  el.append(tile.fetchBtn);
  return tile;
}

/** Reuses a tile that scrolled away for another image (cheaper than new DOM nodes per frame). */
export function recycleTile(t: Tile, rec: ImageRecord): void {
  if (!t.img.isConnected) t.el.querySelector('.tile-missing, .tile-noimg')?.replaceWith(t.img);
  hidePromptOnly(t);
  clearPaintOver(t.img);
  t.el.classList.remove('is-missing', 'no-original');
  t.el.removeAttribute('title');
  delete t.el.dataset.missing;
  t.el.dataset.imageId = rec.id;
  t.img.onload = null;
  t.img.onerror = null;
  t.img.alt = imageWords(rec);
  t.id = rec.id;
  t.rec = rec;
  t.stamp = '';
  t.bytes = 'idle';
}

export interface TileView {
  rec: ImageRecord;
  index: number;
  count: number;
  selected: boolean;
  caption: { text: string; ranges: Range[] };
  /** Prompt-only records: where a Fetch from this page stands. */
  fetch: FetchState;
}

/** Brings a tile up to date; cheap when nothing changed. */
export function updateTile(t: Tile, v: TileView): void {
  const capKey = `${v.caption.text.length}:${v.caption.text.slice(0, 40)}:${JSON.stringify(v.caption.ranges)}`;
  const po = isPromptOnly(v.rec);
  const words = po ? missingWords(v.rec, Date.now(), v.fetch) : null;
  const noImageKey = words
    ? `${words.message}|${words.action}|${v.rec.prompt.length}:${v.rec.prompt.slice(0, 40)}`
    : '';
  const stamp = `${v.index}/${v.count}|${v.rec.favorite}|${v.selected ? 1 : 0}|${capKey}|${noImageKey}`;
  if (stamp === t.stamp) return;
  t.stamp = stamp;
  if (t.rec !== v.rec) {
    t.rec = v.rec;
    t.img.alt = imageWords(v.rec);
  }
  if (words) showPromptOnly(t, words);
  else if (t.noImage) {
    // Fetched (or saved another way): the placeholder gives way to the image.
    t.noImage.replaceWith(t.img);
    hidePromptOnly(t);
    t.bytes = 'idle';
  }
  t.el.setAttribute('aria-posinset', String(v.index + 1));
  t.el.setAttribute('aria-setsize', String(v.count));
  t.el.classList.toggle('is-fav', v.rec.favorite === 1);
  t.el.classList.toggle('is-selected', v.selected);
  t.el.dataset.favorite = String(v.rec.favorite);
  t.check.checked = v.selected;
  const label = `${imageWords(v.rec)}${v.rec.favorite ? ' (favourite)' : ''}`;
  t.btn.setAttribute('aria-label', `Open image: ${label}`);
  t.check.setAttribute('aria-label', `Select image: ${label}`);
  t.caption.replaceChildren(
    v.caption.text ? marked(v.caption.text, v.caption.ranges) : h('em', null, 'No prompt saved'),
  );
}

/** Shows the "image unavailable" placeholder with a reason (also as alt text). */
export function showMissing(t: Tile, reason: string): void {
  t.bytes = 'missing';
  clearPaintOver(t.img);
  t.el.classList.add('is-missing');
  t.el.dataset.missing = 'true';
  t.img.replaceWith(
    h(
      'span',
      { class: 'tile-missing', role: 'img', 'aria-label': `${reason}: ${imageWords(t.rec)}` },
      h('span', { class: 'tile-missing-icon', 'aria-hidden': 'true' }, '⚠'),
      h('span', null, reason),
    ),
  );
}

/** Shows (or updates) the prompt-only placeholder: the prompt, why there is no image, Fetch. */
function showPromptOnly(t: Tile, w: ReturnType<typeof missingWords>): void {
  t.bytes = 'none';
  t.el.dataset.hasImage = 'false';
  t.el.classList.add('is-prompt-only');
  const text = t.rec.prompt || t.rec.revisedPrompt || t.rec.title || '';
  const placeholder = h(
    'span',
    { class: 'tile-noimg' },
    h(
      'span',
      { class: 'tile-noimg-prompt', dir: 'auto' },
      text ? displayText(clipText(text, 400)) : h('em', null, 'No prompt saved'),
    ),
    h(
      'span',
      {
        class: w.busy ? 'tile-noimg-msg is-busy' : 'tile-noimg-msg',
        'data-testid': 'missing-message',
        role: 'status',
      },
      w.message,
    ),
  );
  if (t.noImage) t.noImage.replaceWith(placeholder);
  else {
    clearPaintOver(t.img);
    t.img.replaceWith(placeholder);
  }
  t.noImage = placeholder;
  const btn = t.fetchBtn!;
  btn.hidden = false;
  btn.disabled = w.busy;
  btn.textContent = w.action;
  btn.setAttribute('aria-label', `${w.action}: ${imageWords(t.rec)}`);
}

/** Back to an image tile (recycled for another record, or this one got its bytes). */
function hidePromptOnly(t: Tile): void {
  t.noImage = null;
  t.el.dataset.hasImage = 'true';
  t.el.classList.remove('is-prompt-only');
  if (t.fetchBtn) t.fetchBtn.hidden = true;
}
