/**
 * The virtualized grid: only the tiles in view (plus a row either side) are in the DOM,
 * positioned absolutely inside a spacer as tall as the whole grid. Tiles are keyed by
 * image id, so a new search or a live update keeps the tiles (and thumbnails) that
 * stay on screen. Leaving tiles release their object URLs and thumbnail canvases.
 */
import type { ImageRecord } from '../core/types';
import { t } from '../platform/i18n';
import { releaseBlob } from '../ui/blob-img';
import { h } from '../ui/dom';
import { clearPaintOver } from '../ui/paint-over';
import { type GridLayout, gridLayout, moveIndex, pageRows, scrollToShow, visibleRange } from './grid-math';
import type { FetchState } from './missing-words';
import type { Range } from './search';
import { createTile, recycleTile, type Tile, updateTile } from './tile';
import { TileLoader } from './tile-loader';

export interface GridHooks {
  /** Click or Enter on a tile (modifier keys decide between open and select). */
  activate(id: string, e: MouseEvent): void;
  /** Space on a tile, or its checkbox. */
  toggle(id: string): void;
  /** The tile's star, or F on a tile: flips its favourite. */
  favorite(id: string): void;
  isSelected(id: string): boolean;
  caption(rec: ImageRecord): { text: string; ranges: Range[] };
  /** Fetch on a prompt-only tile, and where that stands. */
  fetch(id: string): void;
  fetchState(id: string): FetchState;
  firstPaint(): void;
}

const OPTIONS = { minTile: 168, gap: 12, caption: 44 };

export class VirtualGrid {
  readonly el: HTMLElement;
  private readonly canvas: HTMLElement;
  private items: readonly ImageRecord[] = [];
  /** Slots reserved while the rest of a large vault loads. */
  private reserved = 0;
  private layout: GridLayout;
  private readonly tiles = new Map<string, Tile>();
  private readonly loader: TileLoader;
  private focus = 0;
  private frame = 0;
  private lastTop = 0;
  private lastTime = 0;
  private settle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly hooks: GridHooks,
    signal: AbortSignal,
  ) {
    this.canvas = h('div', { class: 'grid-canvas', role: 'list', 'aria-label': t('gallery_grid_label') });
    this.el = h('div', { class: 'grid-scroller', 'data-testid': 'gallery-grid' }, this.canvas);
    this.layout = gridLayout(0, 0, OPTIONS);
    this.loader = new TileLoader(
      (id) => this.tiles.get(id),
      () => hooks.firstPaint(),
      (t) =>
        t.y < this.el.scrollTop + this.el.clientHeight && t.y + this.layout.rowHeight > this.el.scrollTop,
    );
    this.el.addEventListener('scroll', () => this.schedule(), { passive: true, signal });
    this.el.addEventListener('keydown', (e) => this.onKey(e), { signal });
    this.el.addEventListener('click', (e) => this.onClick(e), { signal });
    this.el.addEventListener('focusin', (e) => this.onFocus(e), { signal });
    const ro = new ResizeObserver(() => this.render());
    ro.observe(this.el);
    signal.addEventListener('abort', () => ro.disconnect(), { once: true });
  }

  get count(): number {
    return this.items.length;
  }

  ids(): string[] {
    return this.items.map((r) => r.id);
  }

  indexOf(id: string): number {
    return this.items.findIndex((r) => r.id === id);
  }

  /** Shows a new list; `reserve` keeps room for records still loading. */
  setItems(items: readonly ImageRecord[], opts: { reserve?: number; toTop?: boolean } = {}): void {
    this.items = items;
    this.reserved = Math.max(items.length, opts.reserve ?? 0);
    this.focus = Math.min(this.focus, Math.max(0, items.length - 1));
    if (opts.toTop) this.el.scrollTop = 0;
    this.render();
  }

  /** Thumbnails from the start-up snapshot, used before the database answers. */
  prime(thumbs: ReadonlyMap<string, Blob>): void {
    this.loader.prime(thumbs);
  }

  /** How many tiles fill the screen at the current size (rows partly in view count). */
  screenCount(): number {
    const l = gridLayout(this.el.clientWidth, 1, OPTIONS);
    return l.cols * Math.ceil(this.el.clientHeight / l.rowHeight);
  }

  /** Re-renders tiles (selection, favourites or highlights changed). */
  refresh(): void {
    this.render();
  }

  scrollToIndex(i: number): void {
    const top = scrollToShow(this.layout, i, this.el.scrollTop, this.el.clientHeight);
    if (top !== null) this.el.scrollTop = top;
    this.render();
  }

  focusIndex(i: number): void {
    this.focus = i;
    this.scrollToIndex(i);
    this.tiles.get(this.items[i]?.id ?? '')?.btn.focus();
  }

  private schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.render());
  }

  private render(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const l = gridLayout(this.el.clientWidth, this.reserved, OPTIONS);
    if (l.height !== this.layout.height || l.tile !== this.layout.tile) {
      this.canvas.style.height = `${l.height}px`;
      this.el.style.setProperty('--tile', `${l.tile}px`);
    }
    this.layout = l;
    this.trackSpeed();
    const { start, end } = visibleRange(l, this.items.length, this.el.scrollTop, this.el.clientHeight, 1);
    const wanted = new Set<string>();
    for (let i = start; i < end; i++) wanted.add(this.items[i]!.id);
    // Tiles that left the view: their object URLs go now, their elements get reused.
    const free: Tile[] = [];
    for (const [id, t] of this.tiles) {
      if (wanted.has(id)) continue;
      releaseBlob(t.img);
      clearPaintOver(t.img);
      this.tiles.delete(id);
      free.push(t);
    }
    const tabStop = this.focus >= start && this.focus < end ? this.focus : start;
    for (let i = start; i < end; i++) {
      const rec = this.items[i]!;
      let t = this.tiles.get(rec.id);
      if (!t) {
        t = free.pop();
        if (t) recycleTile(t, rec);
        else {
          t = createTile(rec, {
            check: (id) => this.hooks.toggle(id),
            fetch: (id) => this.hooks.fetch(id),
            favorite: (id) => this.hooks.favorite(id),
          });
          this.canvas.append(t.el);
        }
        this.tiles.set(rec.id, t);
      }
      const x = (i % l.cols) * (l.tile + l.gap);
      const y = Math.floor(i / l.cols) * l.rowHeight;
      if (x !== t.x || y !== t.y) {
        t.el.style.transform = `translate(${x}px,${y}px)`;
        t.x = x;
        t.y = y;
      }
      t.btn.tabIndex = i === tabStop ? 0 : -1;
      updateTile(t, {
        rec,
        index: i,
        count: this.items.length,
        selected: this.hooks.isSelected(rec.id),
        caption: this.hooks.caption(rec),
        fetch: this.hooks.fetchState(rec.id),
      });
      this.loader.request(t);
    }
    for (const t of free) t.el.remove();
  }

  /**
   * A fling (faster than ~2 screens a second) holds thumbnail loading until the scroll
   * slows or stops: reading and decoding images the eye cannot see only costs frames.
   */
  private trackSpeed(): void {
    const now = performance.now();
    const top = this.el.scrollTop;
    const speed = Math.abs(top - this.lastTop) / Math.max(1, now - this.lastTime);
    this.lastTop = top;
    this.lastTime = now;
    clearTimeout(this.settle);
    if (speed * 1000 > 2 * this.el.clientHeight) {
      this.loader.hold(true);
      this.settle = setTimeout(() => this.loader.hold(false), 120);
    } else {
      this.loader.hold(false);
    }
  }

  private tileOf(e: Event): { t: Tile; index: number } | null {
    const el = (e.target as Element).closest<HTMLElement>('.tile');
    const t = el ? this.tiles.get(el.dataset.imageId ?? '') : undefined;
    return t ? { t, index: this.indexOf(t.id) } : null;
  }

  private onClick(e: MouseEvent): void {
    const hit = this.tileOf(e);
    if (!hit || (e.target as Element).closest('.tile-check, .tile-fetch, .tile-fav')) return;
    this.focus = hit.index;
    this.hooks.activate(hit.t.id, e);
  }

  private onFocus(e: FocusEvent): void {
    const hit = this.tileOf(e);
    if (hit) this.focus = hit.index;
  }

  private onKey(e: KeyboardEvent): void {
    const hit = this.tileOf(e);
    if (!hit || e.altKey || e.ctrlKey || e.metaKey || (e.target as Element).closest('.tile-fetch')) return;
    if (e.key === ' ') {
      e.preventDefault();
      this.hooks.toggle(hit.t.id);
      return;
    }
    if (e.key === 'f' || e.key === 'F') {
      e.preventDefault();
      this.hooks.favorite(hit.t.id);
      return;
    }
    const to = moveIndex(
      hit.index,
      e.key,
      this.layout,
      this.items.length,
      pageRows(this.layout, this.el.clientHeight),
    );
    if (to === null) return;
    e.preventDefault();
    this.focusIndex(to);
  }
}
