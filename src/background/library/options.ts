/** Request options for the library's work: its priority, and the session via any ChatGPT tab. */

import { browser } from '../../platform/browser';
import type { ApiOptions } from '../../sites/chatgpt/api';
import type { Priority } from '../../sites/chatgpt/request-budget';
import { askTab } from '../capture/tab-fallback';

/** The pages the content script runs on (manifest.json `content_scripts.matches`). */
export const CHATGPT_TABS = ['https://chatgpt.com/*', 'https://chat.openai.com/*'];

/** Ids of the open ChatGPT tabs. */
export async function chatGptTabs(): Promise<number[]> {
  const tabs = await browser.tabs.query({ url: CHATGPT_TABS }).catch(() => []);
  return tabs.map((t) => t.id).filter((id): id is number => typeof id === 'number');
}

/**
 * Waits up to `maxWaitMs` for the budget in place; longer waits come back as a
 * BudgetWaitError, which the jobs turn into `waiting` and a wake-up.
 */
export function libraryApiOptions(priority: Priority, maxWaitMs: number, tabId?: number | null): ApiOptions {
  return {
    priority,
    maxWaitMs,
    // No session cookie in the worker's requests: read the token as a ChatGPT tab can.
    sessionFallback: async () => {
      const id = tabId ?? (await chatGptTabs())[0];
      return id === undefined ? null : (await askTab(id, 'pageSession', {})).accessToken;
    },
  };
}

/** Bulk jobs (backfill, deep scan, prompt filling) wait longer than this as `waiting`, with a wake-up. */
const BULK_WAIT_IN_PLACE_MS = 15_000;

/** Request options of the library's bulk jobs: lowest priority, a short wait in place. */
export function bulkApiOptions(): ApiOptions {
  return libraryApiOptions('backfill', BULK_WAIT_IN_PLACE_MS);
}
