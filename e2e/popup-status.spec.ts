/**
 * The popup at any size (issue 13 §2, §7): a real status at 20,000 images, a background that
 * does not answer is retried and then said (with a switch that agrees), Export all off when
 * there is nothing to export, Open ChatGPT and Open gallery reuse an open tab, and axe finds
 * nothing in light and dark, with and without a notice.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { axeViolations } from './support/axe';
import { seedImages, seedSynthetic, syntheticRecords } from './support/seed';

const POPUP = 'src/popup/index.html';
const GALLERY = 'src/gallery/index.html';

async function ready(page: Page): Promise<Page> {
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  return page;
}

/** The URL of the active tab, as the browser has it. */
const activeTabUrl = (worker: Worker) =>
  worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.url);

/** The open tabs whose URL starts with `prefix`. */
const tabsAt = (context: BrowserContext, prefix: string) =>
  context.pages().filter((p) => p.url().startsWith(prefix));

test('20,000 images: the total with separators and a real status, the switch agreeing with its label', async ({
  openExtensionPage,
}) => {
  test.setTimeout(240_000);
  const seeder = await ready(await openExtensionPage(GALLERY));
  await seedSynthetic(seeder, 20_000, { exact: false, variants: 8, originalSize: 64, announce: false });
  await seeder.close();
  const popup = await ready(await openExtensionPage(POPUP));
  await expect(popup.getByTestId('capture-count')).toHaveText('20,000');
  await expect(popup.getByTestId('capture-label')).toHaveText('Capturing');
  const toggle = popup.getByTestId('pause-toggle');
  await expect(toggle).toBeChecked();
  await expect(toggle).toBeEnabled();
  await expect(popup.getByTestId('status-unanswered')).toHaveCount(0);
  await expect(popup.getByTestId('capture-notice')).toHaveCount(0);
  await expect(popup.getByTestId('export-all')).toBeEnabled();
  const readyMs = await popup.evaluate(() => performance.getEntriesByName('vault:popup-ready')[0]!.startTime);
  console.log(`popup ready at 20,000 images: ${Math.round(readyMs)} ms`);
});

test('a background that does not answer is asked again, then said, with a switch that does not pretend; Try again recovers', async ({
  context,
  openExtensionPage,
}) => {
  // The test hook: this page's getStatus messages go unanswered while `__hangStatus` is set.
  await context.addInitScript(() => {
    const w = window as unknown as { __hangStatus?: boolean; __asked?: number };
    w.__hangStatus = true;
    w.__asked = 0;
    const runtime = (
      globalThis as unknown as { chrome?: { runtime?: { sendMessage: (...a: unknown[]) => unknown } } }
    ).chrome?.runtime;
    if (!runtime?.sendMessage) return;
    const real = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = (...args: unknown[]) => {
      const m = args[0] as { type?: string };
      if (m?.type === 'getStatus') {
        w.__asked = (w.__asked ?? 0) + 1;
        if (w.__hangStatus) return new Promise(() => {});
      }
      return real(...args);
    };
  });
  const popup = await openExtensionPage(POPUP);
  const toggle = popup.getByTestId('pause-toggle');
  const label = popup.getByTestId('capture-label');
  // While it asks: "Checking…", and the switch is neither on nor usable.
  await expect(label).toHaveText('Checking…');
  await expect(toggle).toBeDisabled();
  expect(await toggle.evaluate((el) => (el as HTMLInputElement).indeterminate)).toBe(true);
  await expect(label).toHaveText('Status unknown', { timeout: 15_000 });
  await ready(popup);
  expect(await popup.evaluate(() => (window as unknown as { __asked: number }).__asked)).toBe(3);
  await expect(toggle).toBeDisabled();
  await expect(toggle).not.toBeChecked();
  const unanswered = popup.getByTestId('status-unanswered');
  await expect(unanswered).toContainText(
    'Capture status is unknown: the extension’s background did not answer.',
  );
  await expect(popup.getByTestId('empty-state')).toBeHidden();

  await popup.evaluate(() => {
    (window as unknown as { __hangStatus: boolean }).__hangStatus = false;
  });
  await popup.getByTestId('status-try-again').click();
  await expect(label).toHaveText('Capturing');
  await expect(toggle).toBeChecked();
  await expect(toggle).toBeEnabled();
  await expect(popup.getByTestId('capture-notice')).toHaveCount(0);
  await expect(popup.getByTestId('empty-state')).toBeVisible();
});

test('Export all is off while the vault is empty and on once it holds an image', async ({
  openExtensionPage,
}) => {
  const popup = await ready(await openExtensionPage(POPUP));
  await expect(popup.getByTestId('capture-count')).toHaveText('0');
  await expect(popup.getByTestId('export-all')).toBeDisabled();
  await seedImages(popup, syntheticRecords(1));
  await expect(popup.getByTestId('capture-count')).toHaveText('1');
  await expect(popup.getByTestId('export-all')).toBeEnabled();
});

test('Open ChatGPT opens chatgpt.com when no ChatGPT tab is open', async ({
  context,
  serviceWorker,
  openExtensionPage,
}) => {
  const popup = await ready(await openExtensionPage(POPUP));
  const opened = context.waitForEvent('page');
  await popup.getByTestId('open-chatgpt').click();
  await opened;
  // Read as the browser has it (the tab's own document may still be loading).
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () =>
        (await chrome.tabs.query({ url: 'https://chatgpt.com/*' })).map((t) => t.url ?? t.pendingUrl),
      ),
    )
    .toEqual(['https://chatgpt.com/']);
});

test('Open ChatGPT focuses the ChatGPT tab already open instead of opening another', async ({
  context,
  page,
  sim,
  serviceWorker,
  openExtensionPage,
}) => {
  await sim.open(page, sim.conversation().user('hello').assistant('hi'));
  const chatUrl = page.url();
  const popup = await ready(await openExtensionPage(POPUP));
  expect(await activeTabUrl(serviceWorker)).toBe(popup.url());
  await popup.getByTestId('open-chatgpt').click();
  await expect.poll(() => activeTabUrl(serviceWorker)).toBe(chatUrl);
  expect(tabsAt(context, 'https://chatgpt.com/')).toHaveLength(1);
});

test('Open gallery twice leaves one gallery tab; a deep link reaches the open tab', async ({
  context,
  extensionId,
  serviceWorker,
  openExtensionPage,
}) => {
  const seeder = await ready(await openExtensionPage(POPUP));
  const recs = syntheticRecords(3);
  await seedImages(seeder, recs);
  await seeder.close();
  const galleryUrl = `chrome-extension://${extensionId}/${GALLERY}`;
  let popup = await ready(await openExtensionPage(POPUP));
  const [gallery] = await Promise.all([
    context.waitForEvent('page'),
    popup.getByTestId('open-gallery').click(),
  ]);
  await ready(gallery);
  popup = await ready(await openExtensionPage(POPUP));
  expect(await activeTabUrl(serviceWorker)).toBe(popup.url());
  await popup.getByTestId('open-gallery').click();
  await expect.poll(() => activeTabUrl(serviceWorker)).toBe(galleryUrl);
  expect(tabsAt(context, galleryUrl)).toHaveLength(1);

  // A thumbnail's deep link (#img=…) opens its lightbox in the same tab.
  popup = await ready(await openExtensionPage(POPUP));
  await popup.getByTestId('popup-item').nth(1).click();
  await expect(gallery.getByTestId('lightbox')).toBeVisible();
  await expect(gallery.getByTestId('lightbox-prompt')).toHaveText(recs[1]!.prompt);
  expect(tabsAt(context, galleryUrl)).toHaveLength(1);
});

test('the latest captures show their prompt and capture time on hover and on keyboard focus', async ({
  openExtensionPage,
}) => {
  const seeder = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(3);
  await seedImages(seeder, recs);
  const popup = await ready(await openExtensionPage(POPUP));
  const caption = popup.getByTestId('latest-caption');
  const items = popup.getByTestId('popup-item');
  await items.nth(2).hover();
  await expect(caption).toContainText(recs[2]!.title ?? recs[2]!.prompt);
  await expect(caption).toContainText('Saved');
  await expect(caption).toBeVisible();
  await popup.mouse.move(0, 0);
  await items.nth(1).focus();
  await expect(caption).toHaveAttribute('data-image-id', recs[1]!.id);
  await expect(caption).toContainText(recs[1]!.title ?? recs[1]!.prompt);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: no violations in ${scheme}, with and without a notice`, async ({ openExtensionPage }) => {
    const seeder = await ready(await openExtensionPage(GALLERY));
    await seedImages(seeder, syntheticRecords(5));
    const popup = await openExtensionPage(POPUP);
    await popup.emulateMedia({ colorScheme: scheme });
    await ready(popup);
    await expect(popup.getByTestId('capture-label')).toHaveText('Capturing');
    expect(await axeViolations(popup)).toEqual([]);
    // A problem and a pause: the notice with its actions.
    await popup.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('image-vault');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const tx = db.transaction('kv', 'readwrite');
      tx.objectStore('kv').put(
        { kind: 'selectors', message: "ChatGPT's page changed", pageUrl: 'https://chatgpt.com/c/x', at: 1 },
        'pageProblem',
      );
      await new Promise((r) => {
        tx.oncomplete = r;
      });
      db.close();
    });
    await popup.getByTestId('pause-toggle').click();
    await expect(popup.getByTestId('capture-problems')).toContainText('check for an Image Vault update');
    await expect(popup.getByTestId('reload-chatgpt')).toBeVisible();
    await expect(popup.getByTestId('paused-notice')).toBeVisible();
    expect(await axeViolations(popup)).toEqual([]);
  });
}
