/** Progress figures for people: how far, and how long is left. */
import { formatBytes, formatCount } from '../ui/format';

export interface Progress {
  done: number;
  total: number;
  bytesDone: number;
  bytesTotal: number;
  elapsedMs: number;
}

/** Time left from the byte rate so far; null until there is enough to go on. */
export function timeLeftMs(p: Progress): number | null {
  if (p.bytesDone <= 0 || p.elapsedMs < 500) return null;
  return ((p.bytesTotal - p.bytesDone) * p.elapsedMs) / p.bytesDone;
}

export function formatDuration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** "12 of 300 images · 40 MB of 1.0 GB · about 20 s left" */
export function describeProgress(p: Progress, noun = 'images'): string {
  const left = timeLeftMs(p);
  return [
    `${formatCount(p.done)} of ${formatCount(p.total)} ${noun}`,
    `${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)}`,
    left === null ? 'estimating time left…' : `about ${formatDuration(left)} left`,
  ].join(' · ');
}
