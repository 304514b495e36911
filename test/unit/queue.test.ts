/** The capture queue's state machine (src/core/queue.ts): every transition. */
import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  CaptureError,
  type CaptureJob,
  defer,
  fail,
  isReady,
  MAX_ATTEMPTS,
  newJob,
  recover,
  refresh,
  retry,
  start,
} from '../../src/core/queue';
import type { ImageSighting } from '../../src/core/types';

const T0 = Date.UTC(2025, 5, 1, 12);
const sighting = (
  src = 'https://chatgpt.com/backend-api/estuary/content?id=file_00ab12cd&sig=1',
): ImageSighting => ({
  fileId: 'file_00ab12cd',
  src,
  alt: 'Generated image: lighthouse',
  conversationId: '67e1a2b3-4c5d-8000-9e0f-a1b2c3d4e5f6',
  turnMessageId: null,
  pageUrl: 'https://chatgpt.com/c/67e1a2b3-4c5d-8000-9e0f-a1b2c3d4e5f6',
  naturalWidth: 1024,
  naturalHeight: 1024,
});
const retryable = new CaptureError('the image server answered HTTP 502', true);
const fatal = new CaptureError('the server sent a text/html page instead of an image', false);

describe('newJob / isReady / start', () => {
  it('creates a pending job keyed by file id, ready at once', () => {
    const job = newJob(sighting(), T0);
    expect(job).toEqual({
      id: 'file_00ab12cd',
      sighting: sighting(),
      tabId: null,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: T0,
      lastError: null,
      createdAt: T0,
      updatedAt: T0,
    });
    expect(isReady(job, T0)).toBe(true);
    expect(isReady(job, T0 - 1)).toBe(false);
  });

  it('remembers the tab that saw the image', () => {
    expect(newJob(sighting(), T0, 17).tabId).toBe(17);
  });

  it('start counts an attempt and makes the job running (no longer ready)', () => {
    const running = start(newJob(sighting(), T0), T0 + 5);
    expect(running).toMatchObject({ state: 'running', attempts: 1, updatedAt: T0 + 5, createdAt: T0 });
    expect(isReady(running, T0 + 10)).toBe(false);
  });

  it('refuses to start a job that is not pending', () => {
    const running = start(newJob(sighting(), T0), T0);
    expect(() => start(running, T0)).toThrow('cannot start a running job');
    const failed = fail(running, fatal, T0);
    expect(() => start(failed, T0)).toThrow('cannot start a failed job');
  });
});

describe('backoffMs', () => {
  it('doubles from 2 s and caps at 5 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 8, 9, 20].map(backoffMs)).toEqual([
      2000, 2000, 4000, 8000, 16_000, 32_000, 256_000, 300_000, 300_000,
    ]);
  });
});

describe('fail', () => {
  it('sends a retryable failure back to pending after the backoff, with its reason', () => {
    const job = fail(start(newJob(sighting(), T0), T0), retryable, T0 + 100);
    expect(job).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'the image server answered HTTP 502',
      nextAttemptAt: T0 + 100 + 2000,
      updatedAt: T0 + 100,
    });
    expect(isReady(job, T0 + 100 + 1999)).toBe(false);
    expect(isReady(job, T0 + 100 + 2000)).toBe(true);
  });

  it('waits longer after each attempt', () => {
    let job: CaptureJob = newJob(sighting(), T0);
    const waits: number[] = [];
    let now = T0;
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) {
      job = fail(start(job, now), retryable, now);
      waits.push(job.nextAttemptAt - now);
      now = job.nextAttemptAt;
    }
    expect(waits).toEqual([2000, 4000, 8000, 16_000]);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts`, () => {
    let job: CaptureJob = newJob(sighting(), T0);
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      job = fail(start(job, T0), retryable, T0);
      expect(job.state).toBe('pending');
    }
    job = fail(start(job, T0), retryable, T0 + 1);
    expect(job).toMatchObject({
      state: 'failed',
      attempts: MAX_ATTEMPTS,
      lastError: 'the image server answered HTTP 502',
      updatedAt: T0 + 1,
    });
    expect(isReady(job, Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('gives up at once on a non-retryable error', () => {
    const job = fail(start(newJob(sighting(), T0), T0), fatal, T0 + 3);
    expect(job).toMatchObject({
      state: 'failed',
      attempts: 1,
      lastError: 'the server sent a text/html page instead of an image',
    });
  });

  it('honours Retry-After when it is longer than the backoff', () => {
    const slowDown = new CaptureError('the image server asked us to slow down', true, 30_000);
    const job = fail(start(newJob(sighting(), T0), T0), slowDown, T0);
    expect(job.nextAttemptAt).toBe(T0 + 30_000);
  });

  it('keeps the backoff when Retry-After is shorter', () => {
    const brief = new CaptureError('slow down', true, 500);
    let job = fail(start(newJob(sighting(), T0), T0), retryable, T0);
    job = fail(start(job, T0), brief, T0); // second attempt: backoff 4 s > 0.5 s
    expect(job.nextAttemptAt).toBe(T0 + 4000);
  });
});

describe('recover', () => {
  it('puts a job cut off while running back to pending, ready now, keeping its attempts', () => {
    const running = start(newJob(sighting(), T0), T0);
    expect(recover(running, T0 + 60_000)).toMatchObject({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: T0 + 60_000,
      updatedAt: T0 + 60_000,
    });
  });

  it('leaves pending and failed jobs alone', () => {
    const pending = fail(start(newJob(sighting(), T0), T0), retryable, T0);
    expect(recover(pending, T0 + 1)).toBe(pending);
    const failed = fail(start(newJob(sighting(), T0), T0), fatal, T0);
    expect(recover(failed, T0 + 1)).toBe(failed);
  });
});

describe('retry (by the user)', () => {
  it('makes a failed job pending again with a fresh attempt budget', () => {
    let job: CaptureJob = newJob(sighting(), T0);
    for (let i = 0; i < MAX_ATTEMPTS; i++) job = fail(start(job, T0), retryable, T0);
    expect(job.state).toBe('failed');
    const again = retry(job, T0 + 9);
    expect(again).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: T0 + 9, updatedAt: T0 + 9 });
    expect(isReady(again, T0 + 9)).toBe(true);
    // the full budget is back: four more retryable failures stay pending
    let j = again;
    for (let i = 1; i < MAX_ATTEMPTS; i++) j = fail(start(j, T0), retryable, T0);
    expect(j.state).toBe('pending');
  });
});

describe('refresh', () => {
  const fresher = sighting('https://chatgpt.com/backend-api/estuary/content?id=file_00ab12cd&sig=2');

  it('gives a pending or failed job the newer sighting (a fresher signed URL)', () => {
    const pending = newJob(sighting(), T0);
    expect(refresh(pending, fresher, T0 + 1)).toMatchObject({
      sighting: fresher,
      state: 'pending',
      updatedAt: T0 + 1,
    });
    const failed = fail(start(pending, T0), fatal, T0);
    expect(refresh(failed, fresher, T0 + 2)).toMatchObject({ sighting: fresher, state: 'failed' });
  });

  it('does not touch a running job', () => {
    const running = start(newJob(sighting(), T0, 3), T0);
    expect(refresh(running, fresher, T0 + 1, 9)).toBe(running);
  });

  it('takes the newer tab when one is given, else keeps the old one', () => {
    const job = newJob(sighting(), T0, 3);
    expect(refresh(job, fresher, T0 + 1, 9).tabId).toBe(9);
    expect(refresh(job, fresher, T0 + 1).tabId).toBe(3);
    expect(refresh(newJob(sighting(), T0), fresher, T0 + 1).tabId).toBeNull();
  });
});

describe('defer', () => {
  it('puts a running job back to pending until the given time, without spending its attempt', () => {
    let job = newJob(sighting(), T0);
    // however often the budget postpones it, the job never runs out of attempts
    for (let i = 0; i < MAX_ATTEMPTS * 3; i++) {
      job = defer(start(job, T0), T0 + 60_000, 'waiting: ChatGPT asked us to slow down (rate limit)', T0);
    }
    expect(job).toMatchObject({
      state: 'pending',
      attempts: 0,
      nextAttemptAt: T0 + 60_000,
      lastError: 'waiting: ChatGPT asked us to slow down (rate limit)',
    });
    expect(isReady(job, T0 + 59_999)).toBe(false);
    expect(isReady(job, T0 + 60_000)).toBe(true);
    // a real failure after a postponement still counts
    const failed = fail(start(job, T0), retryable, T0);
    expect(failed.attempts).toBe(1);
  });
});

describe('purity', () => {
  it('never mutates the job it is given', () => {
    const job = Object.freeze(newJob(sighting(), T0));
    const running = Object.freeze(start(job, T0));
    expect(() => {
      fail(running, retryable, T0);
      fail(running, fatal, T0);
      recover(running, T0);
      retry(running, T0);
      refresh(job, sighting(), T0);
    }).not.toThrow();
    expect(job.state).toBe('pending');
    expect(running.state).toBe('running');
  });
});
