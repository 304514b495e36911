/**
 * The upgrade to version 4 on real version-3 data: a database made exactly as version 3 made
 * it (frozen below: what shipped with the library engine), with library rows and job state,
 * is opened by today's code; every row must survive and the deep scan's `scans` store must
 * work (listing marks new and changed conversations pending, unchanged ones not).
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { expect, test } from 'vitest';
import { bytes, record } from '../support/db-rows';
import { shippedV1, shippedV2, shippedV3 } from '../support/frozen-schema';

/** Version 3 as it shipped (src/db/open.ts after the library engine). Do not change. */
async function makeVersion3(): Promise<void> {
  const db = await openDB('image-vault', 3, {
    upgrade(db) {
      shippedV1(db);
      shippedV2(db);
      shippedV3(db);
    },
  });
  const tx = db.transaction(['images', 'originals', 'library', 'kv'], 'readwrite');
  await tx.objectStore('images').put(record(1));
  await tx.objectStore('originals').put({ id: record(1).id, blob: bytes(1) });
  await tx.objectStore('library').put(libraryRow);
  await tx.objectStore('kv').put({ state: 'paused', runId: 4 }, 'libraryBackfill');
  await tx.done;
  db.close();
}

const libraryRow = {
  id: record(2).id,
  item: { fileId: record(2).id, url: 'https://chatgpt.com/x', title: 't', createdAt: 1, width: 1, height: 1 },
  bytes: 'backlog',
  prompts: 'none',
  size: 0,
  error: null,
};

test('version-3 data survives the upgrade to version 4, and the scans store works', async () => {
  await makeVersion3();
  const { openVault } = await import('../../src/db/open');
  const { DB_VERSION } = await import('../../src/db/schema');
  const db = await openVault();
  expect(DB_VERSION).toBeGreaterThanOrEqual(4);
  expect(db.version).toBe(DB_VERSION);
  expect(await db.getAll('images')).toEqual([record(1)]);
  expect((await db.get('originals', record(1).id))?.blob.size).toBe(3);
  expect(await db.getAll('library')).toEqual([libraryRow]);
  expect(await db.get('kv', 'libraryBackfill')).toEqual({ state: 'paused', runId: 4 });

  const { markListed, nextRow, updateScanRow, scanBacklog } = await import(
    '../../src/background/library/scan-rows'
  );
  expect(
    await markListed([
      { id: 'c1', updateTime: 10 },
      { id: 'c2', updateTime: 20 },
    ]),
  ).toBe(2);
  const first = await nextRow();
  expect(first?.state).toBe('pending');
  await updateScanRow('c1', { state: 'read', readAtUpdate: 10 });
  await updateScanRow('c2', { state: 'read', readAtUpdate: 20 });
  expect(await nextRow()).toBeUndefined();
  // Listed again: c1 unchanged stays read, c2 changed becomes pending.
  expect(
    await markListed([
      { id: 'c1', updateTime: 10 },
      { id: 'c2', updateTime: 25 },
    ]),
  ).toBe(1);
  expect((await nextRow())?.id).toBe('c2');
  expect(await scanBacklog()).toEqual({ conversations: 1, images: 0 });
});
