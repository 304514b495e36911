/**
 * Imports an Image Vault archive, all or nothing: everything is verified before the first
 * write; then images are written in batches and, if any batch fails (disk full, a tab
 * closing), every image this import added is removed again.
 */
import { makeThumbnail } from '../background/capture/thumbnail';
import { type ManifestEntry, recordFromManifestEntry } from '../core/export-format/manifest';
import { ZipError } from '../core/zip/errors';
import { ZipArchive } from '../core/zip/reader';
import { blobSource } from '../core/zip/source';
import { type ImportCandidate, ImportWriter } from '../db/import-merge';
import { itemName, type ReportItem, titleOf } from './import-summary';
import { ImportError, readManifest, undoneError, type VerifiedImage, verifyImages } from './import-verify';
import type { Progress } from './progress';

export { ImportError } from './import-verify';

export interface ImportReport {
  /** Images written with their bytes (new, or bytes for a record the vault held as prompt-only). */
  added: string[];
  /** Prompt-only records added (the archive's `noImage` entries the vault did not hold). */
  promptOnly: string[];
  /** Already in the vault (or twice in the archive), with why; favourites carried over are noted. */
  skipped: ReportItem[];
  rejected: ReportItem[];
  /** Ids of vault records added or changed (a favourite carried over). */
  changed: string[];
}

export interface ImportOptions {
  signal: AbortSignal;
  onProgress?(phase: 'checking' | 'adding', p: Progress): void;
}

const BATCH = 16;

/** Resolves with the report; rejects with ImportError (nothing changed) or the abort reason. */
export async function runImport(file: Blob, opts: ImportOptions): Promise<ImportReport> {
  const zip = await ZipArchive.open(blobSource(file)).catch((e: unknown) => {
    throw e instanceof ZipError ? new ImportError(e.message) : e;
  });
  const { entries, prefix } = await readManifest(zip);
  const started = performance.now();
  const p: Progress = { done: 0, total: entries.length, bytesDone: 0, bytesTotal: 0, elapsedMs: 0 };
  for (const e of entries) p.bytesTotal += e.bytes;
  const tick = (phase: 'checking' | 'adding', bytes: number) => {
    p.done++;
    p.bytesDone += bytes;
    p.elapsedMs = performance.now() - started;
    opts.onProgress?.(phase, p);
  };
  const checked = await verifyImages(zip, entries, prefix, opts.signal, (bytes) => tick('checking', bytes));
  if (checked.rejected.length)
    throw new ImportError(
      `Nothing was imported: ${checked.rejected.length} of ${entries.length - checked.promptOnly.length} images failed verification.`,
      checked.rejected.map((r) => `${itemName(r)}: ${r.reason}`),
    );

  const report: ImportReport = {
    added: [],
    promptOnly: [],
    skipped: [...checked.duplicates],
    rejected: [],
    changed: [],
  };
  const all: (VerifiedImage | ManifestEntry)[] = [...checked.images, ...checked.promptOnly];
  Object.assign(p, { done: 0, bytesDone: 0, total: all.length });
  const writer = new ImportWriter();
  try {
    for (let i = 0; i < all.length; i += BATCH) {
      opts.signal.throwIfAborted();
      const batch = await Promise.all(all.slice(i, i + BATCH).map((v) => candidate(zip, v)));
      for (const o of await writer.write(batch)) {
        if (o.status === 'added' || o.status === 'prompt-only') {
          (o.status === 'added' ? report.added : report.promptOnly).push(o.id);
          report.changed.push(o.id);
          continue;
        }
        if (o.favouriteAdded && o.existingId) report.changed.push(o.existingId);
        const fav = o.favouriteAdded ? ' (marked favourite as in the archive)' : '';
        const rec = batch.find((c) => c.record.id === o.id)?.record;
        report.skipped.push({ id: o.id, reason: `${o.reason}${fav}`, title: rec ? titleOf(rec) : null });
      }
      for (const c of batch) tick('adding', c.record.bytes);
    }
  } catch (err) {
    await writer.rollback();
    throw undoneError(err, opts.signal);
  }
  return report;
}

async function candidate(zip: ZipArchive, v: VerifiedImage | ManifestEntry): Promise<ImportCandidate> {
  // A noImage entry: a prompt-only record, no bytes to read.
  if (!('zipEntry' in v)) return { record: recordFromManifestEntry(v, 0), original: null, thumb: null };
  const original = await zip.blob(v.zipEntry);
  const record = recordFromManifestEntry(v.entry, v.crc32);
  // A thumbnail like capture makes; an image the browser cannot draw is still imported (the gallery shows the original).
  const thumb = await makeThumbnail(original, record.width || 256, record.height || 256).catch(() => null);
  return { record, original: new Blob([original], { type: record.mimeType }), thumb };
}
