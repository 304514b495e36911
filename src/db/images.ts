/** Repository functions over the `images`, `originals` and `thumbs` stores. */
import { dedupeKeys } from '../core/image-bytes';
import type { ImageRecord } from '../core/types';
import { openVault } from './open';
import { snapshotStale } from './snapshot';

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

/** Outcome of storing one captured or imported image. */
export type PutResult = { status: 'added' } | { status: 'duplicate'; existingId: string };

/**
 * Stores record, original and thumbnail in one transaction, and removes the queue job
 * `jobId` in the same transaction, so a stopped worker leaves either all or nothing.
 * Dedupes by file id and by SHA-256. Throws the browser's QuotaExceededError untouched
 * (the transaction is aborted: nothing already stored changes).
 */
export async function putImage(
  record: ImageRecord,
  original: Blob,
  thumb: Blob | null,
  jobId?: string,
): Promise<PutResult> {
  const db = await openVault();
  const tx = db.transaction(['images', 'originals', 'thumbs', 'queue'], 'readwrite');
  const images = tx.objectStore('images');
  const existing = await findDuplicate(images, record);
  let result: PutResult;
  if (existing) {
    result = { status: 'duplicate', existingId: existing.id };
  } else {
    await images.add(record);
    await tx.objectStore('originals').put({ id: record.id, blob: original });
    if (thumb) await tx.objectStore('thumbs').put({ id: record.id, blob: thumb });
    result = { status: 'added' };
  }
  if (jobId) await tx.objectStore('queue').delete(jobId);
  await tx.done;
  if (result.status === 'added') await snapshotStale();
  return result;
}

export async function hasImage(id: string): Promise<boolean> {
  return (await (await openVault()).getKey('images', id)) !== undefined;
}
