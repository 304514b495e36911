/**
 * Writes the mirror's queue to disk, one download at a time with a short pause between files
 * (the browser's download list is not flooded). The queue is in IndexedDB (db/mirror.ts), so
 * a worker stop loses nothing: a download that was under way is looked up by its id at the
 * next start, never started twice.
 */

import { mirrorPath, sidecarPath } from '../../core/mirror-path';
import { isPromptOnly } from '../../core/types';
import { jsonSidecar, xmpSidecar } from '../../core/xmp-sidecar';
import {
  dropQueued,
  type MirrorFileKind,
  type MirrorQueueRow,
  markWritten,
  nextQueued,
  saveQueued,
} from '../../db/mirror';
import { openVault } from '../../db/open';
import { browser } from '../../platform/browser';
import { cachedSettings } from '../../settings/cached';
import type { Settings } from '../../settings/schema';
import { startDownload, waitForDownload } from './download';

/** The alarm that wakes the runner for a retry after the worker stopped. */
export const MIRROR_ALARM = 'image-vault-mirror';
/** Pause between two files. */
const PACE_MS = 250;
/** How long an image waits for its prompts before it is written without them. */
const PROMPT_WAIT_MS = 24 * 3_600_000;
const PROMPT_RECHECK_MS = 15 * 60_000;
const RETRY_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];

let running: Promise<void> | null = null;

/** Runs the queue until it is empty or only holds failures waiting for their retry time. */
export function pumpMirror(): Promise<void> {
  running ??= run().finally(() => {
    running = null;
  });
  return running;
}

async function run(): Promise<void> {
  for (;;) {
    const settings = await cachedSettings();
    if (!settings.mirror.enabled) return;
    const { row, wakeAt } = await nextQueued(Date.now());
    if (!row) {
      if (wakeAt !== null)
        await browser.alarms.create(MIRROR_ALARM, { when: Math.max(wakeAt, Date.now() + 30_000) });
      return;
    }
    try {
      await writeImage(row, settings);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      console.warn('[image-vault] mirror: could not write', row.id, reason);
      const delay = RETRY_MS[Math.min(row.attempts, RETRY_MS.length - 1)] ?? 60_000;
      await saveQueued({
        ...row,
        attempts: row.attempts + 1,
        reason,
        retryAt: Date.now() + delay,
        inflight: null,
      });
    }
    await new Promise((r) => setTimeout(r, PACE_MS));
  }
}

/** The files of one image, in the order they are written (the image first). */
function filesOf(rec: Parameters<typeof xmpSidecar>[0], original: Blob, settings: Settings) {
  const path = mirrorPath(rec, settings.mirror.pattern);
  const name = path.slice(path.lastIndexOf('/') + 1);
  const files: { kind: MirrorFileKind; path: string; blob: () => Blob }[] = [
    { kind: 'image', path, blob: () => original },
  ];
  // Not application/rdf+xml: Chromium then renames the file to `.rdf` (found in e2e/mirror.spec.ts).
  if (settings.mirror.sidecars.includes('xmp'))
    files.push({
      kind: 'xmp',
      path: sidecarPath(path, 'xmp'),
      blob: () => new Blob([xmpSidecar(rec)], { type: 'application/octet-stream' }),
    });
  if (settings.mirror.sidecars.includes('json'))
    files.push({
      kind: 'json',
      path: sidecarPath(path, 'json'),
      blob: () => new Blob([jsonSidecar(rec, name)], { type: 'application/json' }),
    });
  return { path, files };
}

async function writeImage(row: MirrorQueueRow, settings: Settings): Promise<void> {
  const db = await openVault();
  const [rec, original] = await Promise.all([db.get('images', row.id), db.get('originals', row.id)]);
  if (!rec || isPromptOnly(rec) || !original) return dropQueued(row.id);
  // Library sync saves bytes first and fills prompts and conversation title later
  // (background/library/prompt-fill.ts): wait for them (their arrival requeues at once),
  // within reason, so that the name and the sidecars carry them.
  const library = await db.get('library', row.id);
  const noPrompts = !rec.prompt && !rec.revisedPrompt && !rec.warning;
  const since = row.waitingSince ?? Date.now();
  if (library?.prompts === 'pending' && noPrompts && Date.now() - since < PROMPT_WAIT_MS)
    return saveQueued({ ...row, waitingSince: since, retryAt: Date.now() + PROMPT_RECHECK_MS });
  const { path, files } = filesOf(rec, original.blob, settings);
  const written: string[] = [];
  let current = row;
  for (const f of files) {
    if (current.done.includes(f.kind)) continue;
    // A download started before a worker stop: its outcome, not a second copy.
    let outcome =
      current.inflight?.kind === f.kind ? await waitForDownload(current.inflight.downloadId) : null;
    if (!outcome || outcome.state === 'interrupted') {
      const downloadId = await startDownload(f.blob(), f.path);
      current = { ...current, inflight: { kind: f.kind, downloadId } };
      await saveQueued(current);
      outcome = await waitForDownload(downloadId);
    }
    if (!outcome) throw new Error('Could not write the file: the browser lost track of the download.');
    if (outcome.state === 'interrupted') throw new Error(outcome.reason);
    written.push(outcome.filename);
    current = { ...current, done: [...current.done, f.kind], inflight: null, reason: null };
    await saveQueued(current);
    await new Promise((r) => setTimeout(r, PACE_MS));
  }
  await markWritten(row.id, { path, files: written, at: Date.now() });
}
