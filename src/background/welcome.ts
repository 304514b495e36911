/**
 * The first-run welcome tab (issue 13 §7): opened on install, never on an update, and once per
 * profile. The `install` reason alone is not enough: Chrome reports `install` again each time
 * it starts with an extension loaded from its command line (`--load-extension`, as tests and
 * some developers run it), so a flag in `storage.local` (kept with the profile) says it was shown.
 */
import { browser } from '../platform/browser';

const WELCOME = 'src/welcome/index.html';
const SHOWN_KEY = 'welcomeShown';

/** Opens the welcome tab unless this profile has seen it. */
export async function welcomeOnInstall(): Promise<void> {
  if ((await browser.storage.local.get(SHOWN_KEY))[SHOWN_KEY] === true) return;
  await browser.storage.local.set({ [SHOWN_KEY]: true });
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME) });
}
