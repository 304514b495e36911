/**
 * The upgrade ladder on real version-2 data: a database made exactly as version 2 made it
 * (frozen below: what shipped with issue 8), filled in every store, is opened by today's
 * code; every row must survive and the version-3 `library` store must work.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { expect, test } from 'vitest';
import { newJob } from '../../src/core/queue';
import { bytes, record, sighting } from '../support/db-rows';
import { shippedV1, shippedV2 } from '../support/frozen-schema';

/** Version 2 as it shipped (src/db/open.ts after issue 8). Do not change. */
async function makeVersion2(): Promise<void> {
  const db = await openDB('image-vault', 2, {
    upgrade(db) {
      shippedV1(db);
      shippedV2(db);
    },
  });
  const stores = ['images', 'originals', 'thumbs', 'queue', 'kv', 'tombstones', 'skipped'] as const;
  const tx = db.transaction([...stores], 'readwrite');
  await tx.objectStore('images').put(record(1));
  await tx.objectStore('originals').put({ id: record(1).id, blob: bytes(1) });
  await tx.objectStore('thumbs').put({ id: record(1).id, blob: bytes(101) });
  await tx.objectStore('queue').put(newJob(sighting(2), 1_700_000_000_000, 7));
  await tx.objectStore('kv').put(true, 'paused');
  await tx.objectStore('tombstones').put({ id: record(3).id, sha256: record(3).sha256, deletedAt: 5 });
  await tx.objectStore('skipped').put({ id: record(4).id, sighting: sighting(4), tabId: 2, at: 9 });
  await tx.done;
  db.close();
}

const item = (n: number, createdAt: number) => ({
  fileId: record(n).id,
  url: `https://chatgpt.com/backend-api/estuary/content?id=${record(n).id}`,
  title: `t${n}`,
  createdAt,
  width: 64,
  height: 64,
  conversationId: 'c1',
  messageId: `m${n}`,
  prompt: null,
  genId: null,
});

test('version-2 data survives the upgrade to version 3, and the library store works', async () => {
  await makeVersion2();
  const { openVault } = await import('../../src/db/open');
  const { DB_VERSION } = await import('../../src/db/schema');
  const db = await openVault();
  expect(DB_VERSION).toBeGreaterThanOrEqual(3);
  expect(db.version).toBe(DB_VERSION);
  expect(await db.getAll('images')).toEqual([record(1)]);
  expect([...new Uint8Array(await (await db.get('originals', record(1).id))!.blob.arrayBuffer())]).toEqual([
    1, 1, 1,
  ]);
  expect(await db.getAll('queue')).toEqual([newJob(sighting(2), 1_700_000_000_000, 7)]);
  expect(await db.get('kv', 'paused')).toBe(true);
  expect(await db.get('tombstones', record(3).id)).toEqual({
    id: record(3).id,
    sha256: record(3).sha256,
    deletedAt: 5,
  });
  expect((await db.get('skipped', record(4).id))?.tabId).toBe(2);

  // The library rows know what the vault holds and what the user deleted.
  const { recordItems, countRows } = await import('../../src/background/library/rows');
  const rows = await recordItems([item(1, 10), item(3, 10), item(5, 10), item(6, 1_000)], 100);
  expect(rows.map((r) => r.bytes)).toEqual(['saved', 'deleted', 'backlog', 'new']);
  expect(rows[0]!.size).toBe(record(1).bytes);
  expect((await countRows()).bytes).toEqual({ new: 1, backlog: 1, saved: 1, deleted: 1, failed: 0 });
  // Listed again later: the row keeps its state and takes the fresh item (new signed URL).
  const again = await recordItems([{ ...item(5, 10), url: 'https://chatgpt.com/fresh' }], 0);
  expect(again[0]).toMatchObject({ bytes: 'backlog', item: { url: 'https://chatgpt.com/fresh' } });
});
