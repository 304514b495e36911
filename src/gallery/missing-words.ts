/**
 * What a prompt-only record's placeholder says (issue 10 §5): why there is no image and
 * what the Fetch button offers. Pure, so the words are unit-tested.
 */
import type { ImageRecord } from '../core/types';

/** Where a Fetch for this record stands on this page. */
export interface FetchState {
  busy: boolean;
  /** The error of a Fetch made from this page (the record's `fetchError` otherwise). */
  error: string | null;
}

export interface MissingWords {
  message: string;
  /** The Fetch button's label; one button per card. */
  action: 'Fetch' | 'Try anyway' | 'Try again' | 'Fetching…';
  busy: boolean;
  expired: boolean;
}

/** "15 Mar 2025": day, short month, year (en-GB order), in local time. */
export function expiryDate(ms: number): string {
  return new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The placeholder's message and button for a prompt-only record at time `now`. */
export function missingWords(
  rec: Pick<ImageRecord, 'linkExpiresAt' | 'fetchError'>,
  now: number,
  fetch: FetchState = { busy: false, error: null },
): MissingWords {
  const exp = rec.linkExpiresAt;
  const expired = typeof exp === 'number' && Number.isFinite(exp) && exp <= now;
  if (fetch.busy)
    return { message: 'Fetching the image from ChatGPT…', action: 'Fetching…', busy: true, expired };
  const error = fetch.error ?? rec.fetchError ?? null;
  if (error) return { message: `Image not saved: ${error}`, action: 'Try again', busy: false, expired };
  if (expired)
    return {
      message: `Image not saved: the link expired on ${expiryDate(exp)}`,
      action: 'Try anyway',
      busy: false,
      expired,
    };
  return { message: 'Image not saved yet', action: 'Fetch', busy: false, expired };
}
