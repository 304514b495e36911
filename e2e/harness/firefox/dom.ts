/** What the Firefox specs wait for in a page, by the same `data-testid`s as the Chromium specs. */
import type { Page } from 'puppeteer-core';

/** CSS for `data-testid="…"`. */
export const tid = (id: string) => `[data-testid="${id}"]`;

/** Resolves once the extension page rendered (`body[data-ready="true"]`). */
export async function ready(page: Page): Promise<Page> {
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  return page;
}

/** Resolves once the element's text (trimmed) is `text`; fails with what it was. */
export async function waitForText(page: Page, selector: string, text: string, timeout = 20_000) {
  try {
    await page.waitForFunction(
      (s, t) => document.querySelector(s)?.textContent?.trim() === t,
      { timeout },
      selector,
      text,
    );
  } catch (e) {
    const now = await page.$eval(selector, (el) => el.textContent?.trim()).catch(() => '(absent)');
    throw new Error(`${selector}: expected text "${text}", still "${now}" (${String(e)})`);
  }
}

/** The `data-image-id`s of the elements matching `selector`, in DOM order. */
export function imageIds(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) => els.map((e) => (e as HTMLElement).dataset.imageId ?? ''));
}
