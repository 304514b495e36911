/**
 * Automatic sync of new library images, with no click (issue 9 §2): checked when a ChatGPT
 * page loads (at most once a minute) and every 15 minutes while a ChatGPT tab is open. A
 * check reads the newest pages until it reaches an image it listed before; the very first
 * check walks the whole library once (the count), which tells the backlog apart: images made
 * before the boundary (install) wait for consent, newer ones are saved now.
 */
import { CaptureError } from '../../core/queue';
import { kvGet, kvUpdate, type LibrarySyncState } from '../../db/kv';
import { browser } from '../../platform/browser';
import type { ApiOptions } from '../../sites/chatgpt/api';
import { fetchLibraryPage } from '../../sites/chatgpt/library-client';
import { announceLibrary, isBudgetWait } from './jobs';
import { chatGptTabs, libraryApiOptions } from './options';
import { kickPrompts } from './prompt-fill';
import { recordItems, rowsOf, rowsWithBytes, updateRow } from './rows';
import { saveLibraryItem } from './save-item';

const LOG = '[image-vault]';
/** The periodic check's alarm. */
export const SYNC_ALARM = 'library-sync';
const SYNC_PERIOD_MIN = 15;
/** Page loads trigger at most one check a minute. */
export const CHECK_EVERY_MS = 60_000;
/** ChatGPT's own page asks for 20–25; a new image or two fits in the first page. */
const NEWEST_LIMIT = 20;
/** The one-time count reads bigger pages (docs/chatgpt.md §Image library: 100 is accepted). */
export const CENSUS_LIMIT = 100;
/** A check waits this long for the budget in place; longer, it stops and the next check goes on. */
const SYNC_WAIT_MS = 30_000;

/** Before any check. */
export function freshSyncState(): LibrarySyncState {
  return {
    boundary: null,
    censusCursor: null,
    censusDone: false,
    lastSyncAt: null,
    lastCheckAt: null,
    invalidItems: 0,
    problem: null,
  };
}

export const readSyncState = async () => (await kvGet('librarySync', null)) ?? freshSyncState();
async function updateSync(f: (s: LibrarySyncState) => LibrarySyncState): Promise<LibrarySyncState> {
  return (await kvUpdate('librarySync', null, (v) => f(v ?? freshSyncState()))) ?? freshSyncState();
}

/** On install: what the library holds from now on is new; what it held before is the backlog. */
export async function markInstalled(at = Date.now()): Promise<void> {
  await updateSync((s) => (s.boundary === null ? { ...s, boundary: at } : s));
}

/** Reads newest-first until an image listed before; records the rest. */
async function readNewest(boundary: number, opts: ApiOptions): Promise<number> {
  let cursor: string | null = null;
  let invalid = 0;
  for (;;) {
    const page = await fetchLibraryPage(NEWEST_LIMIT, cursor, opts);
    invalid += page.invalid;
    const known = await rowsOf(page.items.map((i) => i.fileId));
    const firstKnown = page.items.findIndex((i) => known.has(i.fileId));
    await recordItems(firstKnown < 0 ? page.items : page.items.slice(0, firstKnown), boundary);
    if (firstKnown >= 0 || page.next === null) return invalid;
    cursor = page.next;
  }
}

/** The one full walk (resumable: its cursor is kept after each page). */
async function census(s: LibrarySyncState, boundary: number, opts: ApiOptions): Promise<number> {
  let cursor = s.censusCursor;
  let invalid = 0;
  for (;;) {
    const page = await fetchLibraryPage(CENSUS_LIMIT, cursor, opts);
    invalid += page.invalid;
    await recordItems(page.items, boundary);
    cursor = page.next;
    const next = cursor;
    await updateSync((x) => ({ ...x, censusCursor: next, censusDone: next === null }));
    if (next === null) return invalid;
  }
}

/** Saves every image that entered the library after install (bytes now, prompts queued). */
async function saveNew(opts: ApiOptions): Promise<void> {
  for (const row of await rowsWithBytes('new')) {
    try {
      await saveLibraryItem(row.item, opts);
    } catch (err) {
      if (isBudgetWait(err)) throw err;
      const reason = err instanceof Error ? err.message : String(err);
      if (err instanceof CaptureError && !err.retryable)
        await updateRow(row.id, { bytes: 'failed', error: reason });
      else console.warn(LOG, `library image ${row.id} not saved yet: ${reason}`);
    }
  }
}

/**
 * One check (see the module comment). `page`: a ChatGPT page loaded (throttled to one a
 * minute); `alarm`: the periodic check. Never throws: a problem is kept for the card.
 */
export async function checkLibrary(reason: 'page' | 'alarm', tabId?: number | null): Promise<void> {
  const now = Date.now();
  let go = false;
  const s = await updateSync((x) => {
    if (reason === 'page' && x.lastCheckAt !== null && now - x.lastCheckAt < CHECK_EVERY_MS) return x;
    go = true;
    return { ...x, lastCheckAt: now, boundary: x.boundary ?? now };
  });
  if (!go) return;
  await ensureSyncAlarm();
  const boundary = s.boundary ?? now;
  const opts = libraryApiOptions('sync', SYNC_WAIT_MS, tabId);
  try {
    let invalid = 0;
    if (s.censusDone || s.censusCursor !== null) invalid += await readNewest(boundary, opts);
    if (!s.censusDone) invalid += await census(s, boundary, opts);
    await saveNew(opts);
    await updateSync((x) => ({ ...x, lastSyncAt: Date.now(), invalidItems: invalid, problem: null }));
  } catch (err) {
    const problem = isBudgetWait(err)
      ? null // the next check goes on; waiting is no problem to report
      : `The check of your ChatGPT library failed: ${err instanceof Error ? err.message : String(err)}`;
    if (problem) console.warn(LOG, problem);
    await updateSync((x) => ({ ...x, problem }));
  }
  await announceLibrary(); // the card learns the backlog (or the problem) without polling
  kickPrompts();
}

async function ensureSyncAlarm(): Promise<void> {
  if (!(await browser.alarms.get(SYNC_ALARM)))
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MIN });
}

/** The periodic alarm: a check while a ChatGPT tab is open; none open, the alarm stops. */
export async function onSyncAlarm(): Promise<void> {
  const tabs = await chatGptTabs();
  if (tabs.length === 0) {
    await browser.alarms.clear(SYNC_ALARM);
    return;
  }
  await checkLibrary('alarm', tabs[0]);
}
