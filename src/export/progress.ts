/** Progress figures for people, in the browser's language: how far, and how long is left. */

import { formatNumber, t, tn, uiLocale } from '../platform/i18n';
import { formatBytes } from '../ui/format';

export interface Progress {
  done: number;
  total: number;
  bytesDone: number;
  /** 0 while unknown (the export sums it alongside the first images): progress counts images. */
  bytesTotal: number;
  elapsedMs: number;
}

/** Time left from the byte rate so far; null until there is enough to go on. */
export function timeLeftMs(p: Progress): number | null {
  if (p.bytesDone <= 0 || p.bytesTotal <= 0 || p.elapsedMs < 500) return null;
  return ((p.bytesTotal - p.bytesDone) * p.elapsedMs) / p.bytesDone;
}

const unit = (n: number, u: string, digits = 0) =>
  new Intl.NumberFormat(uiLocale(), {
    style: 'unit',
    unit: u,
    unitDisplay: 'short',
    maximumFractionDigits: digits,
  }).format(n);

/** "20 sec", "3 min", "1 hr 5 min", in the browser's language. */
export function formatDuration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 60) return unit(s, 'second');
  const m = Math.round(s / 60);
  return m < 60 ? unit(m, 'minute') : `${unit(Math.floor(m / 60), 'hour')} ${unit(m % 60, 'minute')}`;
}

/** "12 of 300 images · 40 MB of 1.0 GB · about 20 sec left" */
export function describeProgress(p: Progress, noun: 'images' | 'files' = 'images'): string {
  const parts = [tn(`export_progress_${noun}`, p.total, { done: formatNumber(p.done) })];
  if (p.bytesTotal > 0)
    parts.push(
      t('export_progress_bytes', { done: formatBytes(p.bytesDone), total: formatBytes(p.bytesTotal) }),
    );
  if (p.done < p.total) {
    const left = timeLeftMs(p);
    parts.push(
      left === null
        ? t('export_progress_estimating')
        : t('export_progress_left', { time: formatDuration(left) }),
    );
  }
  return parts.join(' · ');
}

/** How full the bar is, 0–1: by bytes once their total is known, by count until then. */
export function barFraction(p: Progress): number {
  if (p.bytesTotal > 0) return Math.min(1, p.bytesDone / p.bytesTotal);
  return p.total ? p.done / p.total : 0;
}

/**
 * Calls `paint` at most every 100 ms (a repaint per image slows small images down), always
 * with the latest figures: a trailing call follows a skipped one. `stop()` drops the trailing one.
 */
export function throttled(paint: (p: Progress) => void): { show(p: Progress): void; stop(): void } {
  let last = 0;
  let trailing: ReturnType<typeof setTimeout> | null = null;
  let latest: Progress | null = null;
  const show = (p: Progress) => {
    latest = { ...p };
    const wait = 100 - (performance.now() - last);
    if (wait > 0) {
      trailing ??= setTimeout(() => {
        trailing = null;
        if (latest) show(latest);
      }, wait);
      return;
    }
    last = performance.now();
    paint(latest);
  };
  return {
    show,
    stop: () => {
      if (trailing) clearTimeout(trailing);
      trailing = null;
    },
  };
}
