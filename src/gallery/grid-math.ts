/**
 * Geometry of the virtualized grid, pure: how many columns fit, where tile i sits,
 * which tiles a scroll position shows, and where arrow keys move focus.
 */

export interface GridOptions {
  /** Smallest tile width in px; tiles grow to fill the row. */
  minTile: number;
  gap: number;
  /** Height below the square thumbnail (caption). */
  caption: number;
}

export interface GridLayout {
  cols: number;
  /** Tile width (and thumbnail height). */
  tile: number;
  gap: number;
  /** Distance from one row's top to the next. */
  rowHeight: number;
  rows: number;
  /** Total height of the scrolled content. */
  height: number;
}

export function gridLayout(width: number, count: number, o: GridOptions): GridLayout {
  const w = Math.max(width, o.minTile);
  const cols = Math.max(1, Math.floor((w + o.gap) / (o.minTile + o.gap)));
  const tile = Math.floor((w - o.gap * (cols - 1)) / cols);
  const rowHeight = tile + o.caption + o.gap;
  const rows = Math.ceil(count / cols);
  return { cols, tile, gap: o.gap, rowHeight, rows, height: Math.max(0, rows * rowHeight - o.gap) };
}

export function tilePosition(l: GridLayout, index: number): { x: number; y: number } {
  const row = Math.floor(index / l.cols);
  const col = index % l.cols;
  return { x: col * (l.tile + l.gap), y: row * l.rowHeight };
}

/** Item indexes [start, end) that intersect the viewport, plus `overscan` rows each side. */
export function visibleRange(
  l: GridLayout,
  count: number,
  scrollTop: number,
  viewport: number,
  overscan = 1,
): { start: number; end: number } {
  if (count === 0 || l.rows === 0) return { start: 0, end: 0 };
  const first = Math.max(0, Math.floor(scrollTop / l.rowHeight) - overscan);
  const last = Math.min(l.rows - 1, Math.floor((scrollTop + viewport) / l.rowHeight) + overscan);
  return { start: first * l.cols, end: Math.min(count, (last + 1) * l.cols) };
}

/** Rows that fit in the viewport (PageUp/PageDown step). */
export function pageRows(l: GridLayout, viewport: number): number {
  return Math.max(1, Math.floor(viewport / l.rowHeight));
}

/** Where focus goes from `index` on a key press; null for keys the grid does not handle. */
export function moveIndex(
  index: number,
  key: string,
  l: GridLayout,
  count: number,
  page: number,
): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));
  switch (key) {
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowUp':
      return index - l.cols >= 0 ? index - l.cols : index;
    case 'ArrowDown':
      return index + l.cols < count ? index + l.cols : index;
    case 'PageUp':
      return clamp(index - page * l.cols);
    case 'PageDown':
      return clamp(index + page * l.cols);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** The scrollTop that brings row of `index` into view, or null when it already is. */
export function scrollToShow(
  l: GridLayout,
  index: number,
  scrollTop: number,
  viewport: number,
): number | null {
  const { y } = tilePosition(l, index);
  const bottom = y + l.rowHeight - l.gap;
  if (y < scrollTop) return y;
  if (bottom > scrollTop + viewport) return Math.max(0, bottom - viewport);
  return null;
}
