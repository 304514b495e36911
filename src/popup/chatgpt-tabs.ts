/**
 * The popup's ways to ChatGPT: focus an open ChatGPT tab (else open one), and reload the
 * open ones after ChatGPT's page changed. Tabs on chatgpt.com are visible to us through the
 * host permission, without the "tabs" permission.
 */
import { browser } from '../platform/browser';

/** The pages the content script runs on (manifest.json `content_scripts.matches`). */
const CHATGPT_TABS = ['https://chatgpt.com/*', 'https://chat.openai.com/*'];
const CHATGPT_HOME = 'https://chatgpt.com/';

/** Focuses the most recently used ChatGPT tab and its window, else opens chatgpt.com. */
export async function openChatGpt(): Promise<void> {
  const tabs = await browser.tabs.query({ url: CHATGPT_TABS }).catch(() => []);
  const tab = tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  if (tab?.id === undefined) {
    await browser.tabs.create({ url: CHATGPT_HOME });
    return;
  }
  await browser.tabs.update(tab.id, { active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}

/** Reloads every open ChatGPT tab (the content script starts afresh there); returns how many. */
export async function reloadChatGptTabs(): Promise<number> {
  const tabs = await browser.tabs.query({ url: CHATGPT_TABS });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? null : browser.tabs.reload(tab.id))));
  return tabs.length;
}
