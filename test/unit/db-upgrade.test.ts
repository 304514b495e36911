/**
 * The upgrade ladder on real version-1 data: a database made exactly as version 1 made it
 * (the store layout below is frozen: it is what shipped), filled in every store, is opened
 * by today's code; every row must survive and the version-2 stores must work.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { expect, test } from 'vitest';
import { newJob } from '../../src/core/queue';
import { bytes, record, sighting } from '../support/db-rows';
import { shippedV1 } from '../support/frozen-schema';

/** Version 1 as it shipped (src/db/open.ts before issue 8). Do not change. */
async function makeVersion1(): Promise<void> {
  const db = await openDB('image-vault', 1, {
    upgrade(db) {
      shippedV1(db);
    },
  });
  const tx = db.transaction(['images', 'originals', 'thumbs', 'queue', 'trash', 'kv'], 'readwrite');
  for (const n of [1, 2]) {
    await tx.objectStore('images').put(record(n, { favorite: n === 2 ? 1 : 0 }));
    await tx.objectStore('originals').put({ id: record(n).id, blob: bytes(n) });
    await tx.objectStore('thumbs').put({ id: record(n).id, blob: bytes(n + 100) });
  }
  await tx.objectStore('queue').put(newJob(sighting(3), 1_700_000_000_000, 7));
  await tx
    .objectStore('trash')
    .put({ id: record(4).id, record: record(4), original: bytes(4), thumb: null, deletedAt: 1_000 });
  await tx.objectStore('kv').put(true, 'paused');
  await tx.objectStore('kv').put({ count: 2, lastReason: 'saved without its prompt: x' }, 'promptless');
  await tx.done;
  db.close();
}

const text = async (b: Blob) => [...new Uint8Array(await b.arrayBuffer())];

test('version-1 data survives the upgrade to version 2, and the new stores work', async () => {
  await makeVersion1();
  const { openVault } = await import('../../src/db/open');
  const { DB_VERSION } = await import('../../src/db/schema');
  const db = await openVault();
  expect(db.version).toBe(DB_VERSION);
  expect(DB_VERSION).toBeGreaterThanOrEqual(2);

  expect(await db.getAll('images')).toEqual([record(1), record(2, { favorite: 1 })]);
  expect(await db.getFromIndex('images', 'by-sha256', record(2).sha256)).toEqual(record(2, { favorite: 1 }));
  expect(await db.getAllKeysFromIndex('images', 'by-favorite', 1)).toEqual([record(2).id]);
  expect(await text((await db.get('originals', record(1).id))!.blob)).toEqual([1, 1, 1]);
  expect(await text((await db.get('thumbs', record(2).id))!.blob)).toEqual([102, 102, 102]);
  expect(await db.getAll('queue')).toEqual([newJob(sighting(3), 1_700_000_000_000, 7)]);
  expect(await db.getAllKeysFromIndex('queue', 'by-state', 'pending')).toEqual([record(3).id]);
  const trashed = (await db.get('trash', record(4).id))!;
  expect(trashed.record).toEqual(record(4));
  expect(await text(trashed.original!)).toEqual([4, 4, 4]);
  expect(await db.get('kv', 'paused')).toBe(true);
  expect(await db.get('kv', 'promptless')).toEqual({ count: 2, lastReason: 'saved without its prompt: x' });

  // The new stores: a trashed version-1 image leaves its tombstone; a skipped sighting is kept.
  const { purgeTrash } = await import('../../src/db/gallery-mutations');
  const { isTombstoned, tombstoneCount } = await import('../../src/db/tombstones');
  const { rememberSkipped, skippedCount } = await import('../../src/db/skipped');
  expect(await purgeTrash(undefined, 1_000_000)).toBe(1);
  expect(await db.get('tombstones', record(4).id)).toEqual({
    id: record(4).id,
    sha256: record(4).sha256,
    deletedAt: 1_000,
  });
  expect(await tombstoneCount()).toBe(1);
  expect(await isTombstoned('file_other', record(4).sha256)).toBe(true);
  expect(await rememberSkipped(sighting(5), 9)).toBe(true);
  expect(await skippedCount()).toBe(1);
});
