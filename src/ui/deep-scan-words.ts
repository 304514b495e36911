/** The deep scan's line on the library card, in words (issue 9 §7). Pure, unit-tested. */
import type { LibraryJobProgress } from '../messaging/protocol';
import { t, tn } from '../platform/i18n';
import { errorWords, etaWords, ofWords, waitingSentence } from './library-words';

/** The offer before any scan: what it does and what it costs. */
export function deepScanOffer(): string {
  return t('library_deep_offer');
}

/** "Deep scan: 12 of 340 conversations read · 3 images found · about 11 hours left", by state. */
export function deepScanSentence(p: LibraryJobProgress, now = Date.now()): string {
  const found = tn('library_deep_images', p.found ?? 0);
  const read = t('library_deep_read', { of: ofWords(p.done, p.total) });
  switch (p.state) {
    case 'running': {
      const eta = etaWords(p.etaMs);
      return eta
        ? t('library_deep_running', { read, found, eta })
        : t('library_deep_listing', { read, found });
    }
    case 'waiting':
      return t('library_deep_waiting', { read, found, waiting: waitingSentence(p.waitingUntil, now, true) });
    case 'paused':
      return t('library_deep_paused', { read, found });
    case 'done':
      return t('library_deep_done', { conversations: tn('library_deep_conversations', p.done), found });
    case 'failed':
      return t('library_deep_failed', { error: errorWords(p.error) });
    default:
      return deepScanOffer();
  }
}
