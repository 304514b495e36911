/**
 * The keyboard shortcuts (manifest `commands`): open the gallery, or switch capture on/off.
 * The user changes the keys in the browser (chrome://extensions/shortcuts; Firefox:
 * about:addons → gear → Manage Extension Shortcuts); the settings page lists them.
 */
import { kvGet } from '../db/kv';
import { browser } from '../platform/browser';
import { setPaused } from './status/status';

export const GALLERY_PAGE = 'src/gallery/index.html';

/** A tab showing one of our pages: its id and window. */
interface PageTab {
  tabId: number;
  windowId: number;
}

/**
 * The tab showing `url` (our own page), if one is open. runtime.getContexts (Chrome 116+)
 * names our pages without the "tabs" permission; elsewhere tabs.query, whose results carry
 * the URL of our own pages, is filtered by prefix (the hash and query may differ).
 */
async function findPageTab(url: string): Promise<PageTab | null> {
  const runtime = browser.runtime as typeof browser.runtime & {
    getContexts?: (f: {
      contextTypes: string[];
    }) => Promise<{ tabId: number; windowId: number; documentUrl?: string }[]>;
  };
  if (typeof runtime.getContexts === 'function') {
    const found = (await runtime.getContexts({ contextTypes: ['TAB'] })).filter(
      (c) => c.tabId >= 0 && c.documentUrl?.startsWith(url),
    );
    const last = found[found.length - 1];
    if (last) return { tabId: last.tabId, windowId: last.windowId };
    return null;
  }
  const tabs = (await browser.tabs.query({})).filter((t) => t.url?.startsWith(url));
  const tab = tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  return tab?.id !== undefined && tab.windowId !== undefined
    ? { tabId: tab.id, windowId: tab.windowId }
    : null;
}

/**
 * Focuses a gallery tab already open (and its window), else opens one (issue 13 §7). `query`
 * (`#img=…`, `?action=export-all`) reaches an open tab by navigating it: a hash change is
 * handled in place by the gallery, a query string reloads it.
 */
export async function openOrFocusGallery(query = ''): Promise<void> {
  const base = browser.runtime.getURL(GALLERY_PAGE);
  const open = await findPageTab(base);
  if (!open) {
    await browser.tabs.create({ url: base + query });
    return;
  }
  await browser.tabs.update(open.tabId, query ? { active: true, url: base + query } : { active: true });
  await browser.windows.update(open.windowId, { focused: true });
}

/** Pause ↔ resume, through the same handler as the popup's switch (status.ts setPaused). */
export async function toggleCapture(): Promise<void> {
  await setPaused(!(await kvGet('paused', false)));
}

/** Handles one `commands.onCommand` event. */
export function onCommand(name: string): void {
  const run =
    name === 'open-gallery' ? () => openOrFocusGallery() : name === 'toggle-capture' ? toggleCapture : null;
  run?.().catch((err) => console.warn('[image-vault] shortcut failed', name, err));
}
