/**
 * `fetch` with a deadline. A request that never answers must not freeze the capture queue
 * (issue 8): past the deadline it is aborted and becomes a retryable CaptureError.
 */
import { CaptureError } from '../../core/queue';

/** Deadlines (ms) by what is fetched. JSON is small; images are up to a few MB. */
export const TIMEOUT_MS = {
  session: 20_000,
  json: 30_000,
  image: 60_000,
} as const;

/**
 * Fetches `url`; rejects with a retryable CaptureError naming `what` when no answer (headers
 * and body alike: `read` runs inside the deadline) came within `ms`, or on a network error.
 */
export async function fetchWithin<T>(
  url: string,
  init: RequestInit,
  ms: number,
  what: string,
  read: (res: Response) => Promise<T>,
): Promise<T> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), ms);
  try {
    const res = await fetch(url, { ...init, signal: ctl.signal });
    return await read(res);
  } catch (err) {
    if (err instanceof CaptureError) throw err;
    if (ctl.signal.aborted)
      throw new CaptureError(`${what} did not answer within ${Math.round(ms / 1000)} s`, true);
    throw new CaptureError(`${what} could not be reached (network error)`, true);
  } finally {
    clearTimeout(timer);
  }
}

/** Retry-After in ms (seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(headers: Headers): number | null {
  const h = headers.get('retry-after');
  if (!h) return null;
  const secs = Number(h);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const date = Date.parse(h);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
}
