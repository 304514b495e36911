/**
 * What the disk mirror (issue 12 §1) has written and still has to write, in the `kv` store
 * (no new object store, so no schema step): `mirror-q:<fileId>` is a queued image,
 * `mirror-w:<fileId>` a written one. Key prefixes make "the next queued image" one cursor
 * step and "how many are written" one count, at 20,000 images as at 20. A written row is
 * never queued again: that is the "never duplicate" rule.
 */
import { isPromptOnly } from '../core/types';
import { openVault } from './open';

/** The files of one image: the original and its sidecars. */
export type MirrorFileKind = 'image' | 'xmp' | 'json';

/** A queued image. */
export interface MirrorQueueRow {
  id: string;
  attempts: number;
  /** Why the last attempt failed, in plain words. */
  reason: string | null;
  /** epoch ms before which it is not tried again (0: at once). */
  retryAt: number;
  /** Files already on disk (a worker stop between them redoes none). */
  done: MirrorFileKind[];
  /** The download under way when the worker last ran: checked, not restarted, at the next start. */
  inflight: { kind: MirrorFileKind; downloadId: number } | null;
  /**
   * Since when the image waits for its prompts (a library image: bytes first, prompts later),
   * so that its name and sidecars carry them; absent when it never waited.
   */
  waitingSince?: number;
}

/** A written image: where its files went (as the browser named them). */
export interface MirrorWrittenRow {
  path: string;
  files: string[];
  at: number;
}

const Q = 'mirror-q:';
const W = 'mirror-w:';
const range = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`);

const fresh = (id: string): MirrorQueueRow => ({
  id,
  attempts: 0,
  reason: null,
  retryAt: 0,
  done: [],
  inflight: null,
});

/**
 * Queues the images among `ids` that hold bytes and are neither queued nor written. Returns
 * how many were queued. Prompt-only records and ids no longer stored are skipped, and so are
 * images captured before `since` unless they came from an archive import (which keeps the
 * archive's capture time): favouriting an old image does not mirror it.
 */
export async function queueForMirror(ids: Iterable<string>, since = 0): Promise<number> {
  const tx = (await openVault()).transaction(['images', 'kv'], 'readwrite');
  const kv = tx.objectStore('kv');
  let queued = 0;
  for (const id of new Set(ids)) {
    const [rec, q, w] = await Promise.all([
      tx.objectStore('images').get(id),
      kv.getKey(`${Q}${id}`),
      kv.getKey(`${W}${id}`),
    ]);
    if (!rec || isPromptOnly(rec) || w !== undefined) continue;
    if (q !== undefined) {
      // A change to an image waiting for its prompts (they may have come): try it now.
      const row = (await kv.get(`${Q}${id}`)) as MirrorQueueRow | undefined;
      if (row?.waitingSince !== undefined && row.retryAt > 0)
        await kv.put({ ...row, retryAt: 0 }, `${Q}${id}`);
      continue;
    }
    if (rec.capturedAt < since && rec.source !== 'import') continue;
    await kv.put(fresh(id), `${Q}${id}`);
    queued++;
  }
  await tx.done;
  return queued;
}

/**
 * The ids of every saved image (not prompt-only), oldest capture first; `since` limits by
 * capturedAt. Keys only: no record (with its prompts) is read.
 */
export async function savedImageIds(since = 0): Promise<string[]> {
  const tx = (await openVault()).transaction('images');
  const [ids, promptOnly] = await Promise.all([
    tx.store.index('by-capturedAt').getAllKeys(IDBKeyRange.lowerBound(since)),
    tx.store.index('by-promptOnly').getAllKeys(),
  ]);
  const skip = new Set(promptOnly);
  return ids.filter((id) => !skip.has(id));
}

/** The first queued image due at `now`, or the earliest retry time when none is due. */
export async function nextQueued(
  now: number,
): Promise<{ row: MirrorQueueRow | null; wakeAt: number | null }> {
  let cursor = await (await openVault()).transaction('kv').store.openCursor(range(Q));
  let wakeAt: number | null = null;
  while (cursor) {
    const row = cursor.value as MirrorQueueRow;
    if (row.retryAt <= now) return { row, wakeAt: null };
    wakeAt = Math.min(wakeAt ?? row.retryAt, row.retryAt);
    cursor = await cursor.continue();
  }
  return { row: null, wakeAt };
}

/** Saves a queued image's progress (a file done, a download started, a failure). */
export async function saveQueued(row: MirrorQueueRow): Promise<void> {
  await (await openVault()).put('kv', row, `${Q}${row.id}`);
}

/** Drops a queued image that no longer needs writing (deleted meanwhile). */
export async function dropQueued(id: string): Promise<void> {
  await (await openVault()).delete('kv', `${Q}${id}`);
}

/** Marks an image written: its queue row goes, its written row stays for good. */
export async function markWritten(id: string, written: MirrorWrittenRow): Promise<void> {
  const tx = (await openVault()).transaction('kv', 'readwrite');
  await Promise.all([tx.store.delete(`${Q}${id}`), tx.store.put(written, `${W}${id}`), tx.done]);
}

/** Counts for the status: written, queued, failed (queued with a reason) and the latest reason. */
export async function mirrorCounts(): Promise<{
  written: number;
  pending: number;
  failed: number;
  lastError: string | null;
}> {
  const tx = (await openVault()).transaction('kv');
  const written = await tx.store.count(range(W));
  let pending = 0;
  let failed = 0;
  let lastError: string | null = null;
  let cursor = await tx.store.openCursor(range(Q));
  while (cursor) {
    const row = cursor.value as MirrorQueueRow;
    pending++;
    if (row.reason) {
      failed++;
      lastError = row.reason;
    }
    cursor = await cursor.continue();
  }
  return { written, pending, failed, lastError };
}

/** The mirror's marks: since when it is on, and up to which capture time new images were checked. */
export interface MirrorMarks {
  since: number;
  checkedTo: number;
}

/** The marks, null while the mirror is off. */
export async function mirrorMarks(): Promise<MirrorMarks | null> {
  const v = (await (await openVault()).get('kv', 'mirror-marks')) as MirrorMarks | undefined;
  return v && typeof v.since === 'number' ? v : null;
}

/** Sets (or clears, null) the marks. */
export async function setMirrorMarks(marks: MirrorMarks | null): Promise<void> {
  const db = await openVault();
  if (marks === null) await db.delete('kv', 'mirror-marks');
  else await db.put('kv', marks, 'mirror-marks');
}
