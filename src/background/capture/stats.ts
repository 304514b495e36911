/**
 * Timings of the latest captures, kept in memory for diagnostics and for
 * `npm run bench:capture` (read from the worker as `globalThis.__imageVaultStats`).
 * Never leaves the browser.
 */
export interface CaptureTiming {
  fileId: string;
  bytes: number;
  metadataMs: number;
  fetchMs: number;
  hashMs: number;
  crcMs: number;
  thumbMs: number;
  putMs: number;
  /** Wall time from bytes in hand to committed: dimensions, hash ∥ CRC ∥ thumbnail, put. */
  processMs: number;
  /** epoch ms when the IndexedDB transaction committed */
  committedAt: number;
}

const MAX = 500;
const timings: CaptureTiming[] = [];
(globalThis as { __imageVaultStats?: CaptureTiming[] }).__imageVaultStats = timings;

export function recordTiming(t: CaptureTiming): void {
  timings.push(t);
  if (timings.length > MAX) timings.splice(0, timings.length - MAX);
}

/** Runs `fn` and returns its result with the elapsed milliseconds. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
}
