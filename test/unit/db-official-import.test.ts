/**
 * OfficialImportWriter (issue 10): ChatGPT's export merged into the vault, never overwriting,
 * on the real repository over fake-indexeddb. Each test starts from an empty vault.
 */
import 'fake-indexeddb/auto';
import { beforeEach, expect, test } from 'vitest';
import type { ImageRecord } from '../../src/core/types';
import { putImage } from '../../src/db/images';
import { ALREADY_REASON } from '../../src/db/import-merge';
import {
  type OfficialCandidate,
  OfficialImportWriter,
  STILL_MISSING_REASON,
} from '../../src/db/official-import';
import { openVault } from '../../src/db/open';
import { DELETED_REASON } from '../../src/db/tombstones';
import { type Change, onChange } from '../../src/messaging/changes';
import { bytes, record } from '../support/db-rows';
import { promptOnlyRecord } from '../support/prompt-only';

const image = (r: ImageRecord, n = 7): OfficialCandidate => ({
  kind: 'image',
  record: { ...r, source: 'chatgpt-export' },
  original: bytes(n),
  thumb: bytes(n + 1),
});
const promptOnly = (r: ImageRecord): OfficialCandidate => ({ kind: 'prompt-only', record: r });

/** Everything in the stores an import touches, to compare before and after. */
async function dump() {
  const db = await openVault();
  const blobs = async (s: 'originals' | 'thumbs') =>
    Promise.all(
      (await db.getAll(s)).map(async (r) => [r.id, [...new Uint8Array(await r.blob.arrayBuffer())]]),
    );
  return {
    images: await db.getAll('images'),
    originals: await blobs('originals'),
    thumbs: await blobs('thumbs'),
  };
}

beforeEach(async () => {
  const db = await openVault();
  for (const s of ['images', 'originals', 'thumbs', 'tombstones', 'trash'] as const) await db.clear(s);
});

test('new image and new prompt-only record are added, with bytes only for the image', async () => {
  const changes: Change[] = [];
  onChange(null, (c) => void changes.push(c));
  const w = new OfficialImportWriter();
  const out = await w.write([image(record(1)), promptOnly(promptOnlyRecord(2, { linkExpiresAt: 5 }))]);
  expect(out).toEqual([
    { id: record(1).id, status: 'added' },
    { id: record(2).id, status: 'prompt-only' },
  ]);
  const db = await openVault();
  expect(await db.get('images', record(2).id)).toEqual(promptOnlyRecord(2, { linkExpiresAt: 5 }));
  expect((await dump()).originals).toEqual([[record(1).id, [7, 7, 7]]]);
  expect(changes).toContainEqual({ type: 'images-changed', ids: [record(1).id, record(2).id] });
});

test('a captured image without prompts gets them filled; its bytes and non-empty values stay', async () => {
  const captured = record(1, { prompt: '', revisedPrompt: '', title: 'Kept', warning: 'no prompt found' });
  await putImage(captured, bytes(1), bytes(2));
  const other = record(3, { title: 'Mine' });
  await putImage(other, bytes(3), null);
  const w = new OfficialImportWriter();
  const out = await w.write([
    image(record(1, { title: 'Export title', sha256: 'f'.repeat(64) }), 9),
    // Same bytes under another id, empty title: never replaces 'Mine'.
    image(record(4, { sha256: other.sha256, title: null, prompt: '' }), 9),
  ]);
  expect(out).toEqual([
    { id: record(1).id, status: 'filled' },
    { id: record(4).id, status: 'skipped', reason: ALREADY_REASON },
  ]);
  const after = await dump();
  expect(after.images).toEqual([
    { ...captured, prompt: 'prompt 1', revisedPrompt: 'revised 1', warning: null },
    other,
  ]);
  expect(after.originals).toEqual([
    [record(1).id, [1, 1, 1]],
    [record(3).id, [3, 3, 3]],
  ]);
  expect(after.thumbs).toEqual([[record(1).id, [2, 2, 2]]]);
});

test('bytes for a prompt-only record upgrade it; a prompt-only copy only fills its gaps', async () => {
  const db = await openVault();
  await db.add('images', promptOnlyRecord(1, { prompt: 'fox', createdAt: 10 }));
  await db.add('images', promptOnlyRecord(2, { revisedPrompt: '', linkExpiresAt: null }));
  const w = new OfficialImportWriter();
  const out = await w.write([
    image(record(1, { prompt: '' })),
    promptOnly(promptOnlyRecord(2, { revisedPrompt: 'filled', linkExpiresAt: 99 })),
  ]);
  expect(out).toEqual([
    { id: record(1).id, status: 'added' },
    { id: record(2).id, status: 'skipped', reason: STILL_MISSING_REASON },
  ]);
  const up = await db.get('images', record(1).id);
  expect(up).toEqual({ ...record(1), prompt: 'fox', createdAt: 10, source: 'chatgpt-export' });
  expect(up && 'promptOnly' in up).toBe(false);
  expect((await db.get('originals', record(1).id))?.blob.size).toBe(3);
  expect(await db.get('images', record(2).id)).toEqual(
    promptOnlyRecord(2, { revisedPrompt: 'filled', linkExpiresAt: 99 }),
  );
});

test('tombstoned and trashed images are skipped, of both kinds', async () => {
  const db = await openVault();
  await db.put('tombstones', { id: record(1).id, sha256: '', deletedAt: 1 });
  await db.put('tombstones', { id: 'file_other', sha256: record(2).sha256, deletedAt: 1 });
  await db.put('trash', { id: record(3).id, record: record(3), original: null, thumb: null, deletedAt: 1 });
  const out = await new OfficialImportWriter().write([
    promptOnly(promptOnlyRecord(1)),
    image(record(2)),
    promptOnly(promptOnlyRecord(3)),
    promptOnly(promptOnlyRecord(4)),
  ]);
  expect(out).toEqual([
    { id: record(1).id, status: 'skipped', reason: DELETED_REASON },
    { id: record(2).id, status: 'skipped', reason: DELETED_REASON },
    { id: record(3).id, status: 'skipped', reason: DELETED_REASON },
    { id: record(4).id, status: 'prompt-only' },
  ]);
  expect((await dump()).images).toEqual([promptOnlyRecord(4)]);
});

test('rollback after two committed batches restores exactly the state before the import', async () => {
  await putImage(record(1, { prompt: '' }), bytes(1), bytes(2));
  const db = await openVault();
  await db.add('images', promptOnlyRecord(2, { prompt: 'kept' }));
  await db.add('images', promptOnlyRecord(3, { title: null }));
  const before = await dump();
  const w = new OfficialImportWriter();
  await w.write([image(record(1)), image(record(2)), promptOnly(promptOnlyRecord(5))]);
  await w.write([image(record(4)), promptOnly(promptOnlyRecord(3, { title: 'T', linkExpiresAt: 4 }))]);
  expect((await dump()).images).toHaveLength(5);
  const changes: Change[] = [];
  onChange(null, (c) => void changes.push(c));
  await w.rollback();
  expect(await dump()).toEqual(before);
  expect(changes).toHaveLength(1);
  expect(changes[0]?.type).toBe('images-changed');
});

test('a failing batch leaves nothing of itself; earlier batches stay', async () => {
  const w = new OfficialImportWriter();
  await w.write([promptOnly(promptOnlyRecord(1))]);
  const before = await dump();
  // A record IndexedDB cannot store (its key is not a valid key) makes `add` throw mid-batch.
  const bad = { ...record(3), id: undefined } as unknown as ImageRecord;
  await expect(w.write([image(record(2)), promptOnly(bad)])).rejects.toThrow();
  expect(await dump()).toEqual(before);
  await w.rollback();
  expect((await dump()).images).toEqual([]);
});
