/**
 * Runs the persistent capture queue. Jobs live in IndexedDB and change state only through
 * core/queue.ts, so whatever the worker was doing when it stopped is picked up again by
 * `resumeQueue()` at its next start.
 */
import {
  CaptureError,
  type CaptureJob,
  defer,
  fail,
  isReady,
  newJob,
  recover,
  refresh,
  start,
} from '../../core/queue';
import { BudgetWaitError } from '../../core/request-budget';
import type { ImageSighting } from '../../core/types';
import { hasImage } from '../../db/images';
import { allJobs, deleteJob, getJob, putJob } from '../../db/queue';
import { DELETED_REASON, isTombstoned } from '../../db/tombstones';
import { browser } from '../../platform/browser';
import { announceStatus, onImageStored } from '../status/session';
import { notifyTabStored } from './notify-tab';
import { captureImage } from './pipeline';

const LOG = '[image-vault]';
// Two at a time: decoding and hashing use the machine's cores; more only makes each slower.
const CONCURRENCY = 2;
export const WAKE_ALARM = 'image-vault-queue';

/** Jobs this worker is running now, by id: the pool's slots. */
const running = new Set<string>();
let filling: Promise<void> | null = null;
let again = false;
let wakeTimer: ReturnType<typeof setTimeout> | null = null;

/** Logs a fire-and-forget failure instead of leaving it unhandled. */
export const logFailure =
  (what: string) =>
  (err: unknown): void =>
    console.error(LOG, what, err);

function asCaptureError(err: unknown): CaptureError {
  if (err instanceof CaptureError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  return new CaptureError(`unexpected error: ${msg}`, true);
}

async function runJob(job: CaptureJob): Promise<void> {
  if (await hasImage(job.id)) {
    await deleteJob(job.id);
    notifyTabStored(job.tabId, job.id);
    return;
  }
  const started = start(job, Date.now());
  await putJob(started);
  try {
    const result = await captureImage(started);
    await onImageStored(result.status === 'added');
    if (result.status !== 'deleted') notifyTabStored(started.tabId, job.id);
  } catch (err) {
    const e = asCaptureError(err);
    const now = Date.now();
    if (e instanceof BudgetWaitError) {
      // Not this job's fault: wait for the budget without spending an attempt.
      console.info(LOG, `capture of ${job.id} postponed ${Math.round(e.waitMs / 1000)} s: ${e.message}`);
      await putJob(defer(started, now + e.waitMs, e.message, now));
      return;
    }
    console.warn(LOG, `capture of ${job.id} failed (attempt ${started.attempts}): ${e.message}`);
    const next = fail(started, e, now);
    await putJob(next);
    // A capture that gave up is a problem the badge and open pages show at once (issue 13 §1).
    if (next.state === 'failed') announceStatus();
  }
}

/** Wakes the queue at the next retry time: a timer while alive, an alarm if the worker stops. */
function scheduleWake(jobs: CaptureJob[]): void {
  const next = Math.min(...jobs.filter((j) => j.state === 'pending').map((j) => j.nextAttemptAt));
  if (wakeTimer) clearTimeout(wakeTimer);
  wakeTimer = null;
  if (!Number.isFinite(next)) return;
  wakeTimer = setTimeout(() => void drain(), Math.max(0, next - Date.now()) + 50);
  browser.alarms
    .create(WAKE_ALARM, { when: Math.max(next, Date.now() + 30_000) })
    .catch(logFailure('could not set the queue’s wake-up alarm'));
}

/** Starts ready jobs in free slots; when a job ends, its slot is filled again at once. */
async function fill(): Promise<void> {
  do {
    again = false;
    const jobs = await allJobs();
    const now = Date.now();
    // A job stored as running that no slot of this worker runs was cut off: its worker
    // stopped, or its outcome could not be written (a full disk closes the database
    // connection). Put it back, or it would wait for the next worker start.
    for (const [i, job] of jobs.entries()) {
      if (job.state !== 'running' || running.has(job.id)) continue;
      jobs[i] = recover(job, now);
      await putJob(jobs[i]!);
    }
    const ready = jobs
      .filter((j) => isReady(j, now) && !running.has(j.id))
      .sort((a, b) => a.createdAt - b.createdAt);
    for (const job of ready.slice(0, Math.max(0, CONCURRENCY - running.size))) {
      running.add(job.id);
      void runJob(job)
        .catch(logFailure(`capture of ${job.id} could not record its outcome`))
        .finally(() => {
          running.delete(job.id);
          void drain();
        });
    }
    scheduleWake(jobs);
  } while (again);
}

/**
 * Fills the pool's free slots with ready jobs; safe to call any number of times, from
 * anywhere, without awaiting: it never rejects (failures are logged). Resolves once the
 * ready jobs have been started, not finished (a slow job holds only its own slot).
 */
export function drain(): Promise<void> {
  if (filling) {
    again = true;
    return filling;
  }
  filling = fill()
    .catch(logFailure('the capture queue could not be read'))
    .finally(() => {
      filling = null;
      // Asked again after the last round had read the queue: go once more.
      if (again) void drain();
    });
  return filling;
}

/** A sighting from a tab: queue it (once per file id) and start work. */
export async function enqueue(
  sighting: ImageSighting,
  tabId: number | null,
): Promise<{ accepted: boolean; reason?: string }> {
  if (await hasImage(sighting.fileId)) return { accepted: false, reason: 'already stored' };
  // Deletions stick: a tombstoned (or trashed) image is not fetched again (db/tombstones.ts).
  if (await isTombstoned(sighting.fileId)) return { accepted: false, reason: DELETED_REASON };
  const now = Date.now();
  const existing = await getJob(sighting.fileId);
  if (existing?.state === 'running') return { accepted: true };
  await putJob(existing ? refresh(existing, sighting, now, tabId) : newJob(sighting, now, tabId));
  void drain();
  return { accepted: true };
}

/** At worker start: jobs cut off mid-capture go back to pending, then everything resumes. */
export async function resumeQueue(): Promise<void> {
  const now = Date.now();
  for (const job of await allJobs()) {
    if (job.state === 'running') {
      console.info(LOG, `resuming interrupted capture of ${job.id}`);
      await putJob(recover(job, now));
    }
  }
  await drain();
}
