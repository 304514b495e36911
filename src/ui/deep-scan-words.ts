/** The deep scan's line on the library card, in words (issue 9 §7). Pure, unit-tested. */
import type { LibraryJobProgress } from '../messaging/protocol';
import { formatCount } from './format';
import { etaWords, ofWords, waitingSentence } from './library-words';

const images = (n: number) => (n === 1 ? '1 image' : `${formatCount(n)} images`);
const conversations = (n: number) => (n === 1 ? '1 conversation' : `${formatCount(n)} conversations`);

/** The offer before any scan: what it does and what it costs. */
export const DEEP_SCAN_OFFER =
  'Older images (such as DALL·E ones) that your library no longer lists can still be in your conversations. A deep scan reads each conversation once, slowly enough that ChatGPT keeps working: about one every 2 minutes, so a big account takes days.';

/** "Deep scan: 12 of 340 conversations read · 3 images found · about 11 hours left", by state. */
export function deepScanSentence(p: LibraryJobProgress, now = Date.now()): string {
  const found = images(p.found ?? 0);
  const read = `${ofWords(p.done, p.total)} conversations read`;
  switch (p.state) {
    case 'running': {
      const eta = etaWords(p.etaMs);
      return `Deep scan: ${read} · ${found} found${eta ? ` · ${eta}` : ' · still listing your conversations'}`;
    }
    case 'waiting':
      return `Deep scan: ${read} · ${found} found · ${waitingSentence(p.waitingUntil, now).replace('Waiting: ', 'waiting: ')}`;
    case 'paused':
      return `Deep scan paused: ${read} · ${found} found`;
    case 'done':
      return `Deep scan done: ${conversations(p.done)} read, ${found} found`;
    case 'failed':
      return `Deep scan stopped: ${p.error ?? 'an unknown error'}`;
    default:
      return DEEP_SCAN_OFFER;
  }
}
