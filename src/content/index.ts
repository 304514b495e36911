/**
 * Content script on chatgpt.com: notices final generated images and tells the background
 * (URLs and ids only). Owns all its listeners through one AbortController; one copy per
 * document (lifecycle.ts).
 */
import { send } from '../messaging/client';
import type { PageHealth } from '../messaging/protocol';
import { getSettings, onSettingsChanged } from '../settings/store';
import { claimDocument, contextAlive, isContextInvalidated } from './lifecycle';
import { savedMarks } from './saved-marks';
import { answerTabRequests } from './tab-requests';
import { countTurns, countUnrecognised, scanDocument } from './tile-scanner';
import { watchPage } from './watcher';

const LOG = '[image-vault]';

export function init(signal: AbortSignal, teardown: () => void): void {
  if (!claimDocument(document, signal, teardown)) return; // a live copy already runs here
  /** File ids already handed to the background in this tab (per page load). */
  const sent = new Set<string>();
  /** File ids the background refused because capture was paused (sent again on `rescan`). */
  const refusedWhilePaused = new Set<string>();
  let waiting = false;
  let lastHealth = '';

  const reportHealth = (tiles: number, unnamed: number) => {
    // Markup trouble shows as ChatGPT images in no recognised tile; while tiles are
    // recognised all is well, and the page need not be walked again. A final tile that
    // names no file counts as unrecognised.
    const health: PageHealth =
      tiles > 0
        ? { pageUrl: location.href, turns: 0, tiles, unrecognisedImages: unnamed }
        : {
            pageUrl: location.href,
            turns: countTurns(document),
            tiles,
            unrecognisedImages: countUnrecognised(document) + unnamed,
          };
    const key = `${health.turns}/${health.tiles}/${health.unrecognisedImages}`;
    if (key === lastHealth) return;
    lastHealth = key;
    send('pageHealth', health).catch(onSendError);
  };

  const onSendError = (err: unknown) => {
    if (isContextInvalidated(err)) {
      // The extension was updated or removed: this copy of the script is orphaned.
      teardown();
      return;
    }
    console.warn(LOG, 'message failed', err);
  };

  const marks = savedMarks(signal, teardown, (err) => onSendError(err));
  getSettings()
    .then((s) => marks.setEnabled(s.savedMark))
    .catch((err) => onSendError(err));
  const stopFollowing = onSettingsChanged((s) => marks.setEnabled(s.savedMark));
  signal.addEventListener('abort', () => {
    try {
      stopFollowing();
    } catch {
      // A detached copy cannot reach the extension API any more: nothing left to remove.
    }
  });

  const scan = () => {
    if (!contextAlive()) {
      teardown(); // detached from an updated or removed extension: report nothing
      return;
    }
    // A route change needs nothing special: each sighting carries the URL it was seen under.
    const result = scanDocument(document, location.href, marks.see);
    marks.afterScan();
    waiting = result.waiting > 0;
    for (const s of result.sightings) {
      if (sent.has(s.fileId)) continue;
      sent.add(s.fileId);
      // Refused while paused stays refused until the background asks for a rescan.
      send('imageSeen', s)
        .then((r) => {
          if (!r.accepted && r.reason === 'paused') refusedWhilePaused.add(s.fileId);
          if (!r.accepted && r.reason === 'already stored') marks.stored(s.fileId);
        })
        .catch((err) => {
          sent.delete(s.fileId); // let a later scan try again
          onSendError(err);
        });
    }
    if (!waiting) reportHealth(result.tiles - result.unnamed, result.unnamed);
  };

  const watcher = watchPage(document, { onDirty: scan, isWaiting: () => waiting }, signal);
  watcher.schedule(); // images already on the page when it loads
  answerTabRequests(signal, {
    rescan: () => {
      // Capture is back on: what was refused while paused is on screen to be saved now.
      for (const id of refusedWhilePaused) sent.delete(id);
      refusedWhilePaused.clear();
      watcher.schedule();
    },
    stored: (fileId) => marks.stored(fileId),
  });
  document.documentElement.dataset.imageVault = 'ready';
  document.dispatchEvent(new CustomEvent('image-vault:ready'));
}

const controller = new AbortController();
try {
  init(controller.signal, () => controller.abort());
} catch (err) {
  console.warn(LOG, 'content script failed to start', err);
}
