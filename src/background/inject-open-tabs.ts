/**
 * Open tabs work at once: Chrome runs manifest content scripts only in pages loaded after
 * the extension, so ChatGPT tabs open at install or update would capture nothing until
 * reloaded (and after an update the old copy is detached). On install and update the
 * content script is injected into them with `scripting.executeScript`, using the built
 * file names the manifest lists (crxjs builds a small loader there). A tab where that fails
 * is remembered in kv `injectFailedTabs`, so the popup can say "Reload your ChatGPT tab to
 * start saving images"; it is forgotten once that tab reports from a working content script
 * (a reloaded tab does at once: the first scan always sends `pageHealth`) or closes. The content script itself makes sure one copy per page reports
 * (content/lifecycle.ts).
 */
import { kvGet, kvSet } from '../db/kv';
import { browser, type Runtime, type Tabs } from '../platform/browser';

const LOG = '[image-vault]';

/** Injects the manifest's content scripts into the matching tabs open now; returns the failed tab ids. */
export async function injectOpenTabs(): Promise<number[]> {
  const failed: number[] = [];
  for (const cs of browser.runtime.getManifest().content_scripts ?? []) {
    const files = cs.js ?? [];
    if (files.length === 0 || !cs.matches?.length) continue;
    const tabs: Tabs.Tab[] = await browser.tabs.query({ url: cs.matches });
    for (const tab of tabs) {
      // A discarded tab loads again when shown, and the manifest's script runs then.
      if (tab.id === undefined || tab.discarded) continue;
      try {
        await browser.scripting.executeScript({
          target: { tabId: tab.id, allFrames: cs.all_frames ?? false },
          files,
        });
      } catch (err) {
        console.warn(LOG, `could not start in open tab ${tab.id}`, err);
        failed.push(tab.id);
      }
    }
  }
  return failed;
}

/** The kv list, cached for this worker's life: tab events are frequent, failures rare. */
let failedTabs: Promise<number[]> | null = null;

async function forgetTab(tabId: number): Promise<void> {
  failedTabs ??= kvGet('injectFailedTabs', []);
  const list = await failedTabs;
  if (!list.includes(tabId)) return;
  const next = list.filter((id) => id !== tabId);
  failedTabs = Promise.resolve(next);
  await kvSet('injectFailedTabs', next);
}

const report = (err: unknown) => console.error(LOG, 'open-tab bookkeeping failed', err);

/** Wires the injection to install/update and the failed-tab list to tab events. Call once, at top level. */
export function injectIntoOpenTabsOnInstall(): void {
  browser.runtime.onInstalled.addListener((details: Runtime.OnInstalledDetailsType) => {
    if (details.reason !== 'install' && details.reason !== 'update') return;
    const run = injectOpenTabs().then((failed) => {
      // The list is exactly this run's failures: earlier tabs were injected now or are gone.
      failedTabs = Promise.resolve(failed);
      return kvSet('injectFailedTabs', failed);
    });
    run.catch(report);
  });
  // A message from a tab's content script shows it works there (listener answers nothing).
  // Tab updates are not used: an SPA route change can report 'loading' without a reload.
  browser.runtime.onMessage.addListener((_raw: unknown, sender: Runtime.MessageSender) => {
    if (sender.tab?.id !== undefined) forgetTab(sender.tab.id).catch(report);
    return undefined;
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId).catch(report);
  });
}
