/**
 * Writes a verified import into the vault, batch by batch, and can take it all back: the
 * import is all or nothing even though one transaction per batch keeps each short (a
 * single transaction holding gigabytes of Blobs would stall capture for its whole length).
 */

import type { IDBPTransaction } from 'idb';
import type { ImageRecord } from '../core/types';
import { findDuplicate } from './images';
import { openVault } from './open';
import type { VaultDB } from './schema';
import { snapshotStale } from './snapshot';

type WriteTx = IDBPTransaction<VaultDB, ('images' | 'originals' | 'thumbs')[], 'readwrite'>;

export interface ImportCandidate {
  record: ImageRecord;
  original: Blob;
  thumb: Blob | null;
}

export type MergeOutcome =
  | { id: string; status: 'added' }
  | { id: string; status: 'skipped'; existingId: string; favouriteAdded: boolean };

export class ImportWriter {
  /** What this import changed, to undo on failure. */
  private readonly added: string[] = [];
  private readonly favourited: string[] = [];

  /** One transaction: dedupe by id and SHA-256, add the new, keep favourites of the known. */
  async write(batch: readonly ImportCandidate[]): Promise<MergeOutcome[]> {
    const tx = (await openVault()).transaction(['images', 'originals', 'thumbs'], 'readwrite');
    const out: MergeOutcome[] = [];
    const added: string[] = [];
    const favourited: string[] = [];
    try {
      await this.writeAll(tx, batch, out, added, favourited);
    } catch (err) {
      // A failed request alone does not undo the others of its transaction: abort it.
      tx.done.catch(() => {}); // rejects with AbortError: expected, not worth a console error
      try {
        tx.abort();
      } catch {}
      throw err;
    }
    await tx.done;
    if (added.length || favourited.length) await snapshotStale();
    // Only once committed: a failed batch left nothing of itself behind.
    this.added.push(...added);
    this.favourited.push(...favourited);
    return out;
  }

  private async writeAll(
    tx: WriteTx,
    batch: readonly ImportCandidate[],
    out: MergeOutcome[],
    added: string[],
    favourited: string[],
  ): Promise<void> {
    const images = tx.objectStore('images');
    for (const c of batch) {
      const existing = await findDuplicate(images, c.record);
      if (existing) {
        const favouriteAdded = c.record.favorite === 1 && existing.favorite !== 1;
        if (favouriteAdded) {
          await images.put({ ...existing, favorite: 1 });
          favourited.push(existing.id);
        }
        out.push({ id: c.record.id, status: 'skipped', existingId: existing.id, favouriteAdded });
        continue;
      }
      await images.add(c.record);
      await tx.objectStore('originals').put({ id: c.record.id, blob: c.original });
      if (c.thumb) await tx.objectStore('thumbs').put({ id: c.record.id, blob: c.thumb });
      added.push(c.record.id);
      out.push({ id: c.record.id, status: 'added' });
    }
  }

  /** Removes everything this import added and clears the favourites it set. */
  async rollback(): Promise<void> {
    const tx = (await openVault()).transaction(['images', 'originals', 'thumbs'], 'readwrite');
    for (const id of this.added) {
      await tx.objectStore('images').delete(id);
      await tx.objectStore('originals').delete(id);
      await tx.objectStore('thumbs').delete(id);
    }
    for (const id of this.favourited) {
      const rec = await tx.objectStore('images').get(id);
      if (rec) await tx.objectStore('images').put({ ...rec, favorite: 0 });
    }
    await tx.done;
    await snapshotStale();
    this.added.length = 0;
    this.favourited.length = 0;
  }
}
