/**
 * The service worker: wiring only. Every start (first install, browser start, or a wake-up
 * after Chrome stopped the idle worker) resumes the persistent capture queue.
 */
import { purgeTrash } from '../db/gallery-mutations';
import { keepSnapshotFresh } from '../db/snapshot';
import { browser, type Runtime } from '../platform/browser';
import { drain, resumeQueue, WAKE_ALARM } from './capture/processor';
import { injectIntoOpenTabsOnInstall } from './inject-open-tabs';
import { handleMessage } from './router';
import { restoreBadge } from './status/session';

const GALLERY = 'src/gallery/index.html';

// Captures change the images: each drops the start-up snapshot (db/snapshot.ts).
keepSnapshotFresh();
const MENU_ID = 'image-vault-open-gallery';

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) =>
  handleMessage(raw, sender),
);

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === WAKE_ALARM) void drain();
});

browser.runtime.onInstalled.addListener(() => {
  browser.contextMenus
    .removeAll()
    .then(() =>
      browser.contextMenus.create({ id: MENU_ID, title: 'Open Image Vault gallery', contexts: ['action'] }),
    );
});

injectIntoOpenTabsOnInstall();

browser.contextMenus.onClicked.addListener((info) => {
  if (info.menuItemId === MENU_ID) void browser.tabs.create({ url: browser.runtime.getURL(GALLERY) });
});

void restoreBadge();
// Deletions whose undo window passed while no gallery was open become tombstones now.
void purgeTrash().catch((err) => console.warn('[image-vault] could not purge the trash', err));
void resumeQueue().catch((err) => console.error('[image-vault] queue failed to resume', err));
