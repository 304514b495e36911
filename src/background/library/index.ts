/**
 * The library engine's entry points (issue 9), wired by background/index.ts and router.ts:
 * page loads and alarms start checks, the card's messages control the backfill, and a worker
 * start resumes whatever was running or waiting.
 */
import type { LibraryStatus } from '../../messaging/protocol';
import { cachedSettings } from '../../settings/cached';
import { syncDue } from '../../settings/schema';
import { controlBackfill, kickBackfill, startBackfill } from './backfill';
import { controlDeepScan, kickDeepScan } from './deep-scan';
import { endWait, LIBRARY_WAKE_ALARM, readJob, setWakeHandler } from './jobs';
import { kickPrompts } from './prompt-fill';
import { libraryStatus } from './status';
import { checkLibrary, markInstalled, onSyncAlarm, readSyncState, SYNC_ALARM } from './sync';

const LOG = '[image-vault]';
const warn = (what: string) => (e: unknown) => console.warn(LOG, what, e);

export { libraryStatus, markInstalled };

/** Resumes the jobs: running ones go on, waiting ones go on once their time has come. */
async function resume(): Promise<void> {
  for (const [key, kick] of [
    ['libraryBackfill', kickBackfill],
    ['libraryPrompts', kickPrompts],
    ['libraryDeepScan', kickDeepScan],
  ] as const) {
    const j = await readJob(key);
    if (j.state === 'waiting' && !(await endWait(key))) continue;
    if (j.state === 'running' || j.state === 'waiting') kick();
  }
  kickPrompts(); // pending prompts from an earlier sync (it waits while the backfill runs)
}

/** Call once at worker start. */
export function startLibraryEngine(): void {
  setWakeHandler(() => void resume().catch(warn('library wake-up failed')));
  resume().catch(warn('library jobs failed to resume'));
}

/** Alarms of the library; true when `name` was one. */
export function onLibraryAlarm(name: string): boolean {
  if (name === SYNC_ALARM) whenSyncOn(onScheduledAlarm).catch(warn('library check failed'));
  else if (name === LIBRARY_WAKE_ALARM) resume().catch(warn('library wake-up failed'));
  else return false;
  return true;
}

/** A ChatGPT page loaded (its content script reported): a check, at most one a minute. */
export function onChatGptPage(tabId: number | null): void {
  whenSyncOn(() => checkLibrary('page', tabId)).catch(warn('library check failed'));
}

/** The 15-minute alarm; a longer schedule (settings) skips the checks that would come too soon. */
async function onScheduledAlarm(): Promise<void> {
  const every = (await cachedSettings()).librarySyncEvery;
  if (syncDue((await readSyncState()).lastCheckAt, every, Date.now())) await onSyncAlarm();
}

/** The automatic checks run only while the `librarySync` setting is on (the settings page). */
async function whenSyncOn(check: () => Promise<void>): Promise<void> {
  if ((await cachedSettings()).librarySync) await check();
}

/** `libraryBackfill` from the card: start (consent), pause, resume, cancel or dismiss. */
export async function libraryBackfill(
  action: 'start' | 'pause' | 'resume' | 'cancel' | 'dismiss',
): Promise<LibraryStatus> {
  if (action === 'start') {
    const s = await libraryStatus();
    await startBackfill(s.backlog ?? 0);
  } else await controlBackfill(action);
  return libraryStatus();
}

/** `libraryDeepScan` from the card: start, pause, resume or cancel the deep scan (issue 9 §7). */
export async function libraryDeepScan(
  action: 'start' | 'pause' | 'resume' | 'cancel',
): Promise<LibraryStatus> {
  await controlDeepScan(action);
  return libraryStatus();
}
