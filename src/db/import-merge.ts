/**
 * Writes a verified import into the vault, batch by batch, and can take it all back: the
 * import is all or nothing even though one transaction per batch keeps each short (a
 * single transaction holding gigabytes of Blobs would stall capture for its whole length).
 */

import type { IDBPTransaction } from 'idb';
import type { ImageRecord } from '../core/types';
import { announceChange } from '../messaging/changes';
import { findDuplicate } from './images';
import { openVault } from './open';
import type { VaultDB } from './schema';
import { DELETED_REASON, wasDeleted } from './tombstones';

type WriteTx = IDBPTransaction<
  VaultDB,
  ('images' | 'originals' | 'thumbs' | 'tombstones' | 'trash')[],
  'readwrite'
>;

export interface ImportCandidate {
  record: ImageRecord;
  original: Blob;
  thumb: Blob | null;
}

/** Why an archive image already in the vault was skipped. */
export const ALREADY_REASON = 'already in the vault';

export type MergeOutcome =
  | { id: string; status: 'added' }
  /**
   * Not written: already in the vault (`existingId`, whose favourite may have been set), or
   * deleted by the user earlier (a tombstone: `existingId` null). `reason` is for the report.
   */
  | { id: string; status: 'skipped'; reason: string; existingId: string | null; favouriteAdded: boolean };

export class ImportWriter {
  /** What this import changed, to undo on failure. */
  private readonly added: string[] = [];
  private readonly favourited: string[] = [];

  /**
   * One transaction: dedupe by id and SHA-256, skip what the user deleted (tombstones),
   * add the new, keep favourites of the known.
   */
  async write(batch: readonly ImportCandidate[]): Promise<MergeOutcome[]> {
    const tx = (await openVault()).transaction(
      ['images', 'originals', 'thumbs', 'tombstones', 'trash'],
      'readwrite',
    );
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
    if (added.length || favourited.length) {
      await announceChange({ type: 'images-changed', ids: [...added, ...favourited] });
    }
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
    const deletion = { tombstones: tx.objectStore('tombstones'), trash: tx.objectStore('trash') };
    for (const c of batch) {
      const existing = await findDuplicate(images, c.record);
      if (existing) {
        const favouriteAdded = c.record.favorite === 1 && existing.favorite !== 1;
        if (favouriteAdded) {
          await images.put({ ...existing, favorite: 1 });
          favourited.push(existing.id);
        }
        out.push({
          id: c.record.id,
          status: 'skipped',
          reason: ALREADY_REASON,
          existingId: existing.id,
          favouriteAdded,
        });
        continue;
      }
      if (await wasDeleted(deletion, c.record.id, c.record.sha256)) {
        out.push({
          id: c.record.id,
          status: 'skipped',
          reason: DELETED_REASON,
          existingId: null,
          favouriteAdded: false,
        });
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
    const ids = [...this.added, ...this.favourited];
    if (ids.length) await announceChange({ type: 'images-changed', ids });
    this.added.length = 0;
    this.favourited.length = 0;
  }
}
