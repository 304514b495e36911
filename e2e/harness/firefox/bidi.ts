/**
 * Raw WebDriver BiDi over Puppeteer's connection, for what Puppeteer does not do in Firefox:
 * opening `moz-extension://` pages (`page.goto` there times out after 30 s although the page
 * loaded, so navigate with `wait: 'none'` and poll `document.readyState`) and setting cookies.
 */
import type { Browser, Page } from 'puppeteer-core';

/** Sends one BiDi command. */
export interface Bidi {
  send(method: string, params: Record<string, unknown>): Promise<unknown>;
}

/** The BiDi connection under a Puppeteer browser launched with `browser: 'firefox'`. */
export function bidiOf(browser: Browser): Bidi {
  // Puppeteer's BiDi browser exposes its connection (not in the public types).
  const connection = (browser as unknown as { connection: Bidi }).connection;
  return { send: (method, params) => connection.send(method, params) };
}

/** The page's BiDi browsing context id (not in the public types). */
function contextId(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/** Navigates `page` to `url` and resolves once its document finished loading. */
export async function navigate(bidi: Bidi, page: Page, url: string, timeoutMs = 20_000): Promise<void> {
  await bidi.send('browsingContext.navigate', { context: contextId(page), url, wait: 'none' });
  const until = Date.now() + timeoutMs;
  // Origin and path only: a page may drop its query once read (the gallery's `?action=`).
  const target = new URL(url);
  const want = `${target.protocol}//${target.host}${target.pathname} complete`;
  for (;;) {
    const state = await page
      .evaluate(() => `${location.protocol}//${location.host}${location.pathname} ${document.readyState}`)
      .catch(() => 'navigating');
    if (state === want) return;
    if (Date.now() > until) throw new Error(`navigate ${url}: still "${state}" after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
