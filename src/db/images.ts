/** Repository functions over the `images`, `originals` and `thumbs` stores. */
import { dedupeKeys } from '../core/image-bytes';
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
  | { status: 'duplicate'; existingId: string }
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
    if (existing) return finish(writes, { status: 'duplicate', existingId: existing.id });
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
  return result;
}

export async function hasImage(id: string): Promise<boolean> {
  return (await (await openVault()).getKey('images', id)) !== undefined;
}
