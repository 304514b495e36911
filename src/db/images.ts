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
  let result: PutResult;
  const existing = await findDuplicate(images, record);
  if (existing) {
    result = { status: 'duplicate', existingId: existing.id };
  } else if (await wasDeleted(deletion, record.id, record.sha256)) {
    result = { status: 'deleted', reason: DELETED_REASON };
  } else {
    await images.add(record);
    await tx.objectStore('originals').put({ id: record.id, blob: original });
    if (thumb) await tx.objectStore('thumbs').put({ id: record.id, blob: thumb });
    if (record.warning) {
      const kv = tx.objectStore('kv');
      const prev = (await kv.get('promptless')) as PromptlessCount | null | undefined;
      await kv.put({ count: (prev?.count ?? 0) + 1, lastReason: record.warning }, 'promptless');
    }
    result = { status: 'added' };
  }
  await tx.objectStore('skipped').delete(record.id);
  if (jobId) await tx.objectStore('queue').delete(jobId);
  await tx.done;
  if (result.status === 'added') await announceChange({ type: 'images-changed', ids: [record.id] });
  return result;
}

export async function hasImage(id: string): Promise<boolean> {
  return (await (await openVault()).getKey('images', id)) !== undefined;
}
