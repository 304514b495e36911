/**
 * The toolbar popup, opened as a tab (Playwright cannot open the action popup itself):
 * totals, latest captures, problems, the pause switch and the ways into the gallery.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { seedImages, syntheticRecords } from './support/seed';

const POPUP = 'src/popup/index.html';
const GALLERY = 'src/gallery/index.html';

async function ready(page: Page): Promise<Page> {
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  return page;
}

/** Clicks `target` in the popup and returns the tab it opened, loaded and ready. */
async function opensTab(context: BrowserContext, click: () => Promise<void>): Promise<Page> {
  const [tab] = await Promise.all([context.waitForEvent('page'), click()]);
  await tab.waitForLoadState();
  return ready(tab);
}

test('an empty vault: zero images, capture on, a hint where to start', async ({ openExtensionPage }) => {
  const popup = await ready(await openExtensionPage(POPUP));
  await expect(popup.getByTestId('capture-count')).toHaveText('0');
  await expect(popup.getByTestId('empty-state')).toBeVisible();
  await expect(popup.getByTestId('popup-item')).toHaveCount(0);
  await expect(popup.getByTestId('pause-toggle')).toBeChecked();
  await expect(popup.getByTestId('pause-toggle')).toBeEnabled();
  await expect(popup.getByTestId('capture-problems')).toHaveCount(0);
});

test('the latest 12 captures and the total, newest first', async ({ openExtensionPage }) => {
  const seeder = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(15);
  await seedImages(seeder, recs);
  const popup = await ready(await openExtensionPage(POPUP));
  await expect(popup.getByTestId('capture-count')).toHaveText('15');
  await expect(popup.getByTestId('empty-state')).toBeHidden();
  const items = popup.getByTestId('popup-item');
  await expect(items).toHaveCount(12);
  await expect(items.first()).toHaveAttribute('data-image-id', recs[0]!.id);
  // One name per thumbnail (the button's), not repeated by the image's alt text.
  await expect(items.first()).toHaveAccessibleName(
    new RegExp(`^Open in the gallery: ${recs[0]!.title ?? recs[0]!.prompt}`),
  );
  await expect(items.first().locator('img')).toHaveAttribute('alt', '');
  await expect
    .poll(() =>
      items.locator('img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0)),
    )
    .toBe(true);

  // Live: a new capture shows up while the popup is open.
  await seedImages(
    seeder,
    syntheticRecords(16)
      .slice(15)
      .map((r) => ({ ...r, capturedAt: Date.now() })),
  );
  await expect(popup.getByTestId('capture-count')).toHaveText('16');
});

test('"Open gallery" and a thumbnail open the gallery', async ({ context, openExtensionPage }) => {
  // Seeded from a popup: an open gallery tab would be focused instead of a new one opened.
  const seeder = await ready(await openExtensionPage(POPUP));
  const recs = syntheticRecords(3);
  await seedImages(seeder, recs);
  await seeder.close();
  let popup = await ready(await openExtensionPage(POPUP));
  const gallery = await opensTab(context, () => popup.getByTestId('open-gallery').click());
  expect(new URL(gallery.url()).pathname).toBe(`/${GALLERY}`);
  await expect(gallery.getByTestId('gallery-count')).toHaveText('3');

  await gallery.close();
  popup = await ready(await openExtensionPage(POPUP));
  const shown = await opensTab(context, () => popup.getByTestId('popup-item').nth(1).click());
  await expect(shown.getByTestId('lightbox')).toBeVisible();
  await expect(shown.getByTestId('lightbox-prompt')).toHaveText(recs[1]!.prompt);
});

test('"Export all" opens the gallery, which starts the export', async ({ context, openExtensionPage }) => {
  const popup = await ready(await openExtensionPage(POPUP));
  await seedImages(popup, syntheticRecords(1));
  await expect(popup.getByTestId('export-all')).toBeEnabled();
  const gallery = await opensTab(context, () => popup.getByTestId('export-all').click());
  await expect(gallery.getByTestId('export-dialog')).toContainText('Export all images');
});

test('the switch pauses and resumes capture, and the gallery says so', async ({
  openExtensionPage,
  readVault,
}) => {
  const gallery = await ready(await openExtensionPage(GALLERY));
  const popup = await ready(await openExtensionPage(POPUP));
  const toggle = popup.getByTestId('pause-toggle');
  await toggle.uncheck();
  await expect(popup.getByText('Paused', { exact: true })).toBeVisible();
  await expect(popup.getByTestId('capture-notice')).toContainText('Capture is paused');
  expect((await readVault()).kv.paused).toBe(true);
  await expect(gallery.getByTestId('capture-notice')).toContainText('Capture is paused');

  await toggle.check();
  await expect(popup.getByText('Capturing', { exact: true })).toBeVisible();
  expect((await readVault()).kv.paused).toBe(false);
  await expect(gallery.getByTestId('capture-notice')).toHaveCount(0);
});

test('capture problems are shown in plain words', async ({ openExtensionPage }) => {
  const popup = await ready(await openExtensionPage(POPUP));
  await popup.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('image-vault');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const tx = db.transaction('kv', 'readwrite');
    tx.objectStore('kv').put(
      {
        kind: 'selectors',
        message: "ChatGPT's page changed: images are no longer recognised",
        pageUrl: 'https://chatgpt.com/c/x',
        at: Date.now(),
      },
      'pageProblem',
    );
    await new Promise((res) => {
      tx.oncomplete = res;
    });
    db.close();
  });
  await popup.reload();
  await ready(popup);
  await expect(popup.getByTestId('capture-problems')).toContainText('images are no longer recognised');
});

test('a ChatGPT tab the content script could not reach is named: reload it to start saving', async ({
  page,
  sim,
  openExtensionPage,
}) => {
  await sim.open(page, sim.conversation());
  const popup = await ready(await openExtensionPage(POPUP));
  await expect(popup.getByTestId('reload-notice')).toHaveCount(0);
  // What the install-time injection records when it fails (kv `injectFailedTabs`), for this open tab.
  await popup.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ url: 'https://chatgpt.com/*' });
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('image-vault');
      r.onsuccess = () => resolve(r.result);
    });
    const tx = db.transaction('kv', 'readwrite');
    tx.objectStore('kv').put([tab!.id, 999_999], 'injectFailedTabs');
    await new Promise((r) => (tx.oncomplete = r));
    db.close();
  });
  await popup.reload();
  // The closed tab (999999) does not count.
  await expect((await ready(popup)).getByTestId('reload-notice')).toContainText(
    'Reload your ChatGPT tab to start saving images.',
  );
});
