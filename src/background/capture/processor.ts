/**
 * Runs the persistent capture queue. Jobs live in IndexedDB and change state only through
 * core/queue.ts, so whatever the worker was doing when it stopped is picked up again by
 * `resumeQueue()` at its next start.
 */
import {
  CaptureError,
  type CaptureJob,
  fail,
  isReady,
  newJob,
  recover,
  refresh,
  start,
} from '../../core/queue';
import type { ImageSighting } from '../../core/types';
import { hasImage } from '../../db/images';
import { allJobs, deleteJob, getJob, putJob } from '../../db/queue';
import { DELETED_REASON, isTombstoned } from '../../db/tombstones';
import { browser } from '../../platform/browser';
import { onImageStored } from '../status/session';
import { captureImage } from './pipeline';

const LOG = '[image-vault]';
// Two at a time: decoding and hashing use the machine's cores; more only makes each slower.
const CONCURRENCY = 2;
export const WAKE_ALARM = 'image-vault-queue';

let draining = false;
let again = false;
let wakeTimer: ReturnType<typeof setTimeout> | null = null;

function asCaptureError(err: unknown): CaptureError {
  if (err instanceof CaptureError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  return new CaptureError(`unexpected error: ${msg}`, true);
}

async function runJob(job: CaptureJob): Promise<void> {
  if (await hasImage(job.id)) {
    await deleteJob(job.id);
    return;
  }
  const running = start(job, Date.now());
  await putJob(running);
  try {
    const result = await captureImage(running);
    await onImageStored(result.status === 'added');
  } catch (err) {
    const e = asCaptureError(err);
    const next = fail(running, e, Date.now());
    console.warn(LOG, `capture of ${job.id} failed (attempt ${running.attempts}): ${e.message}`);
    await putJob(next);
  }
}

/** Wakes the queue at the next retry time: a timer while alive, an alarm if the worker stops. */
function scheduleWake(jobs: CaptureJob[]): void {
  const next = Math.min(...jobs.filter((j) => j.state === 'pending').map((j) => j.nextAttemptAt));
  if (wakeTimer) clearTimeout(wakeTimer);
  wakeTimer = null;
  if (!Number.isFinite(next)) return;
  wakeTimer = setTimeout(() => void drain(), Math.max(0, next - Date.now()) + 50);
  void browser.alarms.create(WAKE_ALARM, { when: Math.max(next, Date.now() + 30_000) });
}

/** Processes every ready job; safe to call any number of times. */
export async function drain(): Promise<void> {
  if (draining) {
    again = true;
    return;
  }
  draining = true;
  try {
    do {
      again = false;
      const now = Date.now();
      const ready = (await allJobs())
        .filter((j) => isReady(j, now))
        .sort((a, b) => a.createdAt - b.createdAt);
      for (let i = 0; i < ready.length; i += CONCURRENCY) {
        await Promise.all(ready.slice(i, i + CONCURRENCY).map(runJob));
      }
      scheduleWake(await allJobs());
    } while (again);
  } finally {
    draining = false;
  }
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
