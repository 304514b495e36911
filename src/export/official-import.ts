/**
 * Imports ChatGPT's own data export (issue 10): every conversation is streamed and parsed;
 * each generated image becomes a full record when the export carries its bytes and they
 * pass capture's checks, else a prompt-only record. Images already in the vault only get
 * their missing prompts. Written in batches; a cancel or a failure undoes every batch, so
 * nothing is left half-applied.
 */
import { ZipError } from '../core/zip/errors';
import { ZipArchive } from '../core/zip/reader';
import { blobSource } from '../core/zip/source';
import { type OfficialCandidate, OfficialImportWriter } from '../db/official-import';
import {
  type ExportKind,
  type ExportLayout,
  jsonFileLayout,
  looksLikeChatGptExport,
  readExportLayout,
} from '../sites/chatgpt/export/layout';
import { type ExportFinding, type ExportScan, readExport } from '../sites/chatgpt/export/read';
import { type ReportItem, titleOf } from './import-summary';
import { ImportError, undoneError } from './import-verify';
import { checkAsset } from './official-assets';
import { exportImageRecord, promptOnlyRecord } from './official-records';
import type { Progress } from './progress';
import { ReadBuffers } from './read-buffers';

export interface OfficialImportReport {
  kind: ExportKind;
  added: string[];
  /** Images already in the vault whose missing prompts the export supplied. */
  promptsFilled: string[];
  /** Images the export knows but whose bytes it lacks (or whose bytes were refused). */
  promptOnly: string[];
  skipped: ReportItem[];
  /** Bytes refused, with why; each such image is kept as a prompt-only record. */
  rejected: ReportItem[];
  changed: string[];
  /** Plain-words notes: the layout's and the parser's. */
  notes: string[];
  /** Prompt-only records whose signed link has expired. */
  expiredLinks: number;
  conversations: number;
}

export type OfficialPhase = 'reading' | 'adding';

export interface OfficialImportOptions {
  signal: AbortSignal;
  onProgress?(phase: OfficialPhase, p: Progress): void;
}

const BATCH = 16;
/** Images checked at once: decoding and hashing run off the page's thread. */
const PARALLEL = 4;
const MAX_NOTES = 20;

const isJsonName = (f: File) => /\.json$/i.test(f.name) || f.type === 'application/json';

/** Whether `file` is ChatGPT's export (a ZIP recognised by its content, or a bare conversations JSON). */
export async function isOfficialExportFile(file: File): Promise<boolean> {
  if (isJsonName(file)) return true;
  try {
    return looksLikeChatGptExport(await ZipArchive.open(blobSource(file)));
  } catch {
    return false; // not a ZIP we can read: the archive import says why
  }
}

async function openLayout(file: File): Promise<{ layout: ExportLayout; zip: ZipArchive | null }> {
  if (isJsonName(file)) return { layout: jsonFileLayout(file), zip: null };
  const zip = await ZipArchive.open(blobSource(file)).catch((e: unknown) => {
    throw e instanceof ZipError ? new ImportError(e.message) : e;
  });
  return { layout: await readExportLayout(zip), zip };
}

/** Resolves with the report; rejects with ImportError (nothing changed) or the abort reason. */
export async function runOfficialImport(
  file: File,
  opts: OfficialImportOptions,
): Promise<OfficialImportReport> {
  const { layout, zip } = await openLayout(file);
  const started = performance.now();
  const p: Progress = {
    done: 0,
    total: layout.conversationFiles.length,
    bytesDone: 0,
    bytesTotal: 0,
    elapsedMs: 0,
  };
  for (const f of layout.conversationFiles) p.bytesTotal += f.size;
  const tick = (phase: OfficialPhase) => {
    p.elapsedMs = performance.now() - started;
    opts.onProgress?.(phase, p);
  };

  // 1. Read: one conversation at a time; only the findings (a few KB per image) are kept.
  const scan: ExportScan = { conversations: 0, skippedConversations: 0, uploadsExcluded: 0, warnings: [] };
  const found = new Map<string, ExportFinding>();
  for await (const f of readExport(layout, scan, opts.signal, (n) => {
    p.bytesDone += n;
    tick('reading');
  })) {
    if (!found.has(f.meta.fileId)) found.set(f.meta.fileId, f);
  }
  p.done = p.total;
  tick('reading');

  // 2. Check and add, batch by batch.
  const report: OfficialImportReport = {
    kind: layout.kind,
    added: [],
    promptsFilled: [],
    promptOnly: [],
    skipped: [],
    rejected: [],
    changed: [],
    notes: notesOf(layout, scan),
    expiredLinks: 0,
    conversations: scan.conversations,
  };
  const findings = [...found.values()];
  Object.assign(p, { done: 0, total: findings.length, bytesDone: 0, bytesTotal: 0 });
  for (const f of findings) p.bytesTotal += f.asset?.size ?? 0;
  const writer = new OfficialImportWriter();
  const now = Date.now();
  // Two batches at once (one checked, one written), PARALLEL images each: enough to reuse.
  const buffers = new ReadBuffers(PARALLEL * 2);
  const check = (i: number) =>
    i < findings.length
      ? candidates(zip, findings.slice(i, i + BATCH), now, report, opts.signal, buffers)
      : null;
  // The next batch is checked (read, decoded, hashed) while this one is being written, so the
  // disk writes of IndexedDB overlap the work of the page.
  let next = check(0);
  try {
    for (let i = 0; next; i += BATCH) {
      opts.signal.throwIfAborted();
      const batch = await next;
      next = check(i + BATCH);
      for (const o of await writer.write(batch)) record(report, o, batch, now);
      for (const f of findings.slice(i, i + BATCH)) {
        p.done++;
        p.bytesDone += f.asset?.size ?? 0;
      }
      tick('adding');
    }
  } catch (err) {
    await next?.catch(() => {}); // a batch being checked is dropped, never written
    await writer.rollback();
    throw undoneError(err, opts.signal);
  }
  return report;
}

/** The batch's candidates: verified images, or prompt-only records (saying why when bytes were refused). */
async function candidates(
  zip: ZipArchive | null,
  slice: readonly ExportFinding[],
  now: number,
  report: OfficialImportReport,
  signal: AbortSignal,
  buffers: ReadBuffers,
): Promise<OfficialCandidate[]> {
  const out: OfficialCandidate[] = new Array(slice.length);
  let next = 0;
  const work = async () => {
    while (next < slice.length) {
      signal.throwIfAborted();
      const at = next++;
      const f = slice[at]!;
      if (!zip || !f.asset) {
        out[at] = { kind: 'prompt-only', record: promptOnlyRecord(f, now) };
        continue;
      }
      const c = await checkAsset(zip, f.asset, f.meta, buffers);
      if (c.ok) {
        out[at] = {
          kind: 'image',
          record: exportImageRecord(f, c.facts, now),
          original: c.original,
          thumb: c.facts.thumb,
        };
      } else {
        const rec = promptOnlyRecord(f, now, `The export’s copy was refused: ${c.reason}`);
        report.rejected.push({ id: f.meta.fileId, reason: c.reason, title: titleOf(rec) });
        out[at] = { kind: 'prompt-only', record: rec };
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, work));
  return out;
}

function record(
  report: OfficialImportReport,
  o: Awaited<ReturnType<OfficialImportWriter['write']>>[number],
  batch: readonly OfficialCandidate[],
  now: number,
): void {
  if (o.status === 'skipped') {
    const rec = batch.find((c) => c.record.id === o.id)?.record;
    report.skipped.push({ id: o.id, reason: o.reason, title: rec ? titleOf(rec) : null });
    return;
  }
  report.changed.push(o.id);
  if (o.status === 'added') report.added.push(o.id);
  else if (o.status === 'filled') report.promptsFilled.push(o.id);
  else {
    report.promptOnly.push(o.id);
    const rec = batch.find((c) => c.record.id === o.id)?.record;
    if (rec?.linkExpiresAt != null && rec.linkExpiresAt < now) report.expiredLinks++;
  }
}

function notesOf(layout: ExportLayout, scan: ExportScan): string[] {
  const notes = [...layout.notes];
  if (scan.skippedConversations)
    notes.push(
      `${scan.skippedConversations} entries of the conversations file were not conversations; skipped them.`,
    );
  for (const w of scan.warnings) notes.push(w);
  return notes.length > MAX_NOTES
    ? [...notes.slice(0, MAX_NOTES), `…and ${notes.length - MAX_NOTES} more notes.`]
    : notes;
}
