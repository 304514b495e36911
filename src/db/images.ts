/** Repository functions over the `images`, `originals` and `thumbs` stores. */
import { dedupeKeys } from '../core/image-bytes';
import { fillGaps } from '../core/merge-record';
import type { ImageRecord } from '../core/types';
import { announceChange } from '../messaging/changes';
import type { PromptlessCount } from './kv';
import { openVault } from './open';
import { DELETED_REASON, wasDeleted } from './tombstones';

/** The `images` store as seen inside any read-write transaction. */
interface ImagesStore {
  get(id: string): Promise<ImageRecord | undefined>;
  index(name: 'by-sha256'): { get(sha256: string): Promise<ImageRecord | undefined> };
}

/** The stored image this record duplicates — same file id, else same bytes — if any. */
export async function findDuplicate(
  images: ImagesStore,
  record: ImageRecord,
): Promise<ImageRecord | undefined> {
  const keys = dedupeKeys(record);
  return (await images.get(keys.fileId)) ?? (await images.index('by-sha256').get(keys.sha256));
}

/** Waits for a transaction's writes, then gives `result`. */
async function finish(writes: Promise<unknown>[], result: PutResult): Promise<PutResult> {
  await Promise.all(writes);
  return result;
}

/** Outcome of storing one captured image. */
export type PutResult =
  | { status: 'added' }
  /** Already stored; `merged`: its empty fields were filled from this copy. */
  | { status: 'duplicate'; existingId: string; merged?: boolean }
  /** The user deleted this image earlier (a tombstone, or the trash): nothing stored. */
  | { status: 'deleted'; reason: string };

/**
 * Stores record, original and thumbnail in one transaction, and removes the queue job
 * `jobId` and any sighting skipped while paused in the same transaction, so a stopped
 * worker leaves either all or nothing. Dedupes by file id and by SHA-256; refuses an image
 * the user deleted (tombstone or trash). An image kept without its prompts (`record.warning`)
 * is counted in kv `promptless` inside the same transaction, so two finishing at once are
 * both counted. Throws the browser's QuotaExceededError untouched (the transaction is
 * aborted: nothing already stored changes).
 */
export async function putImage(
  record: ImageRecord,
  original: Blob,
  thumb: Blob | null,
  jobId?: string,
): Promise<PutResult> {
  const db = await openVault();
  const tx = db.transaction(
    ['images', 'originals', 'thumbs', 'queue', 'tombstones', 'trash', 'skipped', 'kv'],
    'readwrite',
  );
  const images = tx.objectStore('images');
  const deletion = { tombstones: tx.objectStore('tombstones'), trash: tx.objectStore('trash') };
  const kv = tx.objectStore('kv');
  const fill = async (): Promise<PutResult> => {
    // Every lookup issued at once (they run in order inside the transaction regardless).
    const keys = dedupeKeys(record);
    const [sameId, sameBytes, deleted, promptless] = await Promise.all([
      images.get(keys.fileId),
      images.index('by-sha256').get(keys.sha256),
      wasDeleted(deletion, record.id, record.sha256),
      record.warning ? (kv.get('promptless') as Promise<PromptlessCount | null | undefined>) : undefined,
    ]);
    const existing = sameId ?? sameBytes;
    const writes: Promise<unknown>[] = [tx.objectStore('skipped').delete(record.id)];
    if (jobId) writes.push(tx.objectStore('queue').delete(jobId));
    if (existing) {
      // One copy of each image: the second source only fills the stored record's gaps.
      const merged = fillGaps(existing, record);
      if (merged) writes.push(images.put(merged));
      return finish(writes, { status: 'duplicate', existingId: existing.id, merged: merged !== null });
    }
    if (deleted) return finish(writes, { status: 'deleted', reason: DELETED_REASON });
    writes.push(images.add(record), tx.objectStore('originals').put({ id: record.id, blob: original }));
    if (thumb) writes.push(tx.objectStore('thumbs').put({ id: record.id, blob: thumb }));
    if (record.warning)
      writes.push(kv.put({ count: (promptless?.count ?? 0) + 1, lastReason: record.warning }, 'promptless'));
    return finish(writes, { status: 'added' });
  };
  let result: PutResult;
  try {
    result = await fill();
    await tx.done;
  } catch (err) {
    tx.done.catch(() => {}); // aborted with `err`: thrown below, not left unhandled
    throw err;
  }
  if (result.status === 'added') await announceChange({ type: 'images-changed', ids: [record.id] });
  if (result.status === 'duplicate' && result.merged)
    await announceChange({ type: 'images-changed', ids: [result.existingId] });
  return result;
}

/**
 * Fills the empty fields of stored image `id` from `incoming` (never overwriting a value):
 * the library's copy of an image already captured, or prompts found later. Returns the
 * record as stored now, or undefined when there is no such image.
 */
export async function mergeImage(
  id: string,
  incoming: Partial<ImageRecord>,
): Promise<ImageRecord | undefined> {
  const tx = (await openVault()).transaction('images', 'readwrite');
  const stored = await tx.store.get(id);
  const merged = stored ? fillGaps(stored, incoming) : null;
  if (merged) await tx.store.put(merged);
  await tx.done;
  if (merged) await announceChange({ type: 'images-changed', ids: [id] });
  return merged ?? stored;
}

/** Replaces the warning of stored image `id` (why its prompts are missing). */
export async function setImageWarning(id: string, warning: string): Promise<void> {
  const tx = (await openVault()).transaction('images', 'readwrite');
  const stored = await tx.store.get(id);
  if (stored && !stored.prompt) await tx.store.put({ ...stored, warning });
  await tx.done;
  if (stored) await announceChange({ type: 'images-changed', ids: [id] });
}

export async function hasImage(id: string): Promise<boolean> {
  return (await (await openVault()).getKey('images', id)) !== undefined;
}
