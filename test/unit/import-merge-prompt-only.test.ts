/**
 * Image Vault's own archive import with prompt-only entries (issue 10 §5), on the real
 * writer over fake-indexeddb: added without bytes, skipped when the vault has the image,
 * tombstones respected, bytes for a prompt-only record upgrade it, and rollback undoes all.
 */
import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import type { ImageRecord } from '../../src/core/types';
import { moveToTrash, purgeTrash } from '../../src/db/gallery-mutations';
import { putImage } from '../../src/db/images';
import { ALREADY_REASON, ImportWriter } from '../../src/db/import-merge';
import { openVault } from '../../src/db/open';
import { DELETED_REASON } from '../../src/db/tombstones';
import { bytes, record } from '../support/db-rows';

const promptOnly = (n: number, over: Partial<ImageRecord> = {}): ImageRecord =>
  record(n, {
    sha256: '',
    crc32: 0,
    bytes: 0,
    mimeType: '',
    promptOnly: 1,
    linkExpiresAt: 5,
    source: 'import',
    ...over,
  });
const noBytes = (rec: ImageRecord) => ({ record: rec, original: null, thumb: null });

async function stored(id: string) {
  const tx = (await openVault()).transaction(['images', 'originals', 'thumbs']);
  return {
    rec: await tx.objectStore('images').get(id),
    original: await tx.objectStore('originals').get(id),
    thumb: await tx.objectStore('thumbs').get(id),
  };
}

test('prompt-only entries: added without bytes, skipped when held, refused when deleted, undone by rollback', async () => {
  await putImage(record(1), bytes(1), null); // the vault holds image 1 with its bytes
  await putImage(record(2), bytes(2), null);
  await moveToTrash([record(2).id], 0);
  await purgeTrash(); // image 2 deleted: a tombstone
  // One new prompt-only record per test: on this branch's schema (version 4) by-sha256 is
  // still unique, and every prompt-only record has sha256 ''; version 5 lifts that.
  const writer = new ImportWriter();
  const out = await writer.write([
    noBytes(promptOnly(1)),
    noBytes(promptOnly(2)),
    noBytes(promptOnly(3, { favorite: 1 })),
  ]);
  expect(out).toEqual([
    {
      id: record(1).id,
      status: 'skipped',
      reason: ALREADY_REASON,
      existingId: record(1).id,
      favouriteAdded: false,
    },
    { id: record(2).id, status: 'skipped', reason: DELETED_REASON, existingId: null, favouriteAdded: false },
    { id: record(3).id, status: 'prompt-only' },
  ]);
  const three = await stored(record(3).id);
  expect(three.rec).toEqual(promptOnly(3, { favorite: 1 }));
  expect(three.original).toBeUndefined();
  expect(three.thumb).toBeUndefined();
  expect((await stored(record(1).id)).rec?.promptOnly).toBeUndefined(); // the image stays an image

  await writer.rollback();
  expect((await stored(record(3).id)).rec).toBeUndefined();
  expect((await stored(record(1).id)).rec).toEqual(record(1));
});

test('an archive image with bytes gives them to a prompt-only record of the same id; rollback puts it back', async () => {
  const before = promptOnly(7, { prompt: 'a fox in snow', revisedPrompt: 'A red fox', favorite: 1 });
  await new ImportWriter().write([noBytes(before)]);
  const writer = new ImportWriter();
  const incoming = record(7, { prompt: '', revisedPrompt: 'A red fox', source: 'import' });
  const thumb = new Blob([new Uint8Array([9])], { type: 'image/webp' });
  expect(await writer.write([{ record: incoming, original: bytes(7), thumb }])).toEqual([
    { id: record(7).id, status: 'added' },
  ]);
  const after = await stored(record(7).id);
  // The bytes' facts from the archive, the prompt the vault knew, the favourite kept.
  expect(after.rec).toEqual({ ...incoming, prompt: 'a fox in snow', favorite: 1 });
  expect(after.rec?.promptOnly).toBeUndefined();
  expect(after.original?.blob.size).toBe(3);
  expect(after.thumb?.blob.size).toBe(1);

  await writer.rollback();
  const undone = await stored(record(7).id);
  expect(undone.rec).toEqual(before);
  expect(undone.original).toBeUndefined();
  expect(undone.thumb).toBeUndefined();
});
