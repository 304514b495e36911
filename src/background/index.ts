/**
 * The service worker: wiring only. Every start (first install, browser start, or a wake-up
 * after Chrome stopped the idle worker) resumes the persistent capture queue.
 */
import { purgeTrash } from '../db/gallery-mutations';
import { keepSnapshotFresh } from '../db/snapshot';
import { browser, type Runtime } from '../platform/browser';
import { t } from '../platform/i18n';
import { onSettingsChanged } from '../settings/store';
import { drain, logFailure, resumeQueue, WAKE_ALARM } from './capture/processor';
import { onCommand, openOrFocusGallery } from './commands';
import { watchUnhandledRejections } from './diagnostics';
import { injectIntoOpenTabsOnInstall } from './inject-open-tabs';
import { markInstalled, onLibraryAlarm, startLibraryEngine } from './library';
import { onMirrorAlarm, startMirror } from './mirror';
import { handleMessage } from './router';
import { restoreBadge, watchBadge } from './status/session';
import { welcomeOnInstall } from './welcome';

watchUnhandledRejections();

// Captures change the images: each drops the start-up snapshot (db/snapshot.ts).
keepSnapshotFresh();
const MENU_ID = 'image-vault-open-gallery';

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) =>
  handleMessage(raw, sender),
);

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === WAKE_ALARM) void drain();
  else if (!onMirrorAlarm(alarm.name)) onLibraryAlarm(alarm.name);
});

browser.runtime.onInstalled.addListener((details) => {
  // Library images made before install are the backlog, saved only on consent (issue 9).
  if (details.reason === 'install') markInstalled().catch(logFailure('could not note the install time'));
  // First run only (issue 13 §7): what Image Vault does and why it asks what it asks.
  if (details.reason === 'install') welcomeOnInstall().catch(logFailure('could not open the welcome tab'));
  browser.contextMenus
    .removeAll()
    .then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: t('status_menu_open_gallery'),
        contexts: ['action'],
      }),
    )
    .catch(logFailure('could not add the toolbar menu'));
});

injectIntoOpenTabsOnInstall();

// Keyboard shortcuts (manifest `commands`), and the badge follows its setting at once.
browser.commands.onCommand.addListener(onCommand);
onSettingsChanged(() => void restoreBadge());

browser.contextMenus.onClicked.addListener((info) => {
  if (info.menuItemId === MENU_ID) openOrFocusGallery().catch(logFailure('could not open the gallery'));
});

restoreBadge().catch(logFailure('could not restore the badge'));
// The badge follows pause, problems and counts as they change (issue 13 §1).
watchBadge();
// Deletions whose undo window passed while no gallery was open become tombstones now.
purgeTrash().catch(logFailure('could not purge the trash'));
resumeQueue().catch(logFailure('queue failed to resume'));
startLibraryEngine();
// The disk mirror (issue 12 §1): resumes its queue and follows saved images while it is on.
startMirror();
