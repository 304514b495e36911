/**
 * The backfill of the backlog, on consent (issue 9 §3): walks the library again (fresh signed
 * links) from a cursor kept in IndexedDB, saving the bytes of every image not in the vault,
 * one page at a time, at the budget's lowest priority ('backfill', which leaves headroom for
 * live capture and ChatGPT's own page). Survives worker stops: the cursor, the job and each
 * image's state are written as it goes. Pause, resume and cancel are state changes the runner
 * reads before each image.
 */
import { fetchLibraryPage } from '../../sites/chatgpt/library-client';
import {
  announceLibrary,
  isBudgetWait,
  keepAlive,
  readJob,
  singleRunner,
  stillRunning,
  updateJob,
  waitThenResume,
} from './jobs';
import { bulkApiOptions } from './options';
import { kickPrompts } from './prompt-fill';
import { recordItems, rowsOf, updateRow } from './rows';
import { saveLibraryItem } from './save-item';
import { CENSUS_LIMIT, readSyncState } from './sync';

const LOG = '[image-vault]';
const KEY = 'libraryBackfill' as const;
/** Row states the backfill saves. */
const TO_SAVE = new Set(['backlog', 'new', 'failed']);
/**
 * Images of a page saved at once: one image's fetch overlaps another's decoding, thumbnail
 * and write (one at a time ran at about half a bare fetch + put loop, bench/backfill.mjs).
 * Byte fetches are no API reads: the budget does not count them (docs/chatgpt.md §Rate limits).
 */
const AT_ONCE = 3;

/** Runs `f` over `items`, `n` at a time, in order of start; stops starting new ones once `f` returns false. */
async function eachAtOnce<T>(items: readonly T[], n: number, f: (t: T) => Promise<boolean>): Promise<void> {
  let next = 0;
  let go = true;
  const lane = async () => {
    while (go && next < items.length) if (!(await f(items[next++]!))) go = false;
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, lane));
}

async function run(): Promise<void> {
  const job = await readJob(KEY);
  if (job.state !== 'running') return;
  const { runId } = job;
  const opts = bulkApiOptions();
  const boundary = (await readSyncState()).boundary ?? Date.now();
  let cursor = job.cursor;
  for (;;) {
    let page: Awaited<ReturnType<typeof fetchLibraryPage>>;
    try {
      page = await fetchLibraryPage(CENSUS_LIMIT, cursor, opts);
    } catch (err) {
      if (isBudgetWait(err)) return waitThenResume(KEY, runId, err);
      await updateJob(KEY, (j) =>
        j.runId === runId
          ? { ...j, state: 'failed', error: `Reading your ChatGPT library failed: ${msg(err)}` }
          : j,
      );
      return;
    }
    keepAlive();
    await recordItems(page.items, boundary);
    const rows = await rowsOf(page.items.map((i) => i.fileId));
    const todo = page.items.filter((i) => TO_SAVE.has(rows.get(i.fileId)?.bytes ?? 'backlog'));
    let stopped = false;
    let wait: Parameters<typeof waitThenResume>[2] | null = null;
    await eachAtOnce(todo, AT_ONCE, async (item) => {
      if (!(await stillRunning(KEY, runId))) {
        stopped = true;
        return false;
      }
      try {
        const out = await saveLibraryItem(item, opts);
        await updateJob(KEY, (j) =>
          j.runId === runId
            ? { ...j, done: j.done + 1, total: Math.max(j.total, j.done + 1), bytes: j.bytes + out.bytes }
            : j,
        );
      } catch (err) {
        if (isBudgetWait(err)) {
          wait ??= err;
          return false;
        }
        // One image that cannot be saved does not stop the rest; it stays in the backlog count.
        const reason = msg(err);
        console.warn(LOG, `library image ${item.fileId} not saved: ${reason}`);
        await updateRow(item.fileId, { bytes: 'failed', error: reason });
        await updateJob(KEY, (j) => (j.runId === runId ? { ...j, error: `Last problem: ${reason}` } : j));
      }
      return true;
    });
    // Paused or cancelled: the images in hand were finished (never cut), so the counts moved.
    if (stopped) return announceLibrary();
    // The page is read again after the wait (fresh links); saved images are skipped then.
    if (wait) return waitThenResume(KEY, runId, wait);
    cursor = page.next;
    const next = cursor;
    const still = await updateJob(KEY, (j) =>
      j.runId !== runId
        ? j
        : next === null
          ? { ...j, cursor: null, state: 'done', waitingUntil: null }
          : { ...j, cursor: next },
    );
    if (next === null || still.runId !== runId || still.state !== 'running') break;
  }
  kickPrompts();
}

const msg = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Runs the backfill if its state says running (after a start, resume, wake-up or worker start). */
export const kickBackfill = singleRunner(run, (e) => console.warn(LOG, 'backfill failed', e));

/**
 * The user's consent: saves the backlog (`total`: its size now, for progress). After a
 * failure or a pause ("Try again" sends start) it goes on from the stored cursor, keeping the
 * figures: only a run that ended (done), was cancelled or never ran starts from the top.
 */
export async function startBackfill(total: number): Promise<void> {
  const now = Date.now();
  await updateJob(KEY, (j) =>
    j.state === 'running' || j.state === 'waiting'
      ? j
      : j.state === 'failed' || j.state === 'paused'
        ? { ...j, state: 'running', since: now, doneSince: j.done, waitingUntil: null, error: null }
        : {
            ...j,
            state: 'running',
            runId: now,
            cursor: null,
            done: 0,
            total,
            bytes: 0,
            since: now,
            doneSince: 0,
            waitingUntil: null,
            error: null,
          },
  );
  kickBackfill();
}

/**
 * Pause (keeps the cursor), resume, cancel (forgets the run; the backlog stays), or dismiss
 * (a finished run leaves the card; any backlog left, e.g. images that failed, is offered again).
 */
export async function controlBackfill(action: 'pause' | 'resume' | 'cancel' | 'dismiss'): Promise<void> {
  const now = Date.now();
  await updateJob(KEY, (j) => {
    if (action === 'dismiss') return j.state === 'done' ? { ...j, state: 'idle' } : j;
    if (action === 'pause')
      return j.state === 'running' || j.state === 'waiting'
        ? { ...j, state: 'paused', waitingUntil: null }
        : j;
    if (action === 'resume')
      return j.state === 'paused' || j.state === 'failed'
        ? { ...j, state: 'running', since: now, doneSince: j.done, error: null }
        : j;
    return { ...j, state: 'idle', runId: now, cursor: null, waitingUntil: null };
  });
  if (action === 'resume') kickBackfill();
  else kickPrompts();
}
