/**
 * The first-run welcome tab (issue 13 §7): the background opens it on every fresh install, so
 * every test's fresh profile gets one. The launchers wait for it and close it (unless a test
 * keeps it), so tests that count tabs or wait for the next new page are not disturbed.
 */
import type { BrowserContext, Page } from '@playwright/test';

/** The welcome page's path in the built extension. */
export const WELCOME_PATH = 'src/welcome/index.html';

const isWelcome = (p: Page) => !p.isClosed() && p.url().endsWith(`/${WELCOME_PATH}`);

/**
 * Resolves with the welcome tab once it is open (a new tab may first show about:blank, so its
 * navigations are followed too); rejects after `timeout` ms.
 */
export function welcomePage(context: BrowserContext, timeout = 15_000): Promise<Page> {
  const open = context.pages().find(isWelcome);
  if (open) return Promise.resolve(open);
  return new Promise((resolve, reject) => {
    const watched = new Set<Page>();
    const done = (err: Error | null, page?: Page) => {
      clearTimeout(timer);
      context.off('page', watch);
      for (const p of watched) p.off('framenavigated', onNavigated);
      if (err) reject(err);
      else resolve(page!);
    };
    const onNavigated = () => {
      const page = context.pages().find(isWelcome);
      if (page) done(null, page);
    };
    const watch = (p: Page) => {
      watched.add(p);
      p.on('framenavigated', onNavigated);
      onNavigated();
    };
    const timer = setTimeout(() => done(new Error(`no welcome tab opened within ${timeout} ms`)), timeout);
    context.on('page', watch);
    for (const p of context.pages()) watch(p);
  });
}

/** Waits for the welcome tab to be loaded, then closes it. */
export async function closeWelcome(context: BrowserContext): Promise<void> {
  const page = await welcomePage(context);
  await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
  await page.close();
}
