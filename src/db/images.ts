/** Repository functions over the `images`, `originals` and `thumbs` stores. */
import { dedupeKeys } from '../core/image-bytes';
import { fillGaps } from '../core/merge-record';
import { type ImageRecord, isPromptOnly } from '../core/types';
import { announceChange } from '../messaging/changes';
import { CountChange } from './image-count';
import type { PromptlessCount } from './kv';
import { openVault } from './open';
import { DELETED_REASON, wasDeleted } from './tombstones';

/** The `images` store as seen inside any read-write transaction. */
interface ImagesStore {
  get(id: string): Promise<ImageRecord | undefined>;
  index(name: 'by-sha256'): { get(sha256: string): Promise<ImageRecord | undefined> };
}

/**
 * The stored record this one duplicates — same file id, else same bytes — if any. It may be
 * a prompt-only record (same id; callers check `isPromptOnly`). An empty SHA-256 (prompt-only:
 * no bytes, shared by all of them) is never looked up.
 */
export async function findDuplicate(
  images: ImagesStore,
  record: ImageRecord,
): Promise<ImageRecord | undefined> {
  const keys = dedupeKeys(record);
  return (await images.get(keys.fileId)) ?? (await sameBytes(images, keys.sha256));
}

/** The stored image with these bytes; never a lookup of '' (prompt-only records all have it). */
export function sameBytes(images: ImagesStore, sha256: string): Promise<ImageRecord | undefined> {
  return sha256 ? images.index('by-sha256').get(sha256) : Promise.resolve(undefined);
}

/**
 * A prompt-only record given its bytes (issue 10): `withBytes` with its empty fields filled
 * from `promptOnly` (never overwriting), the earlier of the two generation times, the
 * favourite kept, and the prompt-only fields dropped (so it leaves `by-promptOnly`).
 */
export function upgradedRecord(promptOnly: ImageRecord, withBytes: ImageRecord): ImageRecord {
  const {
    promptOnly: _p,
    linkExpiresAt: _l,
    fetchError: _f,
    ...merged
  } = fillGaps(withBytes, promptOnly) ?? withBytes;
  return {
    ...merged,
    createdAt: Math.min(withBytes.createdAt, promptOnly.createdAt || withBytes.createdAt),
    favorite: promptOnly.favorite === 1 ? 1 : withBytes.favorite,
  };
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
 * both counted. A prompt-only record of the same id (issue 10) is upgraded: the bytes are
 * stored, the record keeps its prompts (upgradedRecord) and the result is 'added'. Throws
 * the browser's QuotaExceededError untouched (the transaction is aborted: nothing already
 * stored changes).
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
  const changed: string[] = [];
  const counts = new CountChange();
  const fill = async (): Promise<PutResult> => {
    // Every lookup issued at once (they run in order inside the transaction regardless).
    const keys = dedupeKeys(record);
    const [sameId, bytesTwin, deleted, promptless] = await Promise.all([
      images.get(keys.fileId),
      sameBytes(images, keys.sha256),
      wasDeleted(deletion, record.id, record.sha256),
      record.warning ? (kv.get('promptless') as Promise<PromptlessCount | null | undefined>) : undefined,
    ]);
    const promptOnly = sameId && isPromptOnly(sameId) ? sameId : undefined;
    const existing = promptOnly ? bytesTwin : (sameId ?? bytesTwin);
    const writes: Promise<unknown>[] = [tx.objectStore('skipped').delete(record.id)];
    if (jobId) writes.push(tx.objectStore('queue').delete(jobId));
    if (existing) {
      // One copy of each image: the second source (and a prompt-only record of it under
      // another id, which then goes) only fills the stored record's gaps.
      let filled = fillGaps(existing, record);
      if (promptOnly) filled = fillGaps(filled ?? existing, promptOnly) ?? filled;
      if (filled) writes.push(images.put(filled));
      if (promptOnly) {
        writes.push(images.delete(promptOnly.id));
        counts.note(promptOnly, null);
        changed.push(promptOnly.id);
      }
      if (filled) changed.push(existing.id);
      return finish(writes, { status: 'duplicate', existingId: existing.id, merged: filled !== null });
    }
    if (deleted) return finish(writes, { status: 'deleted', reason: DELETED_REASON });
    const stored = promptOnly ? upgradedRecord(promptOnly, record) : record;
    counts.note(promptOnly, stored);
    writes.push(
      promptOnly ? images.put(stored) : images.add(stored),
      tx.objectStore('originals').put({ id: record.id, blob: original }),
    );
    if (thumb) writes.push(tx.objectStore('thumbs').put({ id: record.id, blob: thumb }));
    if (stored.warning)
      writes.push(kv.put({ count: (promptless?.count ?? 0) + 1, lastReason: stored.warning }, 'promptless'));
    changed.push(record.id);
    return finish(writes, { status: 'added' });
  };
  let result: PutResult;
  try {
    result = await fill();
    await counts.apply(kv);
    await tx.done;
  } catch (err) {
    tx.done.catch(() => {}); // aborted with `err`: thrown below, not left unhandled
    throw err;
  }
  if (changed.length) await announceChange({ type: 'images-changed', ids: changed });
  return result;
}

/**
 * Fills the empty fields of stored image `id` from `incoming` (never overwriting a value):
 * the library's copy of an image already captured, or prompts found later. Returns the
 * record as stored now, or undefined when there is no such image — also for a prompt-only
 * record (issue 10), whose gaps are filled but which is not a saved image: the caller goes
 * on to fetch its bytes.
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
  const now = merged ?? stored;
  return now && !isPromptOnly(now) ? now : undefined;
}

/** Replaces the warning of stored image `id` (why its prompts are missing). */
export async function setImageWarning(id: string, warning: string): Promise<void> {
  const tx = (await openVault()).transaction('images', 'readwrite');
  const stored = await tx.store.get(id);
  if (stored && !stored.prompt) await tx.store.put({ ...stored, warning });
  await tx.done;
  if (stored) await announceChange({ type: 'images-changed', ids: [id] });
}

/**
 * Records why fetching the bytes of prompt-only record `id` failed (plain words, shown on its
 * card). No-op once the record is gone or holds its image.
 */
export async function setFetchError(id: string, error: string): Promise<void> {
  const tx = (await openVault()).transaction('images', 'readwrite');
  const stored = await tx.store.get(id);
  const write = stored !== undefined && isPromptOnly(stored) && stored.fetchError !== error;
  if (write) await tx.store.put({ ...stored, fetchError: error });
  await tx.done;
  if (write) await announceChange({ type: 'images-changed', ids: [id] });
}

/** Whether the image's bytes are saved: false when absent or only its prompts are kept (issue 10). */
export async function hasImage(id: string): Promise<boolean> {
  const rec = await (await openVault()).get('images', id);
  return rec !== undefined && !isPromptOnly(rec);
}
