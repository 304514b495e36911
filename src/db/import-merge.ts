/**
 * Writes a verified import into the vault, batch by batch, and can take it all back: the
 * import is all or nothing even though one transaction per batch keeps each short (a
 * single transaction holding gigabytes of Blobs would stall capture for its whole length).
 */

import { fillGaps } from '../core/merge-record';
import { type ImageRecord, isPromptOnly } from '../core/types';
import { announceChange } from '../messaging/changes';
import { CountChange } from './image-count';
import { findDuplicate } from './images';
import { commitOrAbort, type ImportTx, importTx } from './import-tx';
import { openVault } from './open';
import { DELETED_REASON, wasDeleted } from './tombstones';

/**
 * One archive entry to write: an image with its bytes, or a prompt-only record
 * (`record.promptOnly === 1`, `original` null: the archive's `noImage` entries).
 */
export interface ImportCandidate {
  record: ImageRecord;
  original: Blob | null;
  thumb: Blob | null;
}

/** Why an archive image already in the vault was skipped. */
export const ALREADY_REASON = 'already in the vault';

export type MergeOutcome =
  /** Written: a new image, or the bytes of an image the vault held as prompt-only. */
  | { id: string; status: 'added' }
  /** A new prompt-only record (no bytes). */
  | { id: string; status: 'prompt-only' }
  /**
   * Not written: already in the vault (`existingId`, whose favourite may have been set), or
   * deleted by the user earlier (a tombstone: `existingId` null). `reason` is for the report.
   */
  | { id: string; status: 'skipped'; reason: string; existingId: string | null; favouriteAdded: boolean };

export class ImportWriter {
  /** What this import changed, to undo on failure. */
  private readonly added: string[] = [];
  private readonly favourited: string[] = [];
  /** Prompt-only records this import gave bytes to, as they were before. */
  private readonly upgraded: ImageRecord[] = [];

  /**
   * One transaction: dedupe by id and SHA-256, skip what the user deleted (tombstones),
   * add the new, keep favourites of the known.
   */
  async write(batch: readonly ImportCandidate[]): Promise<MergeOutcome[]> {
    const tx = await importTx();
    const out: MergeOutcome[] = [];
    const added: string[] = [];
    const favourited: string[] = [];
    const upgraded: ImageRecord[] = [];
    await commitOrAbort(tx, () => this.writeAll(tx, batch, out, { added, favourited, upgraded }));
    const changed = [...added, ...favourited, ...upgraded.map((r) => r.id)];
    if (changed.length) await announceChange({ type: 'images-changed', ids: changed });
    // Only once committed: a failed batch left nothing of itself behind.
    this.added.push(...added);
    this.favourited.push(...favourited);
    this.upgraded.push(...upgraded);
    return out;
  }

  private async writeAll(
    tx: ImportTx,
    batch: readonly ImportCandidate[],
    out: MergeOutcome[],
    done: { added: string[]; favourited: string[]; upgraded: ImageRecord[] },
  ): Promise<void> {
    const images = tx.objectStore('images');
    const deletion = { tombstones: tx.objectStore('tombstones'), trash: tx.objectStore('trash') };
    const counts = new CountChange();
    for (const c of batch) {
      const noBytes = isPromptOnly(c.record) || !c.original;
      // A prompt-only record has no SHA-256 to match: by id only.
      const existing = noBytes ? await images.get(c.record.id) : await findDuplicate(images, c.record);
      if (existing && !noBytes && isPromptOnly(existing)) {
        // The vault knew this image by its prompts only: the archive brings its bytes.
        const record = fillGaps(c.record, existing) ?? c.record;
        const upgraded = { ...record, favorite: c.record.favorite || existing.favorite };
        await images.put(upgraded);
        counts.note(existing, upgraded);
        await tx.objectStore('originals').put({ id: c.record.id, blob: c.original! });
        if (c.thumb) await tx.objectStore('thumbs').put({ id: c.record.id, blob: c.thumb });
        done.upgraded.push(existing);
        out.push({ id: c.record.id, status: 'added' });
        continue;
      }
      if (existing) {
        const favouriteAdded = c.record.favorite === 1 && existing.favorite !== 1;
        if (favouriteAdded) {
          await images.put({ ...existing, favorite: 1 });
          done.favourited.push(existing.id);
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
      if (await wasDeleted(deletion, c.record.id, noBytes ? undefined : c.record.sha256)) {
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
      counts.note(null, c.record);
      if (!noBytes) {
        await tx.objectStore('originals').put({ id: c.record.id, blob: c.original! });
        if (c.thumb) await tx.objectStore('thumbs').put({ id: c.record.id, blob: c.thumb });
      }
      done.added.push(c.record.id);
      out.push({ id: c.record.id, status: noBytes ? 'prompt-only' : 'added' });
    }
    await counts.apply(tx.objectStore('kv'));
  }

  /**
   * Removes everything this import added, clears the favourites it set, and puts back the
   * prompt-only records it gave bytes to.
   */
  async rollback(): Promise<void> {
    const tx = (await openVault()).transaction(['images', 'originals', 'thumbs', 'kv'], 'readwrite');
    const counts = new CountChange();
    for (const rec of this.upgraded) {
      counts.note(await tx.objectStore('images').get(rec.id), rec);
      await tx.objectStore('images').put(rec);
      await tx.objectStore('originals').delete(rec.id);
      await tx.objectStore('thumbs').delete(rec.id);
    }
    for (const id of this.added) {
      counts.note(await tx.objectStore('images').get(id), null);
      await tx.objectStore('images').delete(id);
      await tx.objectStore('originals').delete(id);
      await tx.objectStore('thumbs').delete(id);
    }
    for (const id of this.favourited) {
      const rec = await tx.objectStore('images').get(id);
      if (rec) await tx.objectStore('images').put({ ...rec, favorite: 0 });
    }
    await counts.apply(tx.objectStore('kv'));
    await tx.done;
    const ids = [...this.added, ...this.favourited, ...this.upgraded.map((r) => r.id)];
    if (ids.length) await announceChange({ type: 'images-changed', ids });
    this.added.length = 0;
    this.favourited.length = 0;
    this.upgraded.length = 0;
  }
}
