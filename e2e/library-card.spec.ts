/**
 * The library card (issue 9 §3) in the built popup and gallery, without the library engine:
 * a test double in the page answers `libraryStatus` / `libraryBackfill` with given statuses
 * (e2e/support/library-double.ts). Covered: the words, the hooks, the buttons' messages, the
 * confirm before Cancel, the refresh on `status-changed` and the polling while a job runs.
 * Not covered here: the background's answers (the engine's own e2e specs cover those).
 * Each state is also photographed (LIBRARY_SHOTS=1 writes them into docs/screenshots).
 */
import { copyFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { installLibraryDouble, job, library, libraryDouble, setLibrary } from './support/library-double';

const POPUP = 'src/popup/index.html';
const GALLERY = 'src/gallery/index.html';
const PAGES = [
  ['popup', POPUP],
  ['gallery', GALLERY],
] as const;
// Decimal units, as the UI shows sizes (ui/format.ts formatBytes).
const GB = 1e9;
const MB = 1e6;

async function ready(page: Page): Promise<Page> {
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  return page;
}

/** A screenshot of the card's page: the popup's body (360 px), the gallery's top. */
async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const file = info.outputPath(`${name}.png`);
  const popup = page.url().includes('/popup/');
  if (popup) await page.locator('body').screenshot({ path: file, animations: 'disabled' });
  else
    await page.screenshot({
      path: file,
      clip: { x: 0, y: 0, width: 1100, height: 340 },
      animations: 'disabled',
    });
  if (process.env.LIBRARY_SHOTS) copyFileSync(file, `docs/screenshots/library-${name}.png`);
}

const card = (page: Page) => page.getByTestId('library-backfill');
const progress = (page: Page) => page.getByTestId('library-progress');

for (const [name, path] of PAGES) {
  test.describe(name, () => {
    test.use({ viewport: name === 'popup' ? { width: 360, height: 600 } : { width: 1100, height: 700 } });

    test('the backlog offer: count, size, one button that starts the backfill', async ({
      context,
      openExtensionPage,
    }, info) => {
      await installLibraryDouble(context, library({ backlog: 1234, backlogBytes: 2.3 * GB }));
      const page = await ready(await openExtensionPage(path));
      await expect(card(page)).toHaveAttribute('data-count', '1234');
      await expect(card(page)).toContainText(
        'Your ChatGPT library has 1,234 images that are not in the vault',
      );
      await expect(card(page)).toContainText('About 2.3 GB');
      await expect(page.getByTestId('library-backfill-start')).toHaveText('Save them');
      await expect(card(page).getByRole('button')).toHaveCount(1);
      await expect(progress(page)).toHaveCount(0);
      await shot(page, info, `offer-${name}`);

      const running = library({
        backlog: 1234,
        backlogBytes: 2.3 * GB,
        backfill: job({ state: 'running', total: 1234 }),
      });
      await setLibrary(page, library({ backlog: 1234, backlogBytes: 2.3 * GB }), {
        after: { start: running },
        announce: false,
      });
      await page.getByTestId('library-backfill-start').click();
      await expect(progress(page)).toHaveAttribute('data-state', 'running');
      expect((await libraryDouble(page)).sent).toEqual([
        { type: 'libraryBackfill', payload: { action: 'start' } },
      ]);
      await expect(page.getByTestId('library-backfill-start')).toHaveCount(0);
      await expect(page.getByTestId('library-announce')).toHaveText('Saving your ChatGPT library.');
    });

    test('running, then paused and resumed: progress, bytes, ETA and the right actions', async ({
      context,
      openExtensionPage,
    }, info) => {
      const running = library({
        backlog: 1114,
        backfill: job({ state: 'running', done: 120, total: 1234, bytes: 310 * MB, etaMs: 12 * 60_000 }),
      });
      await installLibraryDouble(context, running);
      const page = await ready(await openExtensionPage(path));
      const p = progress(page);
      await expect(p).toHaveAttribute('data-state', 'running');
      await expect(p).toHaveAttribute('data-done', '120');
      await expect(p).toHaveAttribute('data-total', '1234');
      await expect(card(page)).toHaveAttribute('data-count', '1114');
      await expect(p).toContainText('120 of 1,234 images · 310 MB · about 12 min left');
      const bar = page.getByRole('progressbar');
      await expect(bar).toHaveAttribute('aria-valuenow', '120');
      await expect(bar).toHaveAttribute('aria-valuemax', '1234');
      await expect(bar).toHaveAttribute('aria-valuetext', '120 of 1,234 images');
      await expect(page.getByTestId('library-resume')).toHaveCount(0);
      await shot(page, info, `running-${name}`);

      const paused = library({ ...running, backfill: { ...running.backfill, state: 'paused', etaMs: null } });
      await setLibrary(page, running, { after: { pause: paused, resume: running }, announce: false });
      await page.getByTestId('library-pause').click();
      await expect(p).toHaveAttribute('data-state', 'paused');
      await expect(p).toContainText('Paused');
      await expect(page.getByTestId('library-pause')).toHaveCount(0);
      await expect(page.getByTestId('library-announce')).toHaveText('Saving your ChatGPT library is paused.');
      await shot(page, info, `paused-${name}`);
      await page.getByTestId('library-resume').click();
      await expect(p).toHaveAttribute('data-state', 'running');
      expect((await libraryDouble(page)).sent.map((m) => m.payload.action)).toEqual(['pause', 'resume']);
    });

    test('rate-limited: waits with the local time it resumes at', async ({
      context,
      openExtensionPage,
    }, info) => {
      const until = Date.now() + 4 * 60_000;
      await installLibraryDouble(
        context,
        library({
          backlog: 900,
          backfill: job({ state: 'waiting', done: 334, total: 1234, bytes: 900 * MB, waitingUntil: until }),
        }),
      );
      const page = await ready(await openExtensionPage(path));
      await expect(progress(page)).toHaveAttribute('data-state', 'waiting');
      const hhmm = await page.evaluate(
        (t) => new Date(t).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }),
        until,
      );
      await expect(page.getByTestId('library-headline')).toHaveText(
        `Waiting: ChatGPT asks us to slow down, resuming at ${hhmm}`,
      );
      await expect(page.getByTestId('library-pause')).toBeVisible();
      await shot(page, info, `waiting-${name}`);
    });

    test('Cancel asks first; only a confirmed cancel is sent', async ({ context, openExtensionPage }) => {
      const running = library({ backlog: 10, backfill: job({ state: 'running', done: 2, total: 12 }) });
      await installLibraryDouble(context, running);
      const page = await ready(await openExtensionPage(path));
      await setLibrary(page, running, { after: { cancel: library({ backlog: 10 }) }, announce: false });
      await page.getByTestId('library-cancel').click();
      await expect(page.getByTestId('confirm-dialog')).toContainText('Stop saving your ChatGPT library?');
      await page.getByTestId('confirm-cancel').click();
      await expect(page.getByTestId('library-cancel')).toBeEnabled();
      expect((await libraryDouble(page)).sent).toEqual([]);
      await page.getByTestId('library-cancel').click();
      await page.getByTestId('confirm-ok').click();
      await expect(progress(page)).toHaveCount(0);
      await expect(page.getByTestId('library-backfill-start')).toBeVisible();
      expect((await libraryDouble(page)).sent.map((m) => m.payload.action)).toEqual(['cancel']);
    });

    test('failed, done, prompts line and format problems, in plain words', async ({
      context,
      openExtensionPage,
    }, info) => {
      await installLibraryDouble(
        context,
        library({
          backlog: 1200,
          backfill: job({
            state: 'failed',
            done: 34,
            total: 1234,
            bytes: 80 * MB,
            error: 'you are signed out of ChatGPT',
          }),
          invalidItems: 3,
          problem: 'Sign in to ChatGPT in this browser, then press Try again.',
        }),
      );
      const page = await ready(await openExtensionPage(path));
      await expect(progress(page)).toHaveAttribute('data-state', 'failed');
      await expect(page.getByTestId('library-headline')).toHaveText(
        'Saving your ChatGPT library stopped: you are signed out of ChatGPT',
      );
      await expect(page.getByTestId('library-invalid')).toHaveText(
        '3 library items were not understood — ChatGPT may have changed its format.',
      );
      await expect(page.getByTestId('library-problem')).toHaveText(
        'Sign in to ChatGPT in this browser, then press Try again.',
      );
      await shot(page, info, `failed-${name}`);
      await page.getByTestId('library-retry').click();
      expect((await libraryDouble(page)).sent.map((m) => m.payload.action)).toEqual(['start']);

      await setLibrary(
        page,
        library({
          backlog: 0,
          backfill: job({ state: 'done', done: 1234, total: 1234, bytes: 2.3 * GB }),
          prompts: job({ state: 'running', done: 812, total: 1234 }),
        }),
      );
      await expect(progress(page)).toHaveAttribute('data-state', 'done');
      await expect(page.getByTestId('library-headline')).toHaveText(
        'Saved 1,234 images from your ChatGPT library',
      );
      await expect(page.getByTestId('library-prompts')).toHaveText('Prompts: 812 of 1,234');
      await expect(page.getByTestId('library-invalid')).toHaveCount(0);
      // Done stays until dismissed: the one button.
      await expect(card(page).getByRole('button')).toHaveCount(1);
      await expect(page.getByTestId('library-dismiss')).toHaveText('Dismiss');
      await shot(page, info, `done-${name}`);
    });
  });
}

test('hidden while the backlog is unknown or empty; appears on status-changed and follows a running job by polling', async ({
  context,
  openExtensionPage,
}) => {
  await installLibraryDouble(context, library());
  const page = await ready(await openExtensionPage(POPUP));
  await expect.poll(async () => (await libraryDouble(page)).asked).toBeGreaterThan(0);
  await expect(card(page)).toHaveCount(0);
  await setLibrary(page, library({ backlog: 0 }));
  await expect.poll(async () => (await libraryDouble(page)).asked).toBeGreaterThan(1);
  await expect(card(page)).toHaveCount(0);

  // A job whose backlog is not counted yet: the card shows without data-count.
  await setLibrary(page, library({ backfill: job({ state: 'running', done: 1, total: 5 }) }));
  await expect(progress(page)).toHaveAttribute('data-done', '1');
  await expect(card(page)).not.toHaveAttribute('data-count', /.*/);
  // No announcement this time: the card polls while the job runs.
  await setLibrary(page, library({ backfill: job({ state: 'running', done: 4, total: 5 }) }), {
    announce: false,
  });
  await expect(progress(page)).toHaveAttribute('data-done', '4');
  await setLibrary(page, library({ backlog: 1 }));
  await expect(card(page)).toContainText('Your ChatGPT library has 1 image that is not in the vault');
});

test('dark mode', async ({ context, openExtensionPage, page: _ }, info) => {
  await installLibraryDouble(
    context,
    library({
      backlog: 1114,
      backfill: job({ state: 'running', done: 120, total: 1234, bytes: 310 * MB, etaMs: 12 * 60_000 }),
      prompts: job({ state: 'running', done: 80, total: 120 }),
      invalidItems: 1,
    }),
  );
  for (const [name, path] of PAGES) {
    const page = await openExtensionPage(path);
    await page.emulateMedia({ colorScheme: 'dark' });
    if (name === 'popup') await page.setViewportSize({ width: 360, height: 600 });
    else await page.setViewportSize({ width: 1100, height: 700 });
    await ready(page);
    await expect(page.getByTestId('library-invalid')).toHaveText(
      '1 library item was not understood — ChatGPT may have changed its format.',
    );
    const bg = await card(page).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe('rgb(255, 255, 255)');
    await shot(page, info, `dark-${name}`);
  }
});
