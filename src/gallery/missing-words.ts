/**
 * What a prompt-only record's placeholder says (issue 10 §5): why there is no image and
 * what the Fetch button offers. Pure, so the words are unit-tested.
 */
import type { ImageRecord } from '../core/types';
import { t, uiLocale } from '../platform/i18n';

/** Where a Fetch for this record stands on this page. */
export interface FetchState {
  busy: boolean;
  /** The error of a Fetch made from this page (the record's `fetchError` otherwise). */
  error: string | null;
}

export interface MissingWords {
  message: string;
  /** The Fetch button's label (Fetch, Try anyway, Try again, Fetching…); one button per card. */
  action: string;
  busy: boolean;
  expired: boolean;
}

/** "Mar 15, 2025" / "15. März 2025": day, short month and year in the browser's locale. */
export function expiryDate(ms: number): string {
  return new Date(ms).toLocaleDateString(uiLocale(), { day: 'numeric', month: 'short', year: 'numeric' });
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
    return {
      message: t('gallery_missing_fetching'),
      action: t('gallery_missing_fetching_button'),
      busy: true,
      expired,
    };
  const error = fetch.error ?? rec.fetchError ?? null;
  if (error)
    return {
      message: t('gallery_missing_failed', { reason: error }),
      action: t('gallery_missing_try_again'),
      busy: false,
      expired,
    };
  if (expired)
    return {
      message: t('gallery_missing_expired', { date: expiryDate(exp) }),
      action: t('gallery_missing_try_anyway'),
      busy: false,
      expired,
    };
  return { message: t('gallery_missing_not_yet'), action: t('gallery_missing_fetch'), busy: false, expired };
}
