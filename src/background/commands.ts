/**
 * The keyboard shortcuts (manifest `commands`): open the gallery, or switch capture on/off.
 * The user changes the keys in the browser (chrome://extensions/shortcuts; Firefox:
 * about:addons → gear → Manage Extension Shortcuts); the settings page lists them.
 */
import { kvGet } from '../db/kv';
import { browser } from '../platform/browser';
import { setPaused } from './status/status';

export const GALLERY_PAGE = 'src/gallery/index.html';

/** Focuses a gallery tab already open (the most recently used), else opens one. */
export async function openOrFocusGallery(): Promise<void> {
  const url = browser.runtime.getURL(GALLERY_PAGE);
  // Our own pages' URLs are visible to us without the "tabs" permission.
  const tabs = (await browser.tabs.query({})).filter((t) => t.url?.startsWith(url));
  const tab = tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  if (tab?.id === undefined) {
    await browser.tabs.create({ url });
    return;
  }
  await browser.tabs.update(tab.id, { active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}

/** Pause ↔ resume, through the same handler as the popup's switch (status.ts setPaused). */
export async function toggleCapture(): Promise<void> {
  await setPaused(!(await kvGet('paused', false)));
}

/** Handles one `commands.onCommand` event. */
export function onCommand(name: string): void {
  const run = name === 'open-gallery' ? openOrFocusGallery : name === 'toggle-capture' ? toggleCapture : null;
  run?.().catch((err) => console.warn('[image-vault] shortcut failed', name, err));
}
