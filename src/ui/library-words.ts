/**
 * The library card's sentences (issue 9 §3), kept free of the DOM so they are unit-tested in
 * Node: the backlog offer, the ETA, the time a rate-limit pause ends, the prompts line. In the
 * browser's language (src/locales/<lang>/library.json).
 */
import type { LibraryJobProgress } from '../messaging/protocol';
import { formatNumber, t, tn } from '../platform/i18n';
import { formatBytes } from './format';

/** "Your ChatGPT library has 1,234 images that are not in the vault". */
export function backlogSentence(n: number): string {
  return tn('library_backlog', n);
}

/** "about 2.3 GB", or null when the size is unknown (or nothing). */
export function sizeEstimate(bytes: number | null): string | null {
  return bytes !== null && Number.isFinite(bytes) && bytes > 0
    ? t('library_size_about', { size: formatBytes(bytes) })
    : null;
}

/** "about 12 min left"; minutes up to two hours, then hours, then days. Null while unknown. */
export function etaWords(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return null;
  const min = Math.round(ms / 60_000);
  if (min < 1) return t('library_eta_soon');
  if (min < 120) return t('library_eta_minutes', { minutes: formatNumber(min) });
  const hours = Math.round(min / 60);
  if (hours < 48) return t('library_eta_hours', { hours: formatNumber(hours) });
  return t('library_eta_days', { days: formatNumber(Math.round(hours / 24)) });
}

/**
 * The local time a pause ends: "14:05" in the user's own clock format; with the date when it
 * is not today (a 429's `Retry-After` can be long).
 */
export function resumeTime(at: number, now = Date.now()): string {
  const d = new Date(at);
  const sameDay = d.toDateString() === new Date(now).toDateString();
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return sameDay ? time : `${d.toLocaleDateString(undefined, { dateStyle: 'medium' })} ${time}`;
}

/**
 * "Waiting: ChatGPT asks us to slow down, resuming at 14:05"; `inline`, the same words to
 * follow other words ("…, waiting: ChatGPT asks…").
 */
export function waitingSentence(until: number | null, now = Date.now(), inline = false): string {
  const kind = inline ? 'inline' : 'sentence';
  return until === null || until <= now
    ? t(`library_waiting_${kind}_shortly`)
    : t(`library_waiting_${kind}_at`, { time: resumeTime(until, now) });
}

/** "812 of 1,234". */
export function ofWords(done: number, total: number): string {
  return t('library_of', { done: formatNumber(done), total: formatNumber(total) });
}

/** "an unknown error" when a failure came without a reason. */
export function errorWords(error: string | null): string {
  return error ?? t('library_unknown_error');
}

/** "Prompts: 812 of 1,234" with how the prompt queue stands when it is not simply running. */
export function promptsSentence(p: LibraryJobProgress, now = Date.now()): string {
  const of = ofWords(p.done, p.total);
  switch (p.state) {
    case 'waiting':
      return t('library_prompts_waiting', { of, waiting: waitingSentence(p.waitingUntil, now, true) });
    case 'paused':
      return t('library_prompts_paused', { of });
    case 'failed':
      return t('library_prompts_failed', { of, error: errorWords(p.error) });
    case 'done':
      return t(p.done < p.total ? 'library_prompts_some_missing' : 'library_prompts_all', { of });
    default:
      return t('library_prompts', { of });
  }
}

/** "3 library items were not understood — ChatGPT may have changed its format". */
export function invalidSentence(n: number): string {
  return tn('library_invalid', n);
}

/** What the live region announces: one sentence per state, not per image. */
export function stateAnnouncement(p: LibraryJobProgress): string {
  switch (p.state) {
    case 'running':
    case 'waiting':
    case 'paused':
    case 'done':
      return t(`library_announce_${p.state}`);
    case 'failed':
      return t('library_announce_failed', { error: errorWords(p.error) });
    default:
      return '';
  }
}
