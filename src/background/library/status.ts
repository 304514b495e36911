/** The library card's state (LibraryStatus), computed from IndexedDB each time it is asked. */

import { freshBudget, isBudgetState } from '../../core/request-budget';
import { kvGet, type LibraryJobRow } from '../../db/kv';
import { openVault } from '../../db/open';
import type { LibraryJobProgress, LibraryStatus } from '../../messaging/protocol';
import { deepScanEtaMs } from './deep-scan-plan';
import { readJob } from './jobs';
import { countRows } from './rows';
import { scanBacklog } from './scan-rows';
import { readSyncState } from './sync';

/** Bytes per pixel of a PNG from ChatGPT, when nothing saved yet tells better. */
const BYTES_PER_PIXEL = 1.5;
const DEFAULT_PIXELS = 1024 * 1024;

function progress(j: LibraryJobRow, now: number): LibraryJobProgress {
  const rate = now > j.since ? (j.done - j.doneSince) / (now - j.since) : 0;
  const left = Math.max(0, j.total - j.done);
  return {
    state: j.state,
    done: j.done,
    total: j.total,
    bytes: j.bytes,
    etaMs: j.state === 'running' && rate > 0 ? Math.round(left / rate) : j.state === 'done' ? 0 : null,
    waitingUntil: j.state === 'waiting' ? j.waitingUntil : null,
    error: j.error,
  };
}

/** Size of the not-yet-saved library images: the average saved size, else pixels × 1.5 bytes. */
async function estimateBytes(): Promise<number> {
  const db = await openVault();
  const [saved, waiting] = await Promise.all([
    db.getAllFromIndex('library', 'by-bytes', 'saved'),
    Promise.all(['backlog', 'new', 'failed'].map((s) => db.getAllFromIndex('library', 'by-bytes', s))),
  ]);
  const rows = waiting.flat();
  const sized = saved.filter((r) => r.size > 0);
  if (sized.length > 0)
    return Math.round((sized.reduce((a, r) => a + r.size, 0) / sized.length) * rows.length);
  const pixels = (w: number | null, h: number | null) => (w && h ? w * h : DEFAULT_PIXELS);
  return Math.round(rows.reduce((a, r) => a + pixels(r.item.width, r.item.height) * BYTES_PER_PIXEL, 0));
}

/**
 * The deep scan's progress: total = conversations read + still to read. The ETA counts one
 * request per conversation to read and per found image to save, at the budget's pace (in hand
 * above the reserve, then its refill); null while the lists are still read (the count grows).
 */
async function deepScanProgress(now: number): Promise<LibraryJobProgress> {
  const [job, left, cursor, budget] = await Promise.all([
    readJob('libraryDeepScan'),
    scanBacklog(),
    kvGet('deepScanCursor', null),
    kvGet('requestBudget', null),
  ]);
  const p = progress(job, now);
  const listing = cursor !== null && cursor.phase !== 'read' && cursor.phase !== 'finished';
  const active = job.state === 'running' || job.state === 'waiting' || job.state === 'paused';
  const state = isBudgetState(budget) ? budget : freshBudget(now);
  return {
    ...p,
    total: active ? job.done + left.conversations : job.done,
    found: job.found ?? 0,
    etaMs:
      job.state === 'done'
        ? 0
        : active && !listing
          ? deepScanEtaMs(left.conversations + left.images, state, now)
          : null,
  };
}

/** What the popup and gallery show about the ChatGPT image library. */
export async function libraryStatus(): Promise<LibraryStatus> {
  const now = Date.now();
  const [sync, backfill, prompts, counts, deepScan] = await Promise.all([
    readSyncState(),
    readJob('libraryBackfill'),
    readJob('libraryPrompts'),
    countRows(),
    deepScanProgress(now),
  ]);
  const known = sync.censusDone;
  const p = progress(prompts, now);
  const promptsTotal = counts.prompts.pending + counts.prompts.done;
  return {
    backlog: known ? counts.bytes.backlog + counts.bytes.new + counts.bytes.failed : null,
    backlogBytes: known ? await estimateBytes() : null,
    backfill: progress(backfill, now),
    prompts: {
      ...p,
      // Pending prompts are queued ('idle') until their run starts. None pending: 'done' beside
      // a backfill the card still shows, else 'idle' (nothing to say: no "0 of 0", and a done
      // line does not outlive its backfill's dismissal or stay forever after a sync's images).
      state:
        counts.prompts.pending > 0
          ? p.state === 'done'
            ? 'idle'
            : p.state
          : promptsTotal > 0 && backfill.state !== 'idle'
            ? 'done'
            : 'idle',
      done: counts.prompts.done,
      total: promptsTotal,
      etaMs: null,
    },
    lastSyncAt: sync.lastSyncAt,
    invalidItems: sync.invalidItems,
    problem: sync.problem,
    deepScan,
  };
}
