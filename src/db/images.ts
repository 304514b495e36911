/** Repository functions over the `images`, `originals` and `thumbs` stores. */
import type { ImageRecord } from '../core/types';
import { openVault } from './open';

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
  const byId = await images.get(record.id);
  const bySha = byId ?? (await images.index('by-sha256').get(record.sha256));
  let result: PutResult;
  if (bySha) {
    result = { status: 'duplicate', existingId: bySha.id };
  } else {
    await images.add(record);
    await tx.objectStore('originals').put({ id: record.id, blob: original });
    if (thumb) await tx.objectStore('thumbs').put({ id: record.id, blob: thumb });
    result = { status: 'added' };
  }
  if (jobId) await tx.objectStore('queue').delete(jobId);
  await tx.done;
  return result;
}

export async function getImage(id: string): Promise<ImageRecord | undefined> {
  return (await openVault()).get('images', id);
}

export async function hasImage(id: string): Promise<boolean> {
  return (await (await openVault()).getKey('images', id)) !== undefined;
}

export async function countImages(): Promise<number> {
  return (await openVault()).count('images');
}

/** The `n` most recently captured records, newest first. */
export async function latestImages(n: number): Promise<ImageRecord[]> {
  const db = await openVault();
  const out: ImageRecord[] = [];
  let cursor = await db.transaction('images').store.index('by-capturedAt').openCursor(null, 'prev');
  while (cursor && out.length < n) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

export async function getOriginal(id: string): Promise<Blob | undefined> {
  return (await (await openVault()).get('originals', id))?.blob;
}

export async function getThumb(id: string): Promise<Blob | undefined> {
  return (await (await openVault()).get('thumbs', id))?.blob;
}
