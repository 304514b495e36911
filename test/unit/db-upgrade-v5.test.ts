/**
 * The upgrade to version 5 (issue 10) on real version-4 data: a database made exactly as
 * version 4 made it, with images (bytes and thumbnails), a tombstone and a scan row, is opened
 * by today's code. Every row must survive, SHA-256 dedupe must still find a stored image, and
 * prompt-only records (all with sha256 '') must be storable side by side and counted apart.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { expect, test } from 'vitest';
import { bytes, record } from '../support/db-rows';
import { shippedV1, shippedV2, shippedV3, shippedV4 } from '../support/frozen-schema';
import { promptOnlyRecord } from '../support/prompt-only';

/** Version 4 as it shipped (src/db/open.ts after the deep scan). Do not change. */
async function makeVersion4(): Promise<void> {
  const db = await openDB('image-vault', 4, {
    upgrade(db) {
      shippedV1(db);
      shippedV2(db);
      shippedV3(db);
      shippedV4(db);
    },
  });
  const tx = db.transaction(['images', 'originals', 'thumbs', 'tombstones', 'scans'], 'readwrite');
  await tx.objectStore('images').put(record(1));
  await tx.objectStore('images').put(record(2, { favorite: 1 }));
  await tx.objectStore('originals').put({ id: record(1).id, blob: bytes(1) });
  await tx.objectStore('thumbs').put({ id: record(1).id, blob: bytes(9) });
  await tx.objectStore('tombstones').put(tombstone);
  await tx.objectStore('scans').put(scanRow);
  await tx.done;
  db.close();
}

const tombstone = { id: 'file_dead', sha256: 'd'.repeat(64), deletedAt: 5 };
const scanRow = { id: 'c9', listedUpdate: 3, readAtUpdate: 3, state: 'read', found: null };

test('version-4 data survives the upgrade to version 5, and prompt-only records are indexed apart', async () => {
  await makeVersion4();
  const { openVault } = await import('../../src/db/open');
  const { DB_VERSION } = await import('../../src/db/schema');
  const db = await openVault();
  expect(DB_VERSION).toBeGreaterThanOrEqual(5);
  expect(db.version).toBe(DB_VERSION);
  expect(await db.getAll('images')).toEqual([record(1), record(2, { favorite: 1 })]);
  expect((await db.get('originals', record(1).id))?.blob.size).toBe(3);
  expect((await db.get('thumbs', record(1).id))?.blob.size).toBe(3);
  expect(await db.getAll('tombstones')).toEqual([tombstone]);
  expect(await db.getAll('scans')).toEqual([scanRow]);
  // The rebuilt SHA-256 index still finds the version-4 images by their bytes.
  expect((await db.getFromIndex('images', 'by-sha256', record(2).sha256))?.id).toBe(record(2).id);

  // Two prompt-only records share sha256 '' (a unique index would refuse the second).
  await db.add('images', promptOnlyRecord(3));
  await db.add('images', promptOnlyRecord(4));
  const { imageCount, promptOnlyCount, savedImageCount } = await import('../../src/db/gallery');
  expect(await imageCount()).toBe(4);
  expect(await savedImageCount()).toBe(2);
  expect(await promptOnlyCount()).toBe(2);
  expect((await db.getAllFromIndex('images', 'by-promptOnly')).map((r) => r.id)).toEqual([
    promptOnlyRecord(3).id,
    promptOnlyRecord(4).id,
  ]);
});
