/** Geometry of the virtualized grid. */
import { describe, expect, it } from 'vitest';
import {
  gridLayout,
  moveIndex,
  pageRows,
  scrollToShow,
  tilePosition,
  visibleRange,
} from '../../src/gallery/grid-math';

const O = { minTile: 160, gap: 10, caption: 40 };

describe('gridLayout', () => {
  it('fits as many columns as the width allows and stretches tiles to fill it', () => {
    const l = gridLayout(1000, 100, O);
    expect(l.cols).toBe(5); // 5×160 + 4×10 = 840 ≤ 1000 < 6×160 + 5×10
    expect(l.tile).toBe(192); // (1000 − 40) / 5
    expect(l.rowHeight).toBe(192 + 40 + 10);
    expect(l.rows).toBe(20);
    expect(l.height).toBe(20 * l.rowHeight - 10);
  });
  it('keeps one column on a narrow window and zero height when empty', () => {
    expect(gridLayout(100, 3, O).cols).toBe(1);
    expect(gridLayout(1000, 0, O).height).toBe(0);
  });
  it('stays small for 20,000 images (a browser caps element heights near 33 million px)', () => {
    expect(gridLayout(1240, 20_000, O).height).toBeLessThan(33_000_000);
  });
});

describe('visibleRange', () => {
  const l = gridLayout(1000, 100, O); // 5 columns, rows of 242 px
  it('covers the viewport plus one row either side', () => {
    expect(visibleRange(l, 100, 0, 500, 1)).toEqual({ start: 0, end: 20 }); // rows 0–2 visible, +1
    expect(visibleRange(l, 100, 242 * 10, 500, 1)).toEqual({ start: 45, end: 70 }); // rows 9–13
  });
  it('clamps at the end and handles an empty grid', () => {
    expect(visibleRange(l, 100, 242 * 19, 500, 1).end).toBe(100);
    expect(visibleRange(l, 98, 242 * 19, 500, 1).end).toBe(98);
    expect(visibleRange(gridLayout(1000, 0, O), 0, 0, 500)).toEqual({ start: 0, end: 0 });
  });
  it('places tile i at its row and column', () => {
    expect(tilePosition(l, 7)).toEqual({ x: 2 * 202, y: 242 });
  });
});

describe('keyboard moves', () => {
  const l = gridLayout(1000, 23, O); // 5 columns, last row holds 3
  it.each([
    ['ArrowRight', 4, 5],
    ['ArrowLeft', 0, 0],
    ['ArrowDown', 2, 7],
    ['ArrowDown', 19, 19], // nothing below in the short last row
    ['ArrowUp', 3, 3],
    ['Home', 12, 0],
    ['End', 3, 22],
    ['PageDown', 0, 10],
    ['PageUp', 22, 12],
  ])('%s from %i → %i', (key, from, to) => {
    expect(moveIndex(from, key, l, 23, 2)).toBe(to);
  });
  it('ignores other keys', () => {
    expect(moveIndex(3, 'a', l, 23, 2)).toBeNull();
  });
  it('scrolls only when the target row is out of view', () => {
    expect(scrollToShow(l, 0, 0, 500)).toBeNull();
    expect(scrollToShow(l, 20, 0, 500)).toBe(4 * 242 + 232 - 500);
    expect(scrollToShow(l, 0, 800, 500)).toBe(0);
    expect(pageRows(l, 500)).toBe(2);
  });
});
