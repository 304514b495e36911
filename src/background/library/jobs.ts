/**
 * What the library jobs (backfill, prompt filling) share: their state in kv (so a stopped
 * worker resumes them), one runner at a time per job, and wake-ups after a wait that survive
 * the worker being stopped (an alarm, with a timer for waits shorter than alarms allow).
 */
import { BudgetWaitError } from '../../core/request-budget';
import { kvGet, kvUpdate, type LibraryJobRow } from '../../db/kv';
import { announceChange } from '../../messaging/changes';
import { browser } from '../../platform/browser';

export type JobKey = 'libraryBackfill' | 'libraryPrompts' | 'libraryDeepScan';

/** The alarm that brings a waiting library job back. */
export const LIBRARY_WAKE_ALARM = 'library-wake';

/** A job that never ran. */
export function idleJobRow(): LibraryJobRow {
  return {
    state: 'idle',
    runId: 0,
    cursor: null,
    done: 0,
    total: 0,
    bytes: 0,
    since: 0,
    doneSince: 0,
    waitingUntil: null,
    error: null,
  };
}

export async function readJob(key: JobKey): Promise<LibraryJobRow> {
  return (await kvGet(key, null)) ?? idleJobRow();
}

/**
 * Changes a job's state atomically; returns it as written. A change of `state` is announced
 * (status-changed), so an open card redraws at once: it polls only while a job runs.
 */
export async function updateJob(
  key: JobKey,
  change: (j: LibraryJobRow) => LibraryJobRow,
): Promise<LibraryJobRow> {
  let before: LibraryJobRow['state'] = 'idle';
  const next =
    (await kvUpdate(key, null, (v) => {
      const j = v ?? idleJobRow();
      before = j.state;
      return change(j);
    })) ?? idleJobRow();
  if (next.state !== before) await announceLibrary();
  return next;
}

/** Tells every open card that the library's state changed (counts, a job's state). */
export async function announceLibrary(): Promise<void> {
  await announceChange({ type: 'status-changed' }).catch(() => {});
}

/** Whether run `runId` of the job may go on (not paused, cancelled or restarted meanwhile). */
export async function stillRunning(key: JobKey, runId: number): Promise<boolean> {
  const j = await readJob(key);
  return j.state === 'running' && j.runId === runId;
}

/** Makes `run` single-flight: `kick()` starts it unless it is already going. */
export function singleRunner(run: () => Promise<void>, onError: (e: unknown) => void): () => void {
  let going = false;
  return () => {
    if (going) return;
    going = true;
    run()
      .catch(onError)
      .finally(() => {
        going = false;
      });
  };
}

/**
 * The budget said wait: the job shows `waiting` until then ("resuming at 14:05") and comes
 * back by itself, also if the worker is stopped meanwhile.
 */
export async function waitThenResume(key: JobKey, runId: number, err: BudgetWaitError): Promise<void> {
  const until = Date.now() + err.waitMs;
  await updateJob(key, (j) =>
    j.runId === runId && j.state === 'running' ? { ...j, state: 'waiting', waitingUntil: until } : j,
  );
  scheduleWake(until);
}

let timer: ReturnType<typeof setTimeout> | null = null;
let onWake: () => void = () => {};

/** What runs at a wake-up (set once by the engine). */
export function setWakeHandler(f: () => void): void {
  onWake = f;
}

/** Wakes the library jobs at `at` (epoch ms): a timer now, an alarm in case the worker stops. */
export function scheduleWake(at: number): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => onWake(), Math.max(0, at - Date.now()));
  browser.alarms.create(LIBRARY_WAKE_ALARM, { when: Math.max(at, Date.now() + 30_000) }).catch(() => {});
}

/** A waiting job whose time has come goes back to running. Returns whether it did. */
export async function endWait(key: JobKey): Promise<boolean> {
  const j = await updateJob(key, (j) =>
    j.state === 'waiting' && (j.waitingUntil ?? 0) <= Date.now() + 50
      ? { ...j, state: 'running', waitingUntil: null }
      : j,
  );
  if (j.state === 'waiting' && j.waitingUntil) scheduleWake(j.waitingUntil);
  return j.state === 'running';
}

/** A BudgetWaitError or not. */
export const isBudgetWait = (e: unknown): e is BudgetWaitError => e instanceof BudgetWaitError;

/**
 * While a job runs, an alarm a minute ahead: should the browser stop the worker meanwhile,
 * the alarm starts it again and the job resumes from IndexedDB.
 */
export function keepAlive(): void {
  browser.alarms.create(LIBRARY_WAKE_ALARM, { when: Date.now() + 60_000 }).catch(() => {});
}
