/**
 * Firefox: issue 12's pages in Firefox ESR (one Firefox for the file; the tests build on each
 * other). The settings page refuses a bad mirror pattern and keeps storage.local as it was;
 * the lightbox names a C2PA claim generator from the stored original; Copy image says
 * "Copied" or, in plain words, why not. The popup reuses the open gallery tab.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEFAULT_PATTERN, type Settings } from '../../src/settings/schema';
import { caBXChunkBase64 } from '../../test/support/c2pa-fixtures';
import { ready, tid, waitForText } from '../harness/firefox/dom';
import { type FirefoxRun, launchFirefox } from '../harness/firefox/launch';
import { seedImages, syntheticRecords } from '../support/seed';

const SETTINGS = 'src/settings/index.html';
const GALLERY = 'src/gallery/index.html';

let ff: FirefoxRun;
beforeAll(async () => {
  ff = await launchFirefox();
});
afterAll(async () => ff?.close());

/** What storage.local holds under `settings` (undefined before the first save). */
function stored(page: Page): Promise<Settings | undefined> {
  return page.evaluate(
    async () => (await browser.storage.local.get('settings')).settings as Settings | undefined,
  );
}

/** Replaces the field's text as typing would (one `input` event), keeping the focus in it. */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.$eval(
    selector,
    (el, t) => {
      const input = el as HTMLInputElement;
      input.focus();
      input.value = t;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    text,
  );
}

test('settings: a refused mirror pattern shows why and storage.local keeps the old one; a valid one is saved', async () => {
  const page = await ready(await ff.openExtensionPage(SETTINGS));
  // (page.url() is stale after the harness's raw BiDi navigation: ask the page.)
  expect(await page.evaluate(() => location.href)).toBe(`${ff.origin}/${SETTINGS}`);
  expect(await page.$eval(tid('settings-mirror'), (el) => (el as HTMLInputElement).checked)).toBe(false);
  expect(await page.$eval(tid('settings-mirror-pattern'), (el) => (el as HTMLInputElement).value)).toBe(
    DEFAULT_PATTERN,
  );

  await page.click(tid('settings-mirror'));
  await expect.poll(async () => (await stored(page))?.mirror.enabled, { timeout: 10_000 }).toBe(true);
  await waitForText(page, tid('settings-status'), 'Saved');

  const problem = tid('settings-mirror-pattern-problem');
  await typeInto(page, tid('settings-mirror-pattern'), 'My images/{title}.{ext}');
  await waitForText(
    page,
    problem,
    'The pattern must contain {fileid}, so that two images never share a name.',
  );
  await typeInto(page, tid('settings-mirror-pattern'), '../outside/{fileid}.{ext}');
  await waitForText(page, problem, 'The pattern may not contain “.” or “..” folders.');
  await waitForText(page, tid('settings-mirror-example'), '—');
  // Nothing refused reached storage: the mirror is on, with the pattern it had.
  expect((await stored(page))?.mirror).toEqual({
    enabled: true,
    pattern: DEFAULT_PATTERN,
    sidecars: ['xmp', 'json'],
  });

  await typeInto(page, tid('settings-mirror-pattern'), 'My images/{yyyy}/{title}_{fileid}.{ext}');
  await page.waitForSelector(problem, { hidden: true });
  await waitForText(
    page,
    tid('settings-mirror-example'),
    'Downloads/My images/2026/Croissant logo_file_00000000a1b2c3d4.png',
  );
  await expect
    .poll(async () => (await stored(page))?.mirror.pattern, { timeout: 10_000 })
    .toBe('My images/{yyyy}/{title}_{fileid}.{ext}');
  await page.close();

  // Kept: a fresh settings page shows what was saved.
  const again = await ready(await ff.openExtensionPage(SETTINGS));
  expect(await again.$eval(tid('settings-mirror'), (el) => (el as HTMLInputElement).checked)).toBe(true);
  expect(await again.$eval(tid('settings-mirror-pattern'), (el) => (el as HTMLInputElement).value)).toBe(
    'My images/{yyyy}/{title}_{fileid}.{ext}',
  );
  await again.close();
});

let gallery: Page;
const [signed, plain] = syntheticRecords(2);

test('the lightbox says an original with a C2PA caBX chunk has credentials from ChatGPT; one without has none', async () => {
  gallery = await ready(await ff.openExtensionPage(GALLERY));
  await seedImages(gallery, [{ record: signed!, pngChunkAfterIhdr: caBXChunkBase64() }, plain!]);
  await gallery.waitForSelector(`${tid('gallery-item')}[data-image-id="${signed!.id}"]`);
  await gallery.click(`${tid('gallery-item')}[data-image-id="${signed!.id}"] .tile-btn`);
  await gallery.waitForSelector(tid('lightbox'), { visible: true });
  await waitForText(
    gallery,
    tid('lightbox-credentials'),
    'Content Credentials: present (claim generator: ChatGPT)',
  );

  await gallery.keyboard.press('ArrowRight');
  await waitForText(gallery, tid('lightbox-prompt'), plain!.prompt);
  await waitForText(gallery, tid('lightbox-credentials'), 'Content Credentials: none found');
});

test('Copy image says "Copied" or, in plain words, why it could not copy', async () => {
  const btn = tid('lightbox-copy-image');
  expect(await gallery.$eval(btn, (el) => el.textContent?.trim())).toBe('Copy image');
  // The first settled label (it goes back to "Copy image" 2.5 s later).
  const settled = gallery.waitForFunction(
    (s) => {
      const el = document.querySelector<HTMLElement>(s);
      return el?.dataset.state ? { state: el.dataset.state, text: el.textContent?.trim() } : null;
    },
    { polling: 'mutation', timeout: 20_000 },
    btn,
  );
  await gallery.click(btn);
  const result = (await (await settled).jsonValue()) as { state: string; text: string };
  console.log(`[firefox] Copy image: ${result.state}: ${result.text}`);
  // Firefox 153 ESR headless says "Copied", but what was copied cannot be checked here: its
  // headless clipboard keeps text only (a writeText reads back; after the PNG write,
  // clipboard.read() returns no item). e2e/credentials.spec.ts checks the pasted PNG in Chromium.
  if (result.state === 'copied') expect(result.text).toBe('Copied');
  else {
    expect(result.state).toBe('failed');
    expect(result.text).toMatch(/^Could not copy: \S/);
  }
});

/** The open tabs showing the gallery (BiDi's page.url() can be stale: each tab is asked). */
async function galleryTabs(): Promise<Page[]> {
  const out: Page[] = [];
  for (const p of await ff.browser.pages()) {
    const href = await p.evaluate(() => location.href).catch(() => p.url());
    if (href.startsWith(`${ff.origin}/${GALLERY}`)) out.push(p);
  }
  return out;
}

test('a popup thumbnail opens its image in the gallery tab already open, not in a second one (issue 13 §7)', async () => {
  await gallery.keyboard.press('Escape');
  await gallery.waitForSelector(tid('lightbox'), { hidden: true });
  expect(await galleryTabs()).toHaveLength(1);
  const popup = await ready(await ff.openExtensionPage('src/popup/index.html'));
  await popup.click(`${tid('popup-item')}[data-image-id="${plain!.id}"]`);
  // The signal: the open gallery tab shows that image's lightbox.
  await gallery.waitForSelector(tid('lightbox'), { visible: true, timeout: 20_000 });
  await waitForText(gallery, tid('lightbox-prompt'), plain!.prompt);
  expect(await galleryTabs()).toHaveLength(1);
});
