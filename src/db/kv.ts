/** Typed access to the small `kv` store: settings and status that must survive a worker stop. */
import type { BudgetState } from '../core/request-budget';
import { openVault } from './open';

/** A problem the user should hear about, in plain words. */
export interface PageProblem {
  kind: 'selectors';
  message: string;
  pageUrl: string;
  at: number;
}

/** Images kept without their prompts (metadata missing), and the latest reason. */
export interface PromptlessCount {
  count: number;
  lastReason: string;
}

/** The library engine's own facts (issue 9): when the backlog starts, how far the count walk got. */
export interface LibrarySyncState {
  /** epoch ms: library images created before this are the backlog (install, else the first check). */
  boundary: number | null;
  /** Cursor of the next page of the first full walk (the count); null once it reached the end. */
  censusCursor: string | null;
  censusDone: boolean;
  lastSyncAt: number | null;
  /** When the last check started (at most one a minute from page loads). */
  lastCheckAt: number | null;
  invalidItems: number;
  problem: string | null;
}

/** A library job's persisted state (backfill, prompt filling): resumes after a worker stop. */
export interface LibraryJobRow {
  state: 'idle' | 'running' | 'waiting' | 'paused' | 'done' | 'failed';
  /** Identifies one run: a runner from an earlier start stops when this changes. */
  runId: number;
  /** Cursor of the next library page to read (backfill). */
  cursor: string | null;
  done: number;
  total: number;
  bytes: number;
  /** epoch ms when the current stretch of running began, and `done` at that moment (ETA). */
  since: number;
  doneSince: number;
  waitingUntil: number | null;
  error: string | null;
  /** Images the deep scan found and saved (deep scan only). */
  found?: number;
}

/**
 * Where the deep scan's listing stands (issue 9 §7), so a stopped worker or a later day goes
 * on from there: the main list's next offset, then the projects' sidebar cursor, the projects
 * found and the one being listed; `listed` once every list was read (then the reads go on).
 */
export interface DeepScanCursor {
  phase: 'list' | 'projects' | 'project' | 'read' | 'finished';
  offset: number;
  sidebarCursor: string | null;
  projects: string[];
  /** Index in `projects` of the one being listed, and its cursor. */
  project: number;
  projectCursor: string;
  /** Entries of any list that did not parse. */
  invalid: number;
}

export interface KvMap {
  paused: boolean;
  /** Latest report that ChatGPT's page no longer matches our selectors (null when fine). */
  pageProblem: PageProblem | null;
  /** Images kept without their prompts; counted by putImage inside its transaction. */
  promptless: PromptlessCount | null;
  /** How many gallery thumbnails the start-up snapshot keeps (what filled the last gallery's screen). */
  snapshotScreen: number;
  /**
   * ChatGPT tabs (ids) that were open at install/update and could not get the content script
   * injected: the popup says "Reload your ChatGPT tab to start saving images".
   */
  injectFailedTabs: number[];
  /** The one request budget for ChatGPT (core/request-budget.ts): a 429's block survives a restart. */
  requestBudget: BudgetState | null;
  librarySync: LibrarySyncState | null;
  libraryBackfill: LibraryJobRow | null;
  libraryPrompts: LibraryJobRow | null;
  /** The deep scan's job (done/total: conversations read / to read) and its listing cursor. */
  libraryDeepScan: LibraryJobRow | null;
  deepScanCursor: DeepScanCursor | null;
}

/**
 * Reads, changes and writes one kv value in a single transaction, so two writers (a runner
 * and a pause click) never undo each other. Returns the value written.
 */
export async function kvUpdate<K extends keyof KvMap>(
  key: K,
  fallback: KvMap[K],
  change: (v: KvMap[K]) => KvMap[K],
): Promise<KvMap[K]> {
  const tx = (await openVault()).transaction('kv', 'readwrite');
  const v = (await tx.store.get(key)) as KvMap[K] | undefined;
  const next = change(v === undefined ? fallback : v);
  await tx.store.put(next, key);
  await tx.done;
  return next;
}

export async function kvGet<K extends keyof KvMap>(key: K, fallback: KvMap[K]): Promise<KvMap[K]> {
  const v = await (await openVault()).get('kv', key);
  return v === undefined ? fallback : (v as KvMap[K]);
}

export async function kvSet<K extends keyof KvMap>(key: K, value: KvMap[K]): Promise<void> {
  await (await openVault()).put('kv', value, key);
}
