/**
 * The settings page (issue 12 §3): every change is saved at once after validation, a refused
 * value shows its problem and leaves storage.local as it was, and the settings that have an
 * engine act on it: the badge, the thumbnail size, library sync. Opened from the popup and
 * the gallery.
 */
import type { Page } from '@playwright/test';
import type { Settings } from '../src/settings/schema';
import { expect, test } from './harness/fixtures';
import { vaultWith } from './support/capture';
import { libraryRequests, phoneConversation } from './support/library';

const SETTINGS = 'src/settings/index.html';
const DEFAULT_PATTERN = 'Image Vault/{yyyy}-{mm}/{conversation}/{title}_{fileid}.{ext}';

async function ready(page: Page): Promise<Page> {
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  return page;
}

/** What storage.local holds under `settings` (undefined before the first save). */
function stored(page: Page): Promise<Settings | undefined> {
  return page.evaluate(
    async () => (await chrome.storage.local.get('settings')).settings as Settings | undefined,
  );
}

test('the mirror switch and its pattern: a refused pattern shows why and is not stored; a valid one is', async ({
  openExtensionPage,
}) => {
  const page = await ready(await openExtensionPage(SETTINGS));
  const mirror = page.getByTestId('settings-mirror');
  const field = page.getByTestId('settings-mirror-pattern');
  const problem = page.getByTestId('settings-mirror-pattern-problem');
  await expect(mirror).not.toBeChecked();
  await expect(field).toHaveValue(DEFAULT_PATTERN);
  await expect(page.getByTestId('settings-mirror-ask-note')).toBeHidden();

  await mirror.check();
  await expect.poll(async () => (await stored(page))?.mirror.enabled).toBe(true);
  await expect(page.getByTestId('settings-status')).toHaveText('Saved');
  await expect(page.getByTestId('settings-mirror-ask-note')).toBeVisible();

  await field.fill('My images/{title}.{ext}');
  await expect(problem).toHaveText(
    'The pattern must contain {fileid}, so that two images never share a name.',
  );
  await field.fill('../outside/{fileid}.{ext}');
  await expect(problem).toHaveText('The pattern may not contain “.” or “..” folders.');
  await field.fill('My images/{author}/{fileid}.{ext}');
  await expect(problem).toContainText('Unknown token {author}');
  await expect(page.getByTestId('settings-mirror-example')).toHaveText('—');
  // Nothing refused reached storage: the mirror is on, with the pattern it had.
  expect((await stored(page))?.mirror).toEqual({
    enabled: true,
    pattern: DEFAULT_PATTERN,
    sidecars: ['xmp', 'json'],
  });

  await field.fill('My images/{yyyy}/{title}_{fileid}.{ext}');
  await expect(problem).toBeHidden();
  await expect(page.getByTestId('settings-mirror-example')).toHaveText(
    'Downloads/My images/2026/Croissant logo_file_00000000a1b2c3d4.png',
  );
  await expect
    .poll(async () => (await stored(page))?.mirror.pattern)
    .toBe('My images/{yyyy}/{title}_{fileid}.{ext}');
  await page.getByTestId('settings-sidecar-xmp').uncheck();
  await expect.poll(async () => (await stored(page))?.mirror.sidecars).toEqual(['json']);

  // Kept: a fresh settings page shows what was saved.
  const again = await ready(await openExtensionPage(SETTINGS));
  await expect(again.getByTestId('settings-mirror')).toBeChecked();
  await expect(again.getByTestId('settings-mirror-pattern')).toHaveValue(
    'My images/{yyyy}/{title}_{fileid}.{ext}',
  );
  await expect(again.getByTestId('settings-sidecar-xmp')).not.toBeChecked();
  // The manifest's shortcuts, as the browser reports them.
  const keys = again.getByTestId('settings-shortcuts');
  await expect(keys.locator('dd[data-command="open-gallery"]')).toHaveText('Alt+Shift+G');
  await expect(keys.locator('dd[data-command="toggle-capture"]')).toHaveText('Alt+Shift+K');
  await expect(keys).toContainText('Pause or resume capture');
});

test('badge "Nothing" keeps the badge empty; thumbnail size applies to the next capture', async ({
  context,
  sim,
  readVault,
  openExtensionPage,
}) => {
  const settings = await ready(await openExtensionPage(SETTINGS));
  const badge = () => settings.evaluate(() => chrome.action.getBadgeText({}));
  await settings.getByTestId('settings-thumb-size').selectOption('384');
  await expect.poll(async () => (await stored(settings))?.thumbnail.size).toBe(384);

  const capture = async (n: number) => {
    const page = await context.newPage();
    const conv = sim.conversation({ title: `Badge ${n}` });
    await sim.open(page, conv);
    const gen = await sim.generate(page, conv, {
      prompt: `A lighthouse, take ${n}`,
      gptImage: { title: `Lighthouse ${n}`, revisedPrompt: `A lighthouse at dusk, take ${n}` },
    });
    await gen.done;
    const vault = await vaultWith(readVault, n);
    await page.close();
    return { img: gen.images[0]!, vault };
  };
  const first = await capture(1);
  await expect.poll(badge).toBe('1');
  const thumb = first.vault.thumbs.find((t) => t.id === first.img.fileId)!;
  expect(Math.max(thumb.width, thumb.height)).toBe(384);

  await settings.locator('input[name="badge"][value="off"]').check();
  await expect.poll(badge).toBe('');
  await capture(2);
  expect(await badge()).toBe('');
  // A status change (pause, resume) leaves it empty too.
  const captureSwitch = settings.getByTestId('settings-capture');
  await captureSwitch.uncheck();
  await expect(captureSwitch).toBeEnabled();
  await expect(captureSwitch).not.toBeChecked();
  await captureSwitch.check();
  await expect(captureSwitch).toBeEnabled();
  await expect(captureSwitch).toBeChecked();
  expect(await badge()).toBe('');

  // Paused elsewhere (here: the popup's message), the settings page's switch follows.
  const popup = await ready(await openExtensionPage('src/popup/index.html'));
  await popup.getByTestId('pause-toggle').uncheck();
  await expect(captureSwitch).not.toBeChecked();
  await popup.getByTestId('pause-toggle').check();
  await expect(captureSwitch).toBeChecked();
  expect(await badge()).toBe('');

  // All images: the vault's count, at once.
  await settings.locator('input[name="badge"][value="total"]').check();
  await expect.poll(badge).toBe('2');
});

test('library sync off: a ChatGPT page load checks nothing; on again, it checks', async ({
  page,
  sim,
  readVault,
  openExtensionPage,
}) => {
  const settings = await ready(await openExtensionPage(SETTINGS));
  const phone = phoneConversation(sim, 'Phone kites');
  phone.user('A kite from my phone').gptImage({ title: 'Phone kite', revisedPrompt: 'A kite, photo' });
  await settings.getByTestId('settings-library-sync').uncheck();
  await expect.poll(async () => (await stored(settings))?.librarySync).toBe(false);

  // A page load (its health report is what starts a check) and then a whole capture from it:
  // a check, had one started, would have stamped its time long before the image is stored.
  const conv = sim.conversation({ title: 'Sync off' });
  await sim.open(page, conv);
  const gen = await sim.generate(page, conv, {
    prompt: 'A red kite',
    gptImage: { title: 'Red kite', revisedPrompt: 'A red kite, watercolour' },
  });
  await gen.done;
  const vault = await vaultWith(readVault, 1);
  expect(
    (vault.kv.librarySync as { lastCheckAt: number | null } | undefined)?.lastCheckAt ?? null,
  ).toBeNull();
  expect(libraryRequests(sim)).toEqual([]);

  await settings.getByTestId('settings-library-sync').check();
  await expect.poll(async () => (await stored(settings))?.librarySync).toBe(true);
  await sim.open(page, '/');
  await expect.poll(() => libraryRequests(sim).length, { timeout: 20_000 }).toBeGreaterThan(0);
});

test('the settings page opens from the popup and from the gallery', async ({
  context,
  openExtensionPage,
}) => {
  const popup = await openExtensionPage('src/popup/index.html');
  await expect(popup.locator('body[data-ready="true"]')).toBeAttached();
  const [fromPopup] = await Promise.all([
    context.waitForEvent('page'),
    popup.getByTestId('open-settings').click(),
  ]);
  await ready(fromPopup);
  expect(new URL(fromPopup.url()).pathname).toBe(`/${SETTINGS}`);
  await fromPopup.close();

  const gallery = await openExtensionPage('src/gallery/index.html');
  await expect(gallery.locator('body[data-ready="true"]')).toBeAttached();
  const [fromGallery] = await Promise.all([
    context.waitForEvent('page'),
    gallery.getByTestId('settings-button').click(),
  ]);
  await ready(fromGallery);
  expect(new URL(fromGallery.url()).pathname).toBe(`/${SETTINGS}`);
});

test('the library check schedule is stored, and can be chosen only while library sync is on', async ({
  openExtensionPage,
}) => {
  const page = await ready(await openExtensionPage(SETTINGS));
  const every = page.getByTestId('settings-sync-every');
  await expect(every).toHaveValue('15');
  await every.selectOption('60');
  await expect.poll(async () => (await stored(page))?.librarySyncEvery).toBe(60);
  await page.getByTestId('settings-library-sync').uncheck();
  await expect(every).toBeDisabled();
  await expect.poll(async () => (await stored(page))?.librarySync).toBe(false);
  expect((await stored(page))?.librarySyncEvery).toBe(60);
  await page.reload();
  await ready(page);
  await expect(page.getByTestId('settings-sync-every')).toHaveValue('60');
});
