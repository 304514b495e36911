/**
 * One grid tile: thumbnail, caption, favourite mark, selection box. A tile whose bytes
 * are missing or unreadable shows a placeholder saying so, never a broken image.
 */
import type { ImageRecord } from '../core/types';
import { h, marked } from '../ui/dom';
import { clipText, displayText } from '../ui/format';
import { clearPaintOver } from '../ui/paint-over';
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
  /** 'idle': bytes not asked for yet. */
  bytes: 'idle' | 'loading' | 'shown' | 'missing';
  x: number;
  y: number;
}

/** Words for an image: the start of its title or prompt, safe to show, for alt text and labels. */
export function imageWords(rec: ImageRecord): string {
  const text = rec.title || rec.prompt || rec.revisedPrompt;
  return text ? displayText(clipText(text, 160)) : 'Image saved without a prompt';
}

export function createTile(rec: ImageRecord, onCheck: (id: string) => void): Tile {
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
  check.addEventListener('change', () => onCheck(rec.id));
  return { id: rec.id, rec, el, btn, img, check, caption, stamp: '', bytes: 'idle', x: -1, y: -1 };
}

/** Reuses a tile that scrolled away for another image (cheaper than new DOM nodes per frame). */
export function recycleTile(t: Tile, rec: ImageRecord): void {
  if (!t.img.isConnected) t.el.querySelector('.tile-missing')?.replaceWith(t.img);
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
}

/** Brings a tile up to date; cheap when nothing changed. */
export function updateTile(t: Tile, v: TileView): void {
  const capKey = `${v.caption.text.length}:${v.caption.text.slice(0, 40)}:${JSON.stringify(v.caption.ranges)}`;
  const stamp = `${v.index}/${v.count}|${v.rec.favorite}|${v.selected ? 1 : 0}|${capKey}`;
  if (stamp === t.stamp) return;
  t.stamp = stamp;
  if (t.rec !== v.rec) {
    t.rec = v.rec;
    t.img.alt = imageWords(v.rec);
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
