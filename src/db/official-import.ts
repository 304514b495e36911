/**
 * Writes what ChatGPT's own data export holds into the vault (issue 10), batch by batch, and
 * can take it all back. Images already stored only get their gaps filled (never their bytes);
 * an image the export knows without bytes becomes a prompt-only record; bytes given to a
 * prompt-only record upgrade it. Modelled on import-merge.ts (Image Vault's own archives).
 */
import { dedupeKeys } from '../core/image-bytes';
import { fillGaps } from '../core/merge-record';
import { type ImageRecord, isPromptOnly } from '../core/types';
import { announceChange } from '../messaging/changes';
import { CountChange } from './image-count';
import { sameBytes, upgradedRecord } from './images';
import { ALREADY_REASON } from './import-merge';
import { commitOrAbort, type ImportTx, importTx } from './import-tx';
import { openVault } from './open';
import { DELETED_REASON, wasDeleted } from './tombstones';

/** One image the export knows: with its bytes (verified by the caller), or prompt-only. */
export type OfficialCandidate =
  | { kind: 'image'; record: ImageRecord; original: Blob; thumb: Blob | null }
  | { kind: 'prompt-only'; record: ImageRecord };

/** What became of one candidate (the import report counts these). */
export type OfficialOutcome =
  | { id: string; status: 'added' }
  | { id: string; status: 'filled' }
  | { id: string; status: 'prompt-only' }
  | { id: string; status: 'skipped'; reason: string };

/** Why a prompt-only candidate whose prompt-only record exists was skipped. */
export const STILL_MISSING_REASON = 'already in the vault (its image is still missing)';

/** One change to undo: the record before (null: added) and after, and whether bytes were added. */
interface Undo {
  id: string;
  before: ImageRecord | null;
  after: ImageRecord;
  bytes: boolean;
}

const empty = (s: string | null | undefined) => !s;

/** Whether `fill` gave `stored` a prompt or revised prompt it lacked. */
const promptsFilled = (stored: ImageRecord, fill: ImageRecord) =>
  (empty(stored.prompt) && !empty(fill.prompt)) ||
  (empty(stored.revisedPrompt) && !empty(fill.revisedPrompt));

/** The same record, as read back from IndexedDB (structured clone keeps key order). */
const same = (a: ImageRecord | undefined, b: ImageRecord) => JSON.stringify(a) === JSON.stringify(b);

export class OfficialImportWriter {
  /** Every committed change, in order, to undo on failure or cancel. */
  private readonly done: Undo[] = [];

  /** One transaction per batch: a failed batch leaves nothing of itself. */
  async write(batch: readonly OfficialCandidate[]): Promise<OfficialOutcome[]> {
    const tx = await importTx();
    const out: OfficialOutcome[] = [];
    const undo: Undo[] = [];
    await commitOrAbort(tx, async () => {
      for (const c of batch) out.push(await this.writeOne(tx, c, undo));
      const counts = new CountChange();
      for (const u of undo) counts.note(u.before, u.after);
      await counts.apply(tx.objectStore('kv'));
    });
    this.done.push(...undo); // only once committed
    if (undo.length)
      await announceChange({ type: 'images-changed', ids: [...new Set(undo.map((u) => u.id))] });
    return out;
  }

  private async writeOne(tx: ImportTx, c: OfficialCandidate, undo: Undo[]): Promise<OfficialOutcome> {
    const images = tx.objectStore('images');
    const rec = c.record;
    const id = rec.id;
    const sameId = await images.get(id);
    const twin = c.kind === 'image' ? await sameBytes(images, dedupeKeys(rec).sha256) : undefined;
    const full = sameId && !isPromptOnly(sameId) ? sameId : twin;
    const put = async (before: ImageRecord | null, after: ImageRecord, bytes: boolean) => {
      await (before ? images.put(after) : images.add(after));
      undo.push({ id: after.id, before, after, bytes });
    };
    if (full) {
      // An image the vault holds: fill its gaps from the export, never touch its bytes.
      const filled = fillGaps(full, rec);
      if (filled) await put(full, filled, false);
      return filled && promptsFilled(full, filled)
        ? { id, status: 'filled' }
        : { id, status: 'skipped', reason: ALREADY_REASON };
    }
    if (sameId && c.kind === 'image') {
      await put(sameId, upgradedRecord(sameId, rec), true);
      await this.putBytes(tx, id, c.original, c.thumb);
      return { id, status: 'added' };
    }
    if (sameId) {
      const filled = fillGaps(sameId, rec) ?? { ...sameId };
      if (filled.linkExpiresAt == null && rec.linkExpiresAt != null) filled.linkExpiresAt = rec.linkExpiresAt;
      if (!same(sameId, filled)) await put(sameId, filled, false);
      return { id, status: 'skipped', reason: STILL_MISSING_REASON };
    }
    const deletion = { tombstones: tx.objectStore('tombstones'), trash: tx.objectStore('trash') };
    if (await wasDeleted(deletion, id, rec.sha256)) return { id, status: 'skipped', reason: DELETED_REASON };
    await put(null, rec, c.kind === 'image');
    if (c.kind === 'image') await this.putBytes(tx, id, c.original, c.thumb);
    return { id, status: c.kind === 'image' ? 'added' : 'prompt-only' };
  }

  private async putBytes(tx: ImportTx, id: string, original: Blob, thumb: Blob | null): Promise<void> {
    await tx.objectStore('originals').put({ id, blob: original });
    if (thumb) await tx.objectStore('thumbs').put({ id, blob: thumb });
  }

  /**
   * Undoes every committed batch, newest change first: removes what was added (and its
   * bytes), puts back each record as it was before. A record changed since by someone else
   * (say, captured meanwhile) is left as it is now.
   */
  async rollback(): Promise<void> {
    const tx = (await openVault()).transaction(['images', 'originals', 'thumbs', 'kv'], 'readwrite');
    const images = tx.objectStore('images');
    const counts = new CountChange();
    const undone: string[] = [];
    for (const u of [...this.done].reverse()) {
      if (!same(await images.get(u.id), u.after)) continue;
      counts.note(u.after, u.before);
      if (u.before) await images.put(u.before);
      else await images.delete(u.id);
      if (u.bytes) {
        await tx.objectStore('originals').delete(u.id);
        await tx.objectStore('thumbs').delete(u.id);
      }
      undone.push(u.id);
    }
    await counts.apply(tx.objectStore('kv'));
    await tx.done;
    this.done.length = 0;
    if (undone.length) await announceChange({ type: 'images-changed', ids: [...new Set(undone)] });
  }
}
