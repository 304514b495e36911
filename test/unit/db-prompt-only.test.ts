/**
 * Prompt-only records (issue 10) are not saved images: the real repository functions over
 * fake-indexeddb. Saving the bytes upgrades the record and keeps its prompts; the empty
 * SHA-256 they share never matches anything; deleting one leaves a tombstone that stops
 * only its own file id.
 */
import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { recordItems } from '../../src/background/library/rows';
import { imageCount, promptOnlyCount, savedImageCount } from '../../src/db/gallery';
import { moveToTrash, purgeTrash, restoreFromTrash } from '../../src/db/gallery-mutations';
import { hasImage, mergeImage, putImage } from '../../src/db/images';
import { openVault } from '../../src/db/open';
import { rememberSkipped } from '../../src/db/skipped';
import { isTombstoned } from '../../src/db/tombstones';
import { type Change, onChange } from '../../src/messaging/changes';
import { bytes, record, sighting } from '../support/db-rows';
import { promptOnlyRecord } from '../support/prompt-only';

test('saving the bytes of a prompt-only record upgrades it: bytes stored, prompts kept, status added', async () => {
  const db = await openVault();
  const kept = promptOnlyRecord(1, {
    prompt: 'a red fox',
    revisedPrompt: 'A red fox in snow',
    createdAt: 1_600_000_000_000,
    linkExpiresAt: 1_600_100_000_000,
    fetchError: 'The link has expired.',
    favorite: 1,
  });
  await db.add('images', kept);
  expect(await hasImage(kept.id)).toBe(false);
  expect(await savedImageCount()).toBe(0);
  expect(await promptOnlyCount()).toBe(1);
  // Library / deep scan: the gaps are filled, but "not saved" so the caller fetches bytes.
  expect(await mergeImage(kept.id, { title: 'Fox' })).toBeUndefined();
  expect((await db.get('images', kept.id))?.title).toBe('Fox');
  expect(await rememberSkipped(sighting(1), null)).toBe(true);

  const changes: Change[] = [];
  onChange(null, (c) => void changes.push(c));
  // A capture of the same image without its prompts (it was seen where none were found).
  const captured = record(1, { prompt: '', revisedPrompt: '', warning: 'no prompt found' });
  expect(await putImage(captured, bytes(1), bytes(2))).toEqual({ status: 'added' });
  const stored = await db.get('images', kept.id);
  expect(stored).toEqual({
    ...captured,
    prompt: 'a red fox',
    revisedPrompt: 'A red fox in snow',
    title: 'Fox',
    warning: null,
    createdAt: 1_600_000_000_000,
    favorite: 1,
  });
  expect(stored && 'promptOnly' in stored).toBe(false);
  expect((await db.get('originals', kept.id))?.blob.size).toBe(3);
  expect((await db.get('thumbs', kept.id))?.blob.size).toBe(3);
  expect(await db.get('skipped', kept.id)).toBeUndefined();
  expect(changes).toContainEqual({ type: 'images-changed', ids: [kept.id] });
  expect(await hasImage(kept.id)).toBe(true);
  expect(await savedImageCount()).toBe(1);
  expect(await promptOnlyCount()).toBe(0);
  // Now a saved image: mergeImage reports it stored.
  expect((await mergeImage(kept.id, {}))?.id).toBe(kept.id);
});

test('the empty SHA-256 of prompt-only records never matches: no dedupe, no tombstone, no restore clash', async () => {
  const db = await openVault();
  await db.add('images', promptOnlyRecord(11));
  await db.add('images', promptOnlyRecord(12));
  // A second prompt-only record is not a duplicate of the first.
  expect(await imageCount()).toBe(3);
  // Deleting one leaves a tombstone with sha '' that stops its own id only.
  expect(await moveToTrash([promptOnlyRecord(11).id], 1)).toEqual([promptOnlyRecord(11).id]);
  expect(await purgeTrash([promptOnlyRecord(11).id])).toBe(1);
  expect(await db.get('tombstones', promptOnlyRecord(11).id)).toMatchObject({ sha256: '' });
  expect(await isTombstoned(promptOnlyRecord(11).id, '')).toBe(true);
  expect(await isTombstoned(promptOnlyRecord(13).id, '')).toBe(false);
  await db.add('images', promptOnlyRecord(13));
  // Trash and undo of a prompt-only record: '' does not clash with record 12 or 13.
  expect(await moveToTrash([promptOnlyRecord(12).id], 2)).toEqual([promptOnlyRecord(12).id]);
  expect(await restoreFromTrash([promptOnlyRecord(12).id])).toEqual([promptOnlyRecord(12).id]);
  expect(await db.get('images', promptOnlyRecord(12).id)).toEqual(promptOnlyRecord(12));
  expect(await db.get('originals', promptOnlyRecord(12).id)).toBeUndefined();
  // A record with bytes whose id is new is added, whatever prompt-only records exist.
  expect(await putImage(record(14), bytes(14), null)).toEqual({ status: 'added' });
  expect(await promptOnlyCount()).toBe(2);
  expect(await savedImageCount()).toBe(2);
});

test('the library sync treats a prompt-only record as not stored, so it fetches the bytes', async () => {
  const db = await openVault();
  await db.add('images', promptOnlyRecord(21));
  await putImage(record(22), bytes(22), null);
  const item = (n: number) => ({
    fileId: record(n).id,
    url: `https://chatgpt.com/x/${n}`,
    title: null,
    createdAt: 100,
    width: 64,
    height: 64,
    conversationId: 'c1',
    messageId: null,
    prompt: null,
    genId: null,
  });
  const rows = await recordItems([item(21), item(22)], 50);
  expect(rows.map((r) => [r.id, r.bytes])).toEqual([
    [record(21).id, 'new'],
    [record(22).id, 'saved'],
  ]);
});

test('bytes for a prompt-only record that the vault holds under another id fold it into that image', async () => {
  const db = await openVault();
  await putImage(record(31, { prompt: '' }), bytes(31), null);
  await db.add('images', promptOnlyRecord(32, { prompt: 'from the export' }));
  const sameBytes = record(32, { sha256: record(31).sha256, prompt: '' });
  expect(await putImage(sameBytes, bytes(31), null)).toEqual({
    status: 'duplicate',
    existingId: record(31).id,
    merged: true,
  });
  expect(await db.get('images', record(32).id)).toBeUndefined();
  expect((await db.get('images', record(31).id))?.prompt).toBe('from the export');
  expect(await db.get('originals', record(32).id)).toBeUndefined();
});
