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
}

export async function kvGet<K extends keyof KvMap>(key: K, fallback: KvMap[K]): Promise<KvMap[K]> {
  const v = await (await openVault()).get('kv', key);
  return v === undefined ? fallback : (v as KvMap[K]);
}

export async function kvSet<K extends keyof KvMap>(key: K, value: KvMap[K]): Promise<void> {
  await (await openVault()).put('kv', value, key);
}
