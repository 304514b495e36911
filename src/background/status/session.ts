/**
 * The per-browser-session capture count shown on the badge. Computed from IndexedDB (images
 * captured since the session started), never counted up in memory or storage: two images
 * that finish together are both counted. The session's start is kept in storage.session,
 * which the browser clears when it restarts, so a stopped worker does not reset it.
 */
import { capturedSinceCount } from '../../db/counters';
import { savedImageCount } from '../../db/gallery';
import { kvGet } from '../../db/kv';
import { allJobs } from '../../db/queue';
import { skippedCount } from '../../db/skipped';
import { announceChange, onChange } from '../../messaging/changes';
import { browser } from '../../platform/browser';
import { cachedSettings } from '../../settings/cached';
import { type BadgeFacts, badgeLook } from './badge-text';

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

/** What the badge depends on, read afresh (a database that cannot be read is itself the state). */
async function badgeFacts(): Promise<BadgeFacts> {
  const { badge: mode } = await cachedSettings();
  const none = { mode, session: 0, total: 0, paused: false, skipped: 0, failed: 0, pageChanged: false };
  try {
    const [session, total, paused, skipped, jobs, pageProblem] = await Promise.all([
      mode === 'session' ? sessionCount() : 0,
      mode === 'total' ? savedImageCount() : 0,
      kvGet('paused', false),
      skippedCount(),
      allJobs(),
      kvGet('pageProblem', null),
    ]);
    const failed = jobs.filter((j) => j.state === 'failed').length;
    return {
      mode,
      session,
      total,
      paused,
      skipped,
      failed,
      pageChanged: !!pageProblem,
      storageUnavailable: false,
    };
  } catch (err) {
    console.warn('[image-vault] badge: could not read the vault', err);
    return { ...none, storageUnavailable: true };
  }
}

/** The badge as the state and the `badge` setting want it: text, colour and tooltip (issue 13 §1). */
async function showBadge(): Promise<void> {
  const look = badgeLook(await badgeFacts());
  await Promise.all([
    browser.action.setBadgeText({ text: look.text }),
    browser.action.setBadgeBackgroundColor({ color: look.color }),
    browser.action.setTitle({ title: look.title }),
  ]);
  // Chrome picks a dark or light text colour by itself; white reads on all three colours.
  await browser.action.setBadgeTextColor?.({ color: '#ffffff' }).catch(() => {});
}

/**
 * Badge updates run one after another, each reading the state afresh: the last one starts
 * after the last write committed, so the badge ends on the true state. At most one waits
 * behind the running one (a burst of changes costs two reads, not one per change).
 */
let badge: Promise<void> = Promise.resolve();
let queued = false;

function updateBadge(): Promise<void> {
  if (queued) return badge;
  queued = true;
  badge = badge
    .then(() => {
      queued = false;
      return showBadge();
    })
    .catch((err) => console.warn('[image-vault] badge update failed', err));
  return badge;
}

/** Keeps the badge on the vault's state: every status or image change, in any context, redraws it. */
export function watchBadge(): void {
  onChange(null, () => void updateBadge());
}

/** After an image was stored (or found to be a duplicate): update the badge. */
export async function onImageStored(added: boolean): Promise<void> {
  if (added) await updateBadge();
}

/** At worker start, and when the badge setting changes: the badge as the vault has it. */
export function restoreBadge(): Promise<void> {
  return updateBadge();
}

/** Tells open pages (and the badge, watchBadge) that the status (pause, problems, counters) changed. */
export function announceStatus(): void {
  void announceChange({ type: 'status-changed' });
}
