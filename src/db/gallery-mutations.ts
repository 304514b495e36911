/**
 * The gallery's writes: favourites, and delete into the `trash` store with undo.
 * A delete moves record + original + thumbnail into one TrashRow in a single
 * transaction, so an image is never half deleted; undo moves it back the same way.
 * Trash rows are purged once the undo window has passed (purgeTrash), each leaving a
 * tombstone (db/tombstones.ts) so the image is not saved again. Every write announces the
 * changed ids on the change channel (messaging/changes.ts).
 */

import { announceChange } from '../messaging/changes';
import { CountChange } from './image-count';
import { openVault } from './open';
import type { TrashRow } from './schema';

/** How long a deleted image can be brought back. */
export const UNDO_MS = 10_000;

/** Sets `favorite` on every id that still exists; returns the ids changed. */
export async function setFavorite(ids: readonly string[], value: 0 | 1): Promise<string[]> {
  const tx = (await openVault()).transaction('images', 'readwrite');
  const changed: string[] = [];
  for (const id of ids) {
    const rec = await tx.store.get(id);
    if (rec && rec.favorite !== value) {
      await tx.store.put({ ...rec, favorite: value });
      changed.push(id);
    }
  }
  await tx.done;
  if (changed.length) await announceChange({ type: 'images-changed', ids: changed });
  return changed;
}

/** Moves images and their bytes into the trash; returns the ids actually deleted. */
export async function moveToTrash(ids: readonly string[], now = Date.now()): Promise<string[]> {
  const tx = (await openVault()).transaction(['images', 'originals', 'thumbs', 'trash', 'kv'], 'readwrite');
  const images = tx.objectStore('images');
  const counts = new CountChange();
  const originals = tx.objectStore('originals');
  const thumbs = tx.objectStore('thumbs');
  const trash = tx.objectStore('trash');
  const done: string[] = [];
  for (const id of ids) {
    const record = await images.get(id);
    if (!record) continue;
    const original = (await originals.get(id))?.blob ?? null;
    const thumb = (await thumbs.get(id))?.blob ?? null;
    const row: TrashRow = { id, record, original, thumb, deletedAt: now };
    await trash.put(row);
    await Promise.all([images.delete(id), originals.delete(id), thumbs.delete(id)]);
    counts.note(record, null);
    done.push(id);
  }
  await counts.apply(tx.objectStore('kv'));
  await tx.done;
  if (done.length) await announceChange({ type: 'images-changed', ids: done });
  return done;
}

/**
 * Puts trashed images back. Skips one whose id or bytes (sha256) came back in the
 * meantime, e.g. captured again: the vault must not hold the same image twice.
 */
export async function restoreFromTrash(ids: readonly string[]): Promise<string[]> {
  const tx = (await openVault()).transaction(['images', 'originals', 'thumbs', 'trash', 'kv'], 'readwrite');
  const images = tx.objectStore('images');
  const counts = new CountChange();
  const restored: string[] = [];
  for (const id of ids) {
    const row = await tx.objectStore('trash').get(id);
    if (!row) continue;
    // A prompt-only record (issue 10) has sha256 '': no hash to clash on.
    const sha = row.record.sha256;
    const clash =
      (await images.getKey(id)) ?? (sha ? await images.index('by-sha256').getKey(sha) : undefined);
    if (clash === undefined) {
      await images.add(row.record);
      counts.note(null, row.record);
      if (row.original) await tx.objectStore('originals').put({ id, blob: row.original });
      if (row.thumb) await tx.objectStore('thumbs').put({ id, blob: row.thumb });
      restored.push(id);
    }
    await tx.objectStore('trash').delete(id);
  }
  await counts.apply(tx.objectStore('kv'));
  await tx.done;
  if (restored.length) await announceChange({ type: 'images-changed', ids: restored });
  return restored;
}

/**
 * Frees the bytes of trashed images — the given ids, or every row older than the undo
 * window — and, in the same transaction, leaves each one's tombstone (file id + SHA-256).
 */
export async function purgeTrash(ids?: readonly string[], now = Date.now()): Promise<number> {
  const tx = (await openVault()).transaction(['trash', 'tombstones'], 'readwrite');
  const trash = tx.objectStore('trash');
  const tombstones = tx.objectStore('tombstones');
  const bury = async (row: TrashRow) => {
    await tombstones.put({ id: row.id, sha256: row.record.sha256, deletedAt: row.deletedAt });
    await trash.delete(row.id);
  };
  let n = 0;
  if (ids) {
    for (const id of ids) {
      const row = await trash.get(id);
      if (!row) continue;
      await bury(row);
      n++;
    }
  } else {
    for (let c = await trash.openCursor(); c; c = await c.continue()) {
      if (now - c.value.deletedAt >= UNDO_MS) {
        await bury(c.value);
        n++;
      }
    }
  }
  await tx.done;
  if (n) await announceChange({ type: 'status-changed' });
  return n;
}
