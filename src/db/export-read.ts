/**
 * Reads for the export: records and original Blobs in small batches, oldest first. A Blob
 * read from IndexedDB is a handle to bytes on disk, so a batch costs memory for its
 * records only, whatever the images weigh.
 */
import { type ImageRecord, isPromptOnly } from '../core/types';
import { openVault } from './open';

export interface ExportItem {
  record: ImageRecord;
  /**
   * null when the original is missing (the export skips the image and says so), and for a
   * prompt-only record, which has none by design (the export writes it as "no image").
   */
  original: Blob | null;
}

/**
 * The ids to export, oldest first: everything, or the given ids in the vault's date order
 * (prompts.md reads by date). One getAllKeys call: ids only, a few dozen bytes each.
 */
export async function exportOrder(ids: readonly string[] | null): Promise<string[]> {
  const keys = await (await openVault()).getAllKeysFromIndex('images', 'by-createdAt');
  if (!ids) return keys;
  const wanted = new Set(ids);
  return keys.filter((k) => wanted.has(k));
}

/** Records for `ids` (missing ones left out), for the up-front byte count that drives the ETA. */
export async function recordBatch(ids: readonly string[]): Promise<ImageRecord[]> {
  const store = (await openVault()).transaction('images').store;
  const recs = await Promise.all(ids.map((id) => store.get(id)));
  return recs.filter((r): r is ImageRecord => !!r);
}

/** Records and originals for `ids`, read in one transaction so each pair is consistent. */
export async function exportBatch(ids: readonly string[]): Promise<ExportItem[]> {
  const tx = (await openVault()).transaction(['images', 'originals']);
  const images = tx.objectStore('images');
  const originals = tx.objectStore('originals');
  const rows = await Promise.all(
    ids.map(async (id) => {
      const record = await images.get(id);
      // A prompt-only record holds no original: not worth a read.
      return [record, record && !isPromptOnly(record) ? await originals.get(id) : undefined] as const;
    }),
  );
  const out: ExportItem[] = [];
  for (const [record, original] of rows) {
    if (record) out.push({ record, original: original?.blob instanceof Blob ? original.blob : null });
  }
  return out;
}
