/**
 * The service worker: wiring only. Every start (first install, browser start, or a wake-up
 * after Chrome stopped the idle worker) resumes the persistent capture queue.
 */
import { browser, type Runtime } from '../platform/browser';
import { drain, logFailure, resumeQueue, WAKE_ALARM } from './capture/processor';
import { watchUnhandledRejections } from './diagnostics';
import { handleMessage } from './router';
import { restoreBadge } from './status/session';

watchUnhandledRejections();

const GALLERY = 'src/gallery/index.html';
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
    )
    .catch(logFailure('could not add the toolbar menu'));
});

browser.contextMenus.onClicked.addListener((info) => {
  if (info.menuItemId === MENU_ID)
    browser.tabs
      .create({ url: browser.runtime.getURL(GALLERY) })
      .catch(logFailure('could not open the gallery'));
});

restoreBadge().catch(logFailure('could not restore the badge'));
resumeQueue().catch(logFailure('queue failed to resume'));
