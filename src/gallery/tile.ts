/**
 * One grid tile: thumbnail, caption, favourite toggle, selection box, and the date and
 * model over the thumbnail on hover and keyboard focus. A tile whose bytes
 * are missing or unreadable shows a placeholder saying so, never a broken image. A
 * prompt-only record (no bytes saved) shows its prompt, why there is no image, and Fetch.
 */
import { type ImageRecord, isPromptOnly } from '../core/types';
import { t } from '../platform/i18n';
import { h, marked } from '../ui/dom';
import { clipText, displayText, formatDate } from '../ui/format';
import { icon } from '../ui/icons';
import { clearPaintOver } from '../ui/paint-over';
import { modelLabel } from './filters';
import { type FetchState, missingWords } from './missing-words';
import type { Range } from './search';

export interface Tile {
  id: string;
  rec: ImageRecord;
  el: HTMLDivElement;
  btn: HTMLButtonElement;
  img: HTMLImageElement;
  check: HTMLInputElement;
  fav: HTMLButtonElement;
  /** Date and model, over the thumbnail on hover and focus. */
  meta: HTMLElement;
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
  return text ? displayText(clipText(text, 160)) : t('gallery_no_prompt_image');
}

/** "12 Oct 2026 · DALL·E 3". */
function metaText(rec: ImageRecord): string {
  return `${formatDate(rec.createdAt)} · ${modelLabel(rec.model)}`;
}

/** What a tile does when its own controls are used. */
export interface TileHooks {
  check(id: string): void;
  fetch(id: string): void;
  favorite(id: string): void;
}

export function createTile(rec: ImageRecord, hooks: TileHooks): Tile {
  // alt="": the button's name says what the image is, and the caption beside it shows
  // the same words (axe image-redundant-alt).
  const img = h('img', { alt: '', decoding: 'async', draggable: false });
  // Inside the button after the caption: the button is named by what it shows (caption,
  // then date and model), with no aria-label that could differ from it.
  const meta = h('span', { class: 'tile-meta' }, metaText(rec));
  // dir="auto" isolates the caption: bidi overrides in a prompt cannot reorder the tile around it.
  const caption = h('span', { class: 'tile-caption', dir: 'auto' });
  const btn = h(
    'button',
    { type: 'button', class: 'tile-btn', tabIndex: -1 },
    h('span', { class: 'tile-img' }, img),
    caption,
    meta,
  );
  const check = h('input', {
    type: 'checkbox',
    class: 'tile-check',
    tabIndex: -1,
    'aria-label': t('gallery_tile_select'),
  });
  const fav = h(
    'button',
    {
      type: 'button',
      class: 'tile-fav',
      tabIndex: -1,
      'aria-pressed': 'false',
      'data-testid': 'tile-favorite',
    },
    icon('star'),
  );
  const el = h(
    'div',
    { class: 'tile', role: 'listitem', 'data-testid': 'gallery-item', 'data-image-id': rec.id },
    btn,
    check,
    fav,
  );
  const tile: Tile = {
    id: rec.id,
    rec,
    el,
    btn,
    img,
    check,
    fav,
    meta,
    caption,
    stamp: '',
    bytes: 'idle',
    noImage: null,
    fetchBtn: null,
    x: -1,
    y: -1,
  };
  // The tile is recycled for other records: act for the one it shows now.
  check.addEventListener('change', () => hooks.check(tile.id));
  fav.addEventListener('click', () => hooks.favorite(tile.id));
  el.dataset.hasImage = 'true';
  tile.fetchBtn = h(
    'button',
    { type: 'button', class: 'tile-fetch', 'data-testid': 'fetch-missing', tabIndex: -1, hidden: true },
    t('gallery_fetch'),
  );
  tile.fetchBtn.addEventListener('click', () => hooks.fetch(tile.id));
  el.append(tile.fetchBtn);
  return tile;
}

/** Reuses a tile that scrolled away for another image (cheaper than new DOM nodes per frame). */
export function recycleTile(tile: Tile, rec: ImageRecord): void {
  if (!tile.img.isConnected) tile.el.querySelector('.tile-missing, .tile-noimg')?.replaceWith(tile.img);
  hidePromptOnly(tile);
  clearPaintOver(tile.img);
  tile.el.classList.remove('is-missing', 'no-original');
  tile.el.removeAttribute('title');
  delete tile.el.dataset.missing;
  tile.el.dataset.imageId = rec.id;
  tile.img.onload = null;
  tile.img.onerror = null;
  tile.meta.textContent = metaText(rec);
  tile.id = rec.id;
  tile.rec = rec;
  tile.stamp = '';
  tile.bytes = 'idle';
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
export function updateTile(tile: Tile, v: TileView): void {
  const capKey = `${v.caption.text.length}:${v.caption.text.slice(0, 40)}:${JSON.stringify(v.caption.ranges)}`;
  const po = isPromptOnly(v.rec);
  const words = po ? missingWords(v.rec, Date.now(), v.fetch) : null;
  const noImageKey = words
    ? `${words.message}|${words.action}|${v.rec.prompt.length}:${v.rec.prompt.slice(0, 40)}`
    : '';
  const stamp = `${v.index}/${v.count}|${v.rec.favorite}|${v.selected ? 1 : 0}|${capKey}|${noImageKey}`;
  if (stamp === tile.stamp) return;
  tile.stamp = stamp;
  if (tile.rec !== v.rec) {
    tile.rec = v.rec;
    tile.meta.textContent = metaText(v.rec);
  }
  if (words) showPromptOnly(tile, words);
  else if (tile.noImage) {
    // Fetched (or saved another way): the placeholder gives way to the image.
    tile.noImage.replaceWith(tile.img);
    hidePromptOnly(tile);
    tile.bytes = 'idle';
  }
  tile.el.setAttribute('aria-posinset', String(v.index + 1));
  tile.el.setAttribute('aria-setsize', String(v.count));
  tile.el.classList.toggle('is-fav', v.rec.favorite === 1);
  tile.el.classList.toggle('is-selected', v.selected);
  tile.el.dataset.favorite = String(v.rec.favorite);
  tile.check.checked = v.selected;
  const name = imageWords(v.rec);
  tile.fav.setAttribute('aria-pressed', String(v.rec.favorite === 1));
  tile.fav.setAttribute('aria-label', t('gallery_tile_favourite', { words: name }));
  tile.fav.title = v.rec.favorite ? t('gallery_tile_unfavourite_title') : t('gallery_tile_favourite_title');
  tile.fav.querySelector('svg')?.setAttribute('fill', v.rec.favorite ? 'currentColor' : 'none');
  const label = v.rec.favorite ? t('gallery_tile_label_fav', { words: name }) : name;
  tile.check.setAttribute('aria-label', t('gallery_tile_select_named', { label }));
  tile.caption.replaceChildren(
    v.caption.text ? marked(v.caption.text, v.caption.ranges) : h('em', null, t('gallery_no_prompt')),
  );
}

/** Shows the "image unavailable" placeholder with a reason (also as alt text). */
export function showMissing(tile: Tile, reason: string): void {
  tile.bytes = 'missing';
  clearPaintOver(tile.img);
  tile.el.classList.add('is-missing');
  tile.el.dataset.missing = 'true';
  tile.img.replaceWith(
    h(
      'span',
      { class: 'tile-missing', role: 'img', 'aria-label': `${reason}: ${imageWords(tile.rec)}` },
      h('span', { class: 'tile-missing-icon', 'aria-hidden': 'true' }, '⚠'),
      h('span', null, reason),
    ),
  );
}

/** Shows (or updates) the prompt-only placeholder: the prompt, why there is no image, Fetch. */
function showPromptOnly(tile: Tile, w: ReturnType<typeof missingWords>): void {
  tile.bytes = 'none';
  tile.el.dataset.hasImage = 'false';
  tile.el.classList.add('is-prompt-only');
  const text = tile.rec.prompt || tile.rec.revisedPrompt || tile.rec.title || '';
  const placeholder = h(
    'span',
    { class: 'tile-noimg' },
    h(
      'span',
      { class: 'tile-noimg-prompt', dir: 'auto' },
      text ? displayText(clipText(text, 400)) : h('em', null, t('gallery_no_prompt')),
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
  if (tile.noImage) tile.noImage.replaceWith(placeholder);
  else {
    clearPaintOver(tile.img);
    tile.img.replaceWith(placeholder);
  }
  tile.noImage = placeholder;
  const btn = tile.fetchBtn!;
  btn.hidden = false;
  btn.disabled = w.busy;
  btn.textContent = w.action;
  btn.setAttribute('aria-label', `${w.action}: ${imageWords(tile.rec)}`);
}

/** Back to an image tile (recycled for another record, or this one got its bytes). */
function hidePromptOnly(tile: Tile): void {
  tile.noImage = null;
  tile.el.dataset.hasImage = 'true';
  tile.el.classList.remove('is-prompt-only');
  if (tile.fetchBtn) tile.fetchBtn.hidden = true;
}
