/**
 * The per-browser-session capture count shown on the badge. Computed from IndexedDB (images
 * captured since the session started), never counted up in memory or storage: two images
 * that finish together are both counted. The session's start is kept in storage.session,
 * which the browser clears when it restarts, so a stopped worker does not reset it.
 */
import { capturedSinceCount } from '../../db/counters';
import { savedImageCount } from '../../db/gallery';
import { announceChange } from '../../messaging/changes';
import { browser } from '../../platform/browser';
import { cachedSettings } from '../../settings/cached';
import { badgeText } from './badge-text';

const START = 'sessionStart';
let start: Promise<number> | null = null;

/** When this browser session started (first worker start after the browser started). */
function sessionStart(): Promise<number> {
  start ??= (async () => {
    const v = (await browser.storage.session.get(START))[START];
    if (typeof v === 'number') return v;
    const now = Date.now();
    await browser.storage.session.set({ [START]: now });
    return now;
  })().catch((err) => {
    start = null;
    throw err;
  });
  return start;
}

/** Images captured in this browser session and still in the vault. */
export async function sessionCount(): Promise<number> {
  return capturedSinceCount(await sessionStart());
}

/** The badge as the `badge` setting wants it: the session's count, the vault's, or nothing. */
async function showBadge(): Promise<void> {
  const { badge: mode } = await cachedSettings();
  const session = mode === 'session' ? await sessionCount() : 0;
  const total = mode === 'total' ? await savedImageCount() : 0;
  await browser.action.setBadgeText({ text: badgeText(mode, { session, total }) });
  await browser.action.setBadgeBackgroundColor({ color: '#2f6fdd' });
}

/**
 * Badge updates run one after another, each reading the count afresh: the last one starts
 * after the last store committed, so the badge ends on the true count.
 */
let badge: Promise<void> = Promise.resolve();

function updateBadge(): Promise<void> {
  badge = badge.then(showBadge).catch((err) => console.warn('[image-vault] badge update failed', err));
  return badge;
}

/** After an image was stored (or found to be a duplicate): update the badge. */
export async function onImageStored(added: boolean): Promise<void> {
  if (added) await updateBadge();
}

/** At worker start, and when the badge setting changes: the badge as the vault has it. */
export function restoreBadge(): Promise<void> {
  return updateBadge();
}

/** Tells open pages that the status (pause, problems, counters) changed. */
export function announceStatus(): void {
  void announceChange({ type: 'status-changed' });
}
