/**
 * Pause, then catch up (issue 8 §8). While paused, sightings are remembered instead of
 * captured (db/skipped.ts). When capture is switched back on, every open ChatGPT tab is
 * asked to scan its page again, so what is on screen now is saved; what is no longer on any
 * screen can still be saved from the popup ("Save the N images skipped while paused").
 */
import { forgetSkipped, skippedRows } from '../../db/skipped';
import type { TabProtocolMap } from '../../messaging/protocol';
import { browser } from '../../platform/browser';
import { enqueue } from '../capture/processor';

const LOG = '[image-vault]';

/** The pages the content script runs on (manifest.json `content_scripts.matches`). */
const CHATGPT_TABS = ['https://chatgpt.com/*', 'https://chat.openai.com/*'];

/** Sends `rescan` to every open ChatGPT tab; a tab without a listening content script is logged, not fatal. */
export async function rescanOpenTabs(): Promise<number> {
  let tabs: { id?: number }[] = [];
  try {
    tabs = await browser.tabs.query({ url: CHATGPT_TABS });
  } catch (err) {
    console.warn(LOG, 'could not list the ChatGPT tabs to rescan', err);
    return 0;
  }
  const message: { type: 'rescan'; payload: TabProtocolMap['rescan']['payload'] } = {
    type: 'rescan',
    payload: {},
  };
  const sent = await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return false;
      try {
        await browser.tabs.sendMessage(tab.id, message);
        return true;
      } catch (err) {
        // No content script there (loaded before the extension, or a page it does not run on).
        console.warn(LOG, `tab ${tab.id} did not take the rescan`, err);
        return false;
      }
    }),
  );
  return sent.filter(Boolean).length;
}

/**
 * Queues every sighting skipped while paused (one stored or deleted meanwhile is refused by
 * enqueue), then forgets them. A row is forgotten only after its job is written: a worker
 * stopped halfway leaves the rest offered.
 */
export async function saveSkipped(): Promise<{ queued: number }> {
  let queued = 0;
  const rows = await skippedRows();
  for (const row of rows) {
    const r = await enqueue(row.sighting, row.tabId);
    if (r.accepted) queued++;
    else console.info(LOG, `skipped sighting of ${row.id} not queued: ${r.reason}`);
  }
  await forgetSkipped(rows.map((r) => r.id));
  return { queued };
}

/** The user does not want them: forgets every skipped sighting. */
export async function dismissSkipped(): Promise<{ dismissed: number }> {
  return { dismissed: await forgetSkipped((await skippedRows()).map((r) => r.id)) };
}
