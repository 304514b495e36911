/**
 * The disk mirror's memory (issue 12 §1) on the real repository functions over fake-indexeddb:
 * what is queued, what is never queued again, retries in time order, and the counts.
 */
import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { savedImageCount } from '../../src/db/gallery';
import { putImage } from '../../src/db/images';
import {
  markWritten,
  mirrorCounts,
  nextQueued,
  queueForMirror,
  savedImageIds,
  saveQueued,
} from '../../src/db/mirror';
import { openVault } from '../../src/db/open';
import { bytes, record } from '../support/db-rows';

test('only saved images are queued, each once; a written image is never queued again', async () => {
  for (const n of [1, 2, 3]) await putImage(record(n), bytes(n), null);
  const db = await openVault();
  await db.put('images', { ...record(4), promptOnly: 1, sha256: '', bytes: 0, mimeType: '' });

  expect(await savedImageCount()).toBe(3);
  expect(await savedImageIds()).toEqual([record(1).id, record(2).id, record(3).id]);
  // Prompt-only and unknown ids are skipped; images captured before `since` too.
  expect(await queueForMirror([record(4).id, 'file_nope', record(1).id], record(2).capturedAt)).toBe(0);
  expect(await queueForMirror([record(1).id, record(2).id, record(2).id, record(4).id, 'file_nope'])).toBe(2);
  expect(await queueForMirror([record(1).id, record(2).id])).toBe(0);

  const first = await nextQueued(Date.now());
  expect(first.row).toMatchObject({ id: record(1).id, attempts: 0, done: [], inflight: null });
  await markWritten(record(1).id, { path: 'a/b.png', files: ['/dl/a/b.png'], at: 1 });
  expect(await queueForMirror(await savedImageIds())).toBe(1); // only record(3): 1 written, 2 queued
  expect(await mirrorCounts()).toEqual({ written: 1, pending: 2, failed: 0, lastError: null });

  // A failure waits for its retry time; the next due image goes first.
  const second = (await nextQueued(Date.now())).row!;
  expect(second.id).toBe(record(2).id);
  await saveQueued({
    ...second,
    attempts: 1,
    reason: 'Could not write the file: the disk is full.',
    retryAt: 5_000,
  });
  expect((await nextQueued(1_000)).row?.id).toBe(record(3).id);
  await markWritten(record(3).id, { path: 'c.png', files: [], at: 2 });
  expect(await nextQueued(1_000)).toEqual({ row: null, wakeAt: 5_000 });
  expect((await nextQueued(5_000)).row?.id).toBe(record(2).id);
  expect(await mirrorCounts()).toEqual({
    written: 2,
    pending: 1,
    failed: 1,
    lastError: 'Could not write the file: the disk is full.',
  });
});

test('an image waiting for its prompts is tried again as soon as it changes', async () => {
  await markWritten(record(2).id, { path: 'b.png', files: [], at: 3 }); // the first test's leftover
  await putImage(record(7), bytes(7), null);
  expect(await queueForMirror([record(7).id])).toBe(1);
  const row = (await nextQueued(Date.now())).row!;
  expect(row.id).toBe(record(7).id);
  await saveQueued({ ...row, waitingSince: 1_000, retryAt: Date.now() + 900_000 });
  expect((await nextQueued(Date.now())).row).toBeNull();
  // The prompts arrive: the change lists the id again.
  expect(await queueForMirror([record(7).id])).toBe(0);
  expect((await nextQueued(Date.now())).row).toMatchObject({
    id: record(7).id,
    retryAt: 0,
    waitingSince: 1_000,
  });
});
