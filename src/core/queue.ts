/**
 * The capture queue's state machine, pure so that it can be unit-tested in Node.
 * The background stores jobs in IndexedDB (db/queue.ts) and moves them only through
 * these functions, so a service worker stopped at any moment resumes where it was.
 *
 *   pending ──start──▶ running ──succeed──▶ (deleted together with the stored image)
 *      ▲                  │
 *      └──fail(retry)─────┤──fail(give up)──▶ failed ──retry by user──▶ pending
 *   recover(): a job found `running` at start-up was interrupted: back to pending.
 *   defer(): running → pending without spending the attempt (waiting for the request budget).
 */
import type { ImageSighting } from './types';

export type JobState = 'pending' | 'running' | 'failed';

export interface CaptureJob {
  /** The file id: one job per image. */
  id: string;
  sighting: ImageSighting;
  /** The tab that saw it: asked to fetch as the page when the worker cannot (no cookies). */
  tabId?: number | null;
  state: JobState;
  attempts: number;
  /** epoch ms before which a pending job must not start. */
  nextAttemptAt: number;
  /** Plain-words reason of the last failure, shown to the user. */
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Attempts before a retryable failure is given up. */
export const MAX_ATTEMPTS = 5;

/** A failure with a message for people; `retryable` says whether trying again may help. */
export class CaptureError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** Milliseconds the server asked us to wait (429 Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'CaptureError';
  }
}

export function newJob(sighting: ImageSighting, now: number, tabId: number | null = null): CaptureJob {
  return {
    id: sighting.fileId,
    sighting,
    tabId,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Exponential backoff: 2 s, 4 s, 8 s, … capped at 5 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(2000 * 2 ** Math.max(0, attempts - 1), 5 * 60_000);
}

export function isReady(job: CaptureJob, now: number): boolean {
  return job.state === 'pending' && job.nextAttemptAt <= now;
}

export function start(job: CaptureJob, now: number): CaptureJob {
  if (job.state !== 'pending') throw new Error(`cannot start a ${job.state} job`);
  return { ...job, state: 'running', attempts: job.attempts + 1, updatedAt: now };
}

export function fail(job: CaptureJob, error: CaptureError, now: number): CaptureJob {
  const giveUp = !error.retryable || job.attempts >= MAX_ATTEMPTS;
  if (giveUp) return { ...job, state: 'failed', lastError: error.message, updatedAt: now };
  const wait = Math.max(backoffMs(job.attempts), error.retryAfterMs ?? 0);
  return { ...job, state: 'pending', lastError: error.message, nextAttemptAt: now + wait, updatedAt: now };
}

/**
 * The job could not run yet for a reason that is not its own (the request budget, a 429):
 * back to pending until `until`, and the attempt it started is not counted.
 */
export function defer(job: CaptureJob, until: number, reason: string, now: number): CaptureJob {
  return {
    ...job,
    state: 'pending',
    attempts: Math.max(0, job.attempts - 1),
    lastError: reason,
    nextAttemptAt: until,
    updatedAt: now,
  };
}

/** At start-up: a job left `running` was cut off by the worker stopping. */
export function recover(job: CaptureJob, now: number): CaptureJob {
  return job.state === 'running' ? { ...job, state: 'pending', nextAttemptAt: now, updatedAt: now } : job;
}

/** The user asked to try a failed job again. */
export function retry(job: CaptureJob, now: number): CaptureJob {
  return { ...job, state: 'pending', attempts: 0, nextAttemptAt: now, updatedAt: now };
}

/** A newer sighting of a job already known (e.g. a fresher signed URL) refreshes its URL. */
export function refresh(
  job: CaptureJob,
  sighting: ImageSighting,
  now: number,
  tabId: number | null = null,
): CaptureJob {
  if (job.state === 'running') return job;
  return { ...job, sighting, tabId: tabId ?? job.tabId ?? null, updatedAt: now };
}
