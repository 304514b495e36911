/**
 * The deep scan (issue 9 §7, optional, started from the library card): reads every
 * conversation once to find generated images the library no longer lists (DALL·E-era ones).
 * First the lists (the main one by offset, then each project's), recording each
 * conversation's change time; then each new or changed conversation, once, and every image
 * in it that is neither in the vault nor deleted. Every request is the budget's lowest
 * priority ('backfill'), so live capture and ChatGPT's own page keep their reserve; a big
 * account takes days, so every step is written to IndexedDB as it goes (cursor in kv
 * `deepScanCursor`, conversations in the `scans` store) and a stopped worker resumes there.
 */
import { type DeepScanCursor, kvGet, kvSet } from '../../db/kv';
import type { ScanRow } from '../../db/schema';
import { type ApiOptions, apiGet, getConversation, NotFoundError } from '../../sites/chatgpt/api';
import { parseConversation } from '../../sites/chatgpt/conversation';
import {
  conversationListPath,
  parseConversationList,
  parseProjectConversations,
  parseProjectSidebar,
  projectConversationsPath,
  projectSidebarPath,
} from '../../sites/chatgpt/conversation-list';
import { saveFoundImage } from './deep-scan-save';
import {
  isBudgetWait,
  keepAlive,
  readJob,
  singleRunner,
  stillRunning,
  updateJob,
  waitThenResume,
} from './jobs';
import { bulkApiOptions } from './options';
import { forgetPending, markListed, nextRow, updateScanRow } from './scan-rows';

const LOG = '[image-vault]';
const KEY = 'libraryDeepScan' as const;

/** A scan from the start. */
export function freshCursor(): DeepScanCursor {
  return {
    phase: 'list',
    offset: 0,
    sidebarCursor: null,
    projects: [],
    project: 0,
    projectCursor: '0',
    invalid: 0,
  };
}

export const readCursor = async (): Promise<DeepScanCursor> =>
  (await kvGet('deepScanCursor', null)) ?? freshCursor();
const msg = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Reads one list page and moves the cursor on. */
async function listStep(c: DeepScanCursor, opts: ApiOptions): Promise<DeepScanCursor> {
  if (c.phase === 'list') {
    const page = parseConversationList(await apiGet(conversationListPath(c.offset), opts), c.offset);
    await markListed(page.items);
    const invalid = c.invalid + page.invalid;
    return page.next === null ? { ...c, phase: 'projects', invalid } : { ...c, offset: page.next, invalid };
  }
  if (c.phase === 'projects') {
    const page = parseProjectSidebar(
      await apiGet(projectSidebarPath(c.sidebarCursor), opts),
      c.sidebarCursor,
    );
    const projects = [...new Set([...c.projects, ...page.projects])];
    const invalid = c.invalid + page.invalid;
    return page.next === null
      ? { ...c, phase: 'project', projects, project: 0, projectCursor: '0', invalid }
      : { ...c, projects, sidebarCursor: page.next, invalid };
  }
  const id = c.projects[c.project];
  if (id === undefined) return { ...c, phase: 'read' };
  const json = await apiGet(projectConversationsPath(id, c.projectCursor), opts);
  const page = parseProjectConversations(json, c.projectCursor);
  await markListed(page.items);
  const invalid = c.invalid + page.invalid;
  return page.next === null
    ? { ...c, project: c.project + 1, projectCursor: '0', invalid }
    : { ...c, projectCursor: page.next, invalid };
}

/** Reads one conversation (or goes on saving what was found in it); false when none is left. */
async function readStep(runId: number, opts: ApiOptions): Promise<boolean> {
  const row = await nextRow();
  if (!row) return false;
  if (row.state === 'pending') {
    let found: ScanRow['found'];
    try {
      const parsed = parseConversation(await getConversation(row.id, opts));
      found = { conversationId: row.id, title: parsed.info.title, images: parsed.images };
    } catch (err) {
      if (isBudgetWait(err)) throw err;
      // Deleted meanwhile: nothing left to find. Another failure: read again by the next scan.
      const gone = err instanceof NotFoundError;
      await updateScanRow(row.id, {
        state: 'read',
        readAtUpdate: gone ? row.listedUpdate : null,
        found: null,
      });
      await countRead(runId, gone ? null : `Last problem: a conversation could not be read: ${msg(err)}`);
      return true;
    }
    await updateScanRow(row.id, { state: 'saving', found });
    row.found = found;
  }
  const found = row.found ?? { conversationId: row.id, title: '', images: [] };
  const left = [...found.images];
  let failed = false;
  while (left.length > 0) {
    if (!(await stillRunning(KEY, runId))) return true;
    const image = left[0]!;
    let error: string | null = null;
    let bytes = 0;
    try {
      const out = await saveFoundImage(image, found, opts);
      bytes = out.status === 'added' ? out.bytes : 0;
    } catch (err) {
      if (isBudgetWait(err)) throw err;
      // One image that cannot be saved does not stop the rest; the next scan tries again.
      error = `Last problem: ${msg(err)}`;
      console.warn(LOG, `deep scan: image ${image.fileId} not saved: ${msg(err)}`);
    }
    left.shift();
    await updateScanRow(row.id, { found: { ...found, images: left } });
    if (bytes > 0 || error)
      await updateJob(KEY, (j) =>
        j.runId === runId
          ? {
              ...j,
              bytes: j.bytes + bytes,
              found: (j.found ?? 0) + (bytes > 0 ? 1 : 0),
              error: error ?? j.error,
            }
          : j,
      );
    failed ||= error !== null;
  }
  // A failed image leaves the conversation to be read again by the next scan.
  await updateScanRow(row.id, { state: 'read', readAtUpdate: failed ? null : row.listedUpdate, found: null });
  await countRead(runId, null);
  return true;
}

async function countRead(runId: number, error: string | null): Promise<void> {
  await updateJob(KEY, (j) => (j.runId === runId ? { ...j, done: j.done + 1, error: error ?? j.error } : j));
}

async function run(): Promise<void> {
  const job = await readJob(KEY);
  if (job.state !== 'running') return;
  const { runId } = job;
  const opts = bulkApiOptions();
  try {
    for (;;) {
      if (!(await stillRunning(KEY, runId))) return;
      keepAlive();
      const c = await readCursor();
      if (c.phase === 'read' || c.phase === 'finished') {
        if (await readStep(runId, opts)) continue;
        await kvSet('deepScanCursor', { ...c, phase: 'finished' });
        await updateJob(KEY, (j) => (j.runId === runId ? { ...j, state: 'done', waitingUntil: null } : j));
        return;
      }
      const next = await listStep(c, opts);
      if (!(await stillRunning(KEY, runId))) return;
      await kvSet('deepScanCursor', next);
    }
  } catch (err) {
    if (isBudgetWait(err)) return waitThenResume(KEY, runId, err);
    await updateJob(KEY, (j) =>
      j.runId === runId ? { ...j, state: 'failed', error: `The deep scan stopped: ${msg(err)}` } : j,
    );
  }
}

/** Runs the deep scan if its state says running (after a start, resume, wake-up or worker start). */
export const kickDeepScan = singleRunner(run, (e) => console.warn(LOG, 'deep scan failed', e));

/** Starts a scan from the first list page (conversations read before and unchanged are skipped). */
async function startDeepScan(): Promise<void> {
  const now = Date.now();
  const j = await readJob(KEY);
  if (j.state === 'running' || j.state === 'waiting') return kickDeepScan();
  await forgetPending();
  await kvSet('deepScanCursor', freshCursor());
  await updateJob(KEY, (j) => ({
    ...j,
    state: 'running',
    runId: now,
    cursor: null,
    done: 0,
    total: 0,
    bytes: 0,
    found: 0,
    since: now,
    doneSince: 0,
    waitingUntil: null,
    error: null,
  }));
  kickDeepScan();
}

/** The card's deep-scan buttons: start, pause (keeps every step), resume, cancel (forgets the cursor). */
export async function controlDeepScan(action: 'start' | 'pause' | 'resume' | 'cancel'): Promise<void> {
  if (action === 'start') return startDeepScan();
  const now = Date.now();
  await updateJob(KEY, (j) => {
    if (action === 'pause')
      return j.state === 'running' || j.state === 'waiting'
        ? { ...j, state: 'paused', waitingUntil: null }
        : j;
    if (action === 'resume')
      return j.state === 'paused' || j.state === 'failed'
        ? { ...j, state: 'running', since: now, doneSince: j.done, error: null }
        : j;
    return { ...j, state: 'idle', runId: now, waitingUntil: null };
  });
  if (action === 'cancel') await kvSet('deepScanCursor', null);
  if (action === 'resume') kickDeepScan();
}
