/**
 * The library card's sentences (issue 9 §3), kept free of the DOM so they are unit-tested in
 * Node: the backlog offer, the ETA, the time a rate-limit pause ends, the prompts line.
 */
import type { LibraryJobProgress } from '../messaging/protocol';
import { formatBytes, formatCount } from './format';

/** "Your ChatGPT library has 1,234 images that are not in the vault". */
export function backlogSentence(n: number): string {
  return n === 1
    ? 'Your ChatGPT library has 1 image that is not in the vault'
    : `Your ChatGPT library has ${formatCount(n)} images that are not in the vault`;
}

/** "about 2.3 GB", or null when the size is unknown (or nothing). */
export function sizeEstimate(bytes: number | null): string | null {
  return bytes !== null && Number.isFinite(bytes) && bytes > 0 ? `about ${formatBytes(bytes)}` : null;
}

/** "about 12 min left"; minutes up to two hours, then hours, then days. Null while unknown. */
export function etaWords(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return null;
  const min = Math.round(ms / 60_000);
  if (min < 1) return 'less than a minute left';
  if (min < 120) return `about ${min} min left`;
  const hours = Math.round(min / 60);
  if (hours < 48) return `about ${hours} hours left`;
  return `about ${Math.round(hours / 24)} days left`;
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

/** "Waiting: ChatGPT asks us to slow down, resuming at 14:05". */
export function waitingSentence(until: number | null, now = Date.now()): string {
  return until === null || until <= now
    ? 'Waiting: ChatGPT asks us to slow down, resuming shortly'
    : `Waiting: ChatGPT asks us to slow down, resuming at ${resumeTime(until, now)}`;
}

/** "812 of 1,234". */
export function ofWords(done: number, total: number): string {
  return `${formatCount(done)} of ${formatCount(total)}`;
}

/** "Prompts: 812 of 1,234" with how the prompt queue stands when it is not simply running. */
export function promptsSentence(p: LibraryJobProgress, now = Date.now()): string {
  const base = `Prompts: ${ofWords(p.done, p.total)}`;
  switch (p.state) {
    case 'waiting':
      return `${base} (${waitingSentence(p.waitingUntil, now).replace('Waiting: ', 'waiting: ')})`;
    case 'paused':
      return `${base} (paused)`;
    case 'failed':
      return `${base} (stopped: ${p.error ?? 'an unknown error'})`;
    case 'done':
      return p.done < p.total ? `${base} (the others could not be found)` : `${base} (all found)`;
    default:
      return base;
  }
}

/** "3 library items were not understood — ChatGPT may have changed its format". */
export function invalidSentence(n: number): string {
  return n === 1
    ? '1 library item was not understood — ChatGPT may have changed its format'
    : `${formatCount(n)} library items were not understood — ChatGPT may have changed its format`;
}

/** What the live region announces: one sentence per state, not per image. */
export function stateAnnouncement(p: LibraryJobProgress): string {
  switch (p.state) {
    case 'running':
      return 'Saving your ChatGPT library.';
    case 'waiting':
      return 'Saving your ChatGPT library is waiting: ChatGPT asks us to slow down.';
    case 'paused':
      return 'Saving your ChatGPT library is paused.';
    case 'done':
      return 'Your ChatGPT library is saved.';
    case 'failed':
      return `Saving your ChatGPT library stopped: ${p.error ?? 'an unknown error'}.`;
    default:
      return '';
  }
}
