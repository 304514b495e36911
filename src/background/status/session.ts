/**
 * The per-browser-session capture count shown on the badge. Kept in storage.session so a
 * stopped worker does not reset it; the browser clears it when it restarts.
 */
import { browser } from '../../platform/browser';

const KEY = 'sessionCount';
const SKIPPED = 'pausedSkipped';
const channel = new BroadcastChannel('image-vault');

export async function sessionCount(): Promise<number> {
  const v = (await browser.storage.session.get(KEY))[KEY];
  return typeof v === 'number' ? v : 0;
}

async function showBadge(n: number): Promise<void> {
  await browser.action.setBadgeText({ text: n > 0 ? String(n) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#2f6fdd' });
}

/** After an image was stored (or found to be a duplicate): update the badge, tell open pages. */
export async function onImageStored(added: boolean): Promise<void> {
  if (added) {
    const n = (await sessionCount()) + 1;
    await browser.storage.session.set({ [KEY]: n });
    await showBadge(n);
  }
  channel.postMessage({ type: 'images-changed' });
}

export async function restoreBadge(): Promise<void> {
  await showBadge(await sessionCount());
}

/** Tells open pages that the status (pause, problems) changed. */
export function announceStatus(): void {
  channel.postMessage({ type: 'status-changed' });
}

/** Images seen while capture was paused (since it was paused), for the popup. */
export async function pausedSkipped(): Promise<number> {
  const v = (await browser.storage.session.get(SKIPPED))[SKIPPED];
  return typeof v === 'number' ? v : 0;
}

export async function notePausedSkip(): Promise<void> {
  await browser.storage.session.set({ [SKIPPED]: (await pausedSkipped()) + 1 });
  announceStatus();
}

export async function resetPausedSkipped(): Promise<void> {
  await browser.storage.session.set({ [SKIPPED]: 0 });
}
