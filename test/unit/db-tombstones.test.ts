/**
 * Deletions stick (issue 8 §5) and counters lose no update (§6), on the real repository
 * functions over fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { newJob } from '../../src/core/queue';
import { capturedSinceCount } from '../../src/db/counters';
import { moveToTrash, purgeTrash, restoreFromTrash } from '../../src/db/gallery-mutations';
import { putImage } from '../../src/db/images';
import { ImportWriter } from '../../src/db/import-merge';
import { kvGet } from '../../src/db/kv';
import { openVault } from '../../src/db/open';
import { forgetSkipped, rememberSkipped, skippedCount, skippedRows } from '../../src/db/skipped';
import { DELETED_REASON, forgetTombstones, isTombstoned, tombstoneCount } from '../../src/db/tombstones';
import { type Change, onChange } from '../../src/messaging/changes';
import { bytes, record, sighting } from '../support/db-rows';

test('a deleted image, once its undo window passed, is refused by capture and import until forgotten', async () => {
  const changes: [Change, boolean][] = [];
  onChange(null, (c, local) => void changes.push([c, local]));
  expect(await putImage(record(1), bytes(1), null)).toEqual({ status: 'added' });
  expect(changes).toContainEqual([{ type: 'images-changed', ids: [record(1).id] }, true]);

  expect(await moveToTrash([record(1).id], 5_000)).toEqual([record(1).id]);
  // Within the undo window: not stored again either, and undo still works.
  expect(await isTombstoned(record(1).id)).toBe(true);
  expect(await putImage(record(1), bytes(1), null)).toEqual({ status: 'deleted', reason: DELETED_REASON });
  expect(await restoreFromTrash([record(1).id])).toEqual([record(1).id]);
  expect(await moveToTrash([record(1).id], 5_000)).toEqual([record(1).id]);
  expect(await purgeTrash([record(1).id])).toBe(1);

  const db = await openVault();
  expect(await db.get('tombstones', record(1).id)).toEqual({
    id: record(1).id,
    sha256: record(1).sha256,
    deletedAt: 5_000,
  });
  expect(await db.get('trash', record(1).id)).toBeUndefined();
  expect(await tombstoneCount()).toBe(1);

  // Seen again by file id, or the same bytes under another id: refused, nothing stored, job gone.
  await db.put('queue', { ...newJob(sighting(1), 1), id: 'job' });
  expect(await putImage(record(1), bytes(1), null, 'job')).toEqual({
    status: 'deleted',
    reason: DELETED_REASON,
  });
  expect(await db.get('queue', 'job')).toBeUndefined();
  expect(await putImage(record(9, { sha256: record(1).sha256 }), bytes(1), null)).toMatchObject({
    status: 'deleted',
  });
  expect(await db.count('images')).toBe(0);
  expect(await db.count('originals')).toBe(0);

  // Import: skipped with a reason the report shows.
  const writer = new ImportWriter();
  const out = await writer.write([
    { record: record(1, { source: 'import' }), original: bytes(1), thumb: null },
    { record: record(2, { source: 'import' }), original: bytes(2), thumb: null },
  ]);
  expect(out).toEqual([
    { id: record(1).id, status: 'skipped', reason: DELETED_REASON, existingId: null, favouriteAdded: false },
    { id: record(2).id, status: 'added' },
  ]);

  // A sighting of a deleted image is not remembered while paused.
  expect(await rememberSkipped(sighting(1), null)).toBe(false);

  expect(await forgetTombstones()).toBe(1);
  expect(changes).toContainEqual([{ type: 'status-changed' }, true]);
  expect(await isTombstoned(record(1).id, record(1).sha256)).toBe(false);
  expect(await putImage(record(1), bytes(1), null)).toEqual({ status: 'added' });
});

test('counters: concurrent stores are all counted; skipped sightings are deduped and cleared on store', async () => {
  const base = 1_800_000_000_000;
  const promptless = (n: number) =>
    record(100 + n, { capturedAt: base + n, warning: `saved without its prompt: reason ${n}` });
  // Four images finish at once, each without its prompt.
  const results = await Promise.all([1, 2, 3, 4].map((n) => putImage(promptless(n), bytes(n), null)));
  expect(results.every((r) => r.status === 'added')).toBe(true);
  expect((await kvGet('promptless', null))?.count).toBe(4);
  await putImage(record(200, { capturedAt: base + 10, source: 'import' }), bytes(9), null);
  await putImage(record(201, { capturedAt: base - 1 }), bytes(8), null);
  expect(await capturedSinceCount(base)).toBe(4);

  expect(await rememberSkipped(sighting(300), 1)).toBe(true);
  expect(await rememberSkipped(sighting(300), 2)).toBe(true);
  expect(await rememberSkipped(sighting(301), 2)).toBe(true);
  expect(await rememberSkipped(sighting(100 + 1), 2)).toBe(false); // already stored
  expect(await skippedCount()).toBe(2);
  await putImage(record(301, { capturedAt: base + 20 }), bytes(7), null);
  expect(await skippedCount()).toBe(1);
  const rows = await skippedRows();
  expect(rows.map((r) => [r.id, r.tabId])).toEqual([[record(300).id, 2]]);
  expect(await forgetSkipped(rows.map((r) => r.id))).toBe(1);
  expect(await skippedCount()).toBe(0);
});
