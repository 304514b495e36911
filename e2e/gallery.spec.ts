/**
 * The gallery over seeded data (e2e/support/seed.ts): what a user sees and does.
 * Capture through the ChatGPT simulator is covered at the end of this file.
 */
import type { Page } from '@playwright/test';
import type { ImageRecord } from '../src/core/types';
import { expect, test } from './harness/fixtures';
import { seedImages, syntheticRecord, syntheticRecords } from './support/seed';

const GALLERY = 'src/gallery/index.html';

async function ready(page: Page): Promise<Page> {
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  return page;
}

const item = (page: Page, id: string) => page.locator(`[data-testid="gallery-item"][data-image-id="${id}"]`);
/** Ids of the mounted tiles in view order (DOM order is mount order: tiles are reused by id). */
const shownIds = (page: Page) =>
  page.getByTestId('gallery-item').evaluateAll((els) =>
    els
      .map((e) => ({ id: (e as HTMLElement).dataset.imageId!, at: Number(e.getAttribute('aria-posinset')) }))
      .sort((a, b) => a.at - b.at)
      .map((e) => e.id),
  );

async function openLightbox(page: Page, id: string): Promise<void> {
  await item(page, id).locator('.tile-btn').click();
  await expect(page.getByTestId('lightbox')).toBeVisible();
}

test('an empty vault tells a new user what to do', async ({ openExtensionPage }) => {
  const page = await ready(await openExtensionPage(GALLERY));
  await expect(page.getByTestId('gallery-count')).toHaveText('0');
  await expect(page.getByTestId('empty-state')).toContainText('Open ChatGPT');
  await expect(page.getByTestId('gallery-item')).toHaveCount(0);
});

test('seeded images appear newest first, live, without a reload', async ({ openExtensionPage }) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(12);
  await seedImages(page, recs);
  await expect(page.getByTestId('gallery-count')).toHaveText('12');
  await expect(page.getByTestId('empty-state')).toHaveCount(0);
  expect((await shownIds(page)).slice(0, 3)).toEqual(recs.slice(0, 3).map((r) => r.id));
  // The tile's button is named by its visible caption (then date and model); the thumbnail's
  // alt stays empty so that it does not repeat the caption (axe image-redundant-alt).
  const words = recs[0]!.title ?? recs[0]!.prompt;
  await expect(item(page, recs[0]!.id).locator('.tile-btn')).toHaveAccessibleName(
    new RegExp(`^${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `),
  );
  await expect(item(page, recs[0]!.id).locator('img')).toHaveAttribute('alt', '');
  // Every thumbnail in view is painted from the vault.
  await expect
    .poll(() =>
      page
        .locator('.tile img[src^="blob:"]')
        .evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0)),
    )
    .toBe(true);
});

test('search finds an image by a word only in its revised prompt, and highlights it', async ({
  openExtensionPage,
}) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const target = syntheticRecord(3, {
    revisedPrompt: 'A quiet harbour at dawn, painted with Zanzibarite blue glaze.',
  });
  await seedImages(page, [...syntheticRecords(10).filter((r) => r.id !== target.id), target]);
  await expect(page.getByTestId('gallery-count')).toHaveText('10');
  expect(target.prompt.toLowerCase()).not.toContain('zanzibar');

  await page.getByTestId('search-input').pressSequentially('zanzíbar'); // accents and case do not matter
  await expect(page.getByTestId('gallery-count')).toHaveText('1');
  expect(await shownIds(page)).toEqual([target.id]);
  await expect(item(page, target.id).locator('mark')).toHaveText('Zanzibar');
  await expect.poll(() => new URL(page.url()).hash).toBe('#q=zanz%C3%ADbar'); // written once typing pauses

  await openLightbox(page, target.id);
  await expect(page.getByTestId('lightbox-revised-prompt').locator('mark')).toHaveText('Zanzibar');
  await page.keyboard.press('Escape');

  await page.getByTestId('search-input').fill('no such words anywhere');
  await expect(page.getByTestId('gallery-count')).toHaveText('0');
  await expect(page.getByTestId('empty-state')).toContainText('No images match');
  await page.getByTestId('search-input').fill('');
  await expect(page.getByTestId('gallery-count')).toHaveText('10');
});

test('filters and sort narrow the view, and the URL hash restores it', async ({ openExtensionPage }) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(16);
  await seedImages(page, recs);
  await expect(page.getByTestId('gallery-count')).toHaveText('16');
  const count = (f: (r: ImageRecord) => boolean) => String(recs.filter(f).length);

  await page.getByTestId('filter-model').selectOption('dalle3');
  await expect(page.getByTestId('gallery-count')).toHaveText(count((r) => r.model === 'dalle3'));
  await page.getByTestId('filter-model').selectOption('');

  await page.getByTestId('filter-favorites').check();
  await expect(page.getByTestId('gallery-count')).toHaveText(count((r) => r.favorite === 1));
  await page.getByTestId('filter-favorites').uncheck();

  const conv = recs[5]!.conversationId;
  await page.getByTestId('filter-conversation').selectOption(conv);
  await expect(page.getByTestId('gallery-count')).toHaveText(count((r) => r.conversationId === conv));
  await page.getByTestId('filter-conversation').selectOption('');

  // Date range on creation time (local days), inclusive.
  const day = (ms: number) =>
    new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  const from = day(recs[6]!.createdAt);
  await page.getByTestId('filter-from').fill(from);
  await expect(page.getByTestId('gallery-count')).toHaveText(count((r) => day(r.createdAt) >= from));
  await page.getByTestId('filter-from').fill('');
  await page.getByTestId('filter-to').fill(day(recs[15]!.createdAt));
  await expect(page.getByTestId('gallery-count')).toHaveText(
    count((r) => day(r.createdAt) <= day(recs[15]!.createdAt)),
  );
  await page.getByTestId('filter-to').fill('');

  await page.getByTestId('sort-select').selectOption('oldest');
  await page.getByTestId('filter-model').selectOption('gpt-image');
  const gpt = recs.filter((r) => r.model === 'gpt-image');
  await expect(page.getByTestId('gallery-count')).toHaveText(String(gpt.length));
  expect((await shownIds(page))[0]).toBe(gpt[gpt.length - 1]!.id);

  await page.reload();
  await ready(page);
  await expect(page.getByTestId('gallery-count')).toHaveText(String(gpt.length));
  await expect(page.getByTestId('filter-model')).toHaveValue('gpt-image');
  await expect(page.getByTestId('sort-select')).toHaveValue('oldest');
  expect((await shownIds(page))[0]).toBe(gpt[gpt.length - 1]!.id);
});

test('the lightbox shows both prompts and the copy buttons copy them', async ({
  context,
  openExtensionPage,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(6);
  await seedImages(page, recs);
  await openLightbox(page, recs[1]!.id);
  const lb = page.getByTestId('lightbox');
  await expect(lb.getByTestId('lightbox-prompt')).toHaveText(recs[1]!.prompt);
  await expect(lb.getByTestId('lightbox-revised-prompt')).toHaveText(recs[1]!.revisedPrompt);
  await expect(lb.getByTestId('lightbox-meta')).toContainText('512 × 512');
  await expect(lb.getByTestId('open-in-chatgpt')).toHaveAttribute('href', recs[1]!.conversationUrl);
  await expect(lb.getByTestId('download-original')).toHaveAttribute('href', /^blob:/);
  await expect(lb.getByTestId('download-original')).toHaveAttribute('download', /_[A-Za-z0-9]{8}\.png$/);
  await expect.poll(() => new URL(page.url()).hash).toBe(`#img=${recs[1]!.id}`);

  await lb.getByTestId('copy-prompt').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(recs[1]!.prompt);
  await lb.getByTestId('copy-revised-prompt').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(recs[1]!.revisedPrompt);

  await page.keyboard.press('ArrowRight');
  await expect(lb.getByTestId('lightbox-prompt')).toHaveText(recs[2]!.prompt);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(lb.getByTestId('lightbox-prompt')).toHaveText(recs[0]!.prompt);
  await page.keyboard.press('Escape');
  await expect(lb).toBeHidden();
  await expect.poll(() => new URL(page.url()).hash).toBe('');
});

test('delete removes the record and its bytes; undo restores them', async ({
  openExtensionPage,
  readVault,
}) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(5);
  await seedImages(page, recs);
  const id = recs[2]!.id;
  const before = await readVault();
  await openLightbox(page, id);
  await page.getByTestId('delete-button').click();
  // The lightbox moves on to the next image; the grid loses this one.
  await expect(page.getByTestId('lightbox-prompt')).toHaveText(recs[3]!.prompt);
  await expect(page.getByTestId('gallery-count')).toHaveText('4');
  await expect(item(page, id)).toHaveCount(0);
  let vault = await readVault();
  expect(vault.images.map((r) => r.id)).not.toContain(id);
  expect(vault.originals.map((o) => o.id)).not.toContain(id);
  expect(vault.thumbs.map((t) => t.id)).not.toContain(id);

  await page.getByTestId('undo-button').click();
  await expect(page.getByTestId('gallery-count')).toHaveText('5');
  vault = await readVault();
  expect(vault.sha256[id]).toBe(before.sha256[id]);
  expect(vault.thumbs.find((t) => t.id === id)?.sha256).toBe(before.thumbs.find((t) => t.id === id)?.sha256);
  expect(vault.images.find((r) => r.id === id)).toEqual(before.images.find((r) => r.id === id));
  expect(vault.trash).toEqual([]);

  // Without undo, the bytes are gone for good once the message goes.
  await page.keyboard.press('Escape');
  await openLightbox(page, id);
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('gallery-count')).toHaveText('4');
  await page.getByTestId('toast').getByRole('button', { name: 'Close message' }).click();
  await expect.poll(async () => (await readVault()).trash.length).toBe(0);
  vault = await readVault();
  expect(vault.images).toHaveLength(4);
  expect(vault.originals.map((o) => o.id)).not.toContain(id);
});

test('favourites survive a reload', async ({ openExtensionPage }) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(6).map((r) => ({ ...r, favorite: 0 as const }));
  await seedImages(page, recs);
  await openLightbox(page, recs[0]!.id);
  await page.getByTestId('favorite-toggle').click();
  await expect(page.getByTestId('favorite-toggle')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('f');
  await expect(page.getByTestId('favorite-toggle')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect.poll(() => new URL(page.url()).hash).toBe(''); // else the reload reopens the lightbox

  await page.reload();
  await ready(page);
  await page.getByTestId('filter-favorites').check();
  await expect(page.getByTestId('gallery-count')).toHaveText('2');
  expect(await shownIds(page)).toEqual([recs[0]!.id, recs[1]!.id]);
  await expect(item(page, recs[0]!.id)).toHaveAttribute('data-favorite', '1');
});

test('a record whose bytes are missing or corrupt shows a placeholder, not a broken grid', async ({
  openExtensionPage,
}) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(6);
  await seedImages(page, [
    { record: recs[0]! },
    { record: recs[1]!, original: 'missing', thumb: 'missing' },
    { record: recs[2]!, original: 'corrupt', thumb: 'corrupt' },
    { record: recs[3]!, original: 'missing' },
    { record: recs[4]!, thumb: 'corrupt' },
    { record: recs[5]! },
  ]);
  await expect(page.getByTestId('gallery-count')).toHaveText('6');
  await expect(item(page, recs[1]!.id)).toHaveAttribute('data-missing', 'true');
  await expect(item(page, recs[1]!.id)).toContainText('Image missing');
  await expect(item(page, recs[2]!.id)).toHaveAttribute('data-missing', 'true');
  await expect(item(page, recs[2]!.id)).toContainText('can’t be shown');
  // Thumbnail fine, original gone: the tile shows the thumbnail and says so.
  await expect(item(page, recs[3]!.id)).toHaveClass(/no-original/);
  // Thumbnail damaged, original fine: the tile falls back to the original.
  await expect(item(page, recs[4]!.id).locator('img')).toHaveJSProperty('complete', true);
  await expect(item(page, recs[4]!.id)).not.toHaveAttribute('data-missing', 'true');
  for (const ok of [recs[0]!, recs[5]!])
    await expect(item(page, ok.id)).not.toHaveAttribute('data-missing', 'true');

  await openLightbox(page, recs[1]!.id);
  await expect(page.getByTestId('lightbox-missing')).toHaveText('The original file is missing.');
  await expect(page.getByTestId('lightbox-prompt')).toHaveText(recs[1]!.prompt);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lightbox-missing')).toContainText('damaged');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lightbox-missing')).toContainText('Showing the thumbnail');
});

test('select several images, then favourite them and delete them after confirming', async ({
  openExtensionPage,
  readVault,
}) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(8).map((r) => ({ ...r, favorite: 0 as const }));
  await seedImages(page, recs);
  await expect(page.getByTestId('gallery-count')).toHaveText('8');
  await item(page, recs[0]!.id)
    .locator('.tile-btn')
    .click({ modifiers: ['ControlOrMeta'] });
  await item(page, recs[1]!.id)
    .locator('.tile-btn')
    .click({ modifiers: ['ControlOrMeta'] });
  await item(page, recs[4]!.id)
    .locator('.tile-btn')
    .click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-count')).toHaveText('5 images selected');
  await expect(page.getByTestId('lightbox')).toBeHidden();

  await page.getByTestId('bulk-favorite').click();
  for (const r of recs.slice(0, 5)) await expect(item(page, r.id)).toHaveAttribute('data-favorite', '1');
  await expect(item(page, recs[5]!.id)).toHaveAttribute('data-favorite', '0');

  await page.getByTestId('bulk-delete').click();
  await page.getByTestId('confirm-cancel').click();
  await expect(page.getByTestId('gallery-count')).toHaveText('8');
  await page.getByTestId('bulk-delete').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('Delete 5 images?');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('gallery-count')).toHaveText('3');
  await expect(page.getByTestId('selection-bar')).toBeHidden();
  const vault = await readVault();
  expect(vault.images.map((r) => r.id).sort()).toEqual(
    recs
      .slice(5)
      .map((r) => r.id)
      .sort(),
  );
  expect(vault.originals).toHaveLength(3);
});

test('the grid and lightbox work from the keyboard', async ({ openExtensionPage }) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(10);
  await seedImages(page, recs);
  await expect(page.getByTestId('gallery-count')).toHaveText('10');
  await page.keyboard.press('/');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await item(page, recs[0]!.id).locator('.tile-btn').focus();
  await page.keyboard.press('ArrowRight');
  await expect(item(page, recs[1]!.id).locator('.tile-btn')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lightbox-prompt')).toHaveText(recs[1]!.prompt);
  await page.keyboard.press('Escape');
  await expect(item(page, recs[1]!.id).locator('.tile-btn')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('selection-count')).toHaveText('1 image selected');
});

test('the lightbox links an edit to the image it came from and back', async ({ openExtensionPage }) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(8);
  const child = recs.find((r) => r.parentGenId)!;
  const parent = recs.find((r) => r.genId === child.parentGenId)!;
  await seedImages(page, recs);
  await openLightbox(page, child.id);
  const link = page.locator(`[data-testid="lineage-item"][data-image-id="${parent.id}"]`);
  await link.click();
  await expect(page.getByTestId('lightbox-prompt')).toHaveText(parent.prompt);
  await page.locator(`[data-testid="lineage-item"][data-image-id="${child.id}"]`).click();
  await expect(page.getByTestId('lightbox-prompt')).toHaveText(child.prompt);
});

test('the storage panel shows bytes held, quota and persistence', async ({ openExtensionPage }) => {
  const page = await ready(await openExtensionPage(GALLERY));
  await seedImages(page, syntheticRecords(3));
  await page.getByTestId('storage-button').click();
  const panel = page.getByTestId('storage-panel');
  await expect(panel.getByTestId('storage-images')).toHaveText('3');
  await expect(panel.getByTestId('storage-originals')).toHaveText(/\d+(\.\d)? (kB|MB)/);
  await expect(panel.getByTestId('storage-thumbs')).toHaveText(/\d+(\.\d)? (byte|kB)/);
  await expect(panel.getByTestId('storage-quota')).toHaveText(/\d+(\.\d)? (MB|GB|TB)/);
  await expect(panel.getByTestId('storage-persisted')).toHaveText(/^(yes|no)/);
});

test('only the tiles in view are mounted, even with thousands of images', async ({ openExtensionPage }) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(3000);
  await seedImages(page, recs, { exact: false, originalSize: 64 });
  await expect(page.getByTestId('gallery-count')).toHaveText('3,000');
  const mounted = () => page.getByTestId('gallery-item').count();
  expect(await mounted()).toBeLessThan(120);
  await page.getByTestId('gallery-grid').evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(item(page, recs[2999]!.id)).toBeVisible();
  expect(await mounted()).toBeLessThan(120);
  // Object URLs of tiles that left were revoked: no more live URLs than mounted images.
  const blobs = await page.locator('.tile img[src^="blob:"]').count();
  expect(blobs).toBeLessThanOrEqual(await mounted());
  await page.getByTestId('search-input').fill('lighthouse');
  await expect(page.getByTestId('gallery-count')).toHaveText(
    String(
      recs.filter((r) => /lighthouse/i.test(r.prompt + r.revisedPrompt + r.title + r.conversationTitle))
        .length,
    ),
  );
});

test('a paused capture is announced, and can be resumed from the gallery', async ({
  openExtensionPage,
  serviceWorker,
}) => {
  const page = await ready(await openExtensionPage(GALLERY));
  await serviceWorker.evaluate(() => chrome.storage.session.get()); // the worker is up
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'setPaused', payload: { paused: true } }));
  await expect(page.getByTestId('capture-notice')).toContainText('Capture is paused');
  await page.getByRole('button', { name: 'Resume capture' }).click();
  await expect(page.getByTestId('capture-notice')).toHaveCount(0);
});

test('export: ?action=export-all exports everything, a selection exports just that', async ({
  openExtensionPage,
}) => {
  const page = await ready(await openExtensionPage(`${GALLERY}?action=export-all`));
  await expect(page.getByTestId('export-dialog')).toContainText('Export all images');
  expect(new URL(page.url()).search).toBe(''); // a reload does not export again
  await page.getByTestId('export-cancel').click();
  await expect(page.getByTestId('export-dialog')).toHaveCount(0);

  const recs = syntheticRecords(4);
  await seedImages(page, recs);
  await expect(page.getByTestId('export-button')).toBeEnabled();
  await item(page, recs[0]!.id)
    .locator('.tile-btn')
    .click({ modifiers: ['ControlOrMeta'] });
  await item(page, recs[2]!.id)
    .locator('.tile-btn')
    .click({ modifiers: ['ControlOrMeta'] });
  await page.getByTestId('bulk-export').click();
  await expect(page.getByTestId('export-dialog')).toContainText('Export 2 selected images');
});

test('images captured from ChatGPT appear in the open gallery with their prompts', async ({
  page,
  sim,
  openExtensionPage,
}) => {
  const gallery = await ready(await openExtensionPage(GALLERY));
  const conv = sim.conversation({ title: 'Harbour studies' });
  await sim.open(page, conv);
  const gen = await sim.generate(page, conv, {
    prompt: 'Paint the harbour at dawn',
    gptImage: {
      title: 'Harbour at dawn',
      revisedPrompt: 'A calm harbour at dawn with moored fishing boats, soft pink mist',
    },
  });
  await gen.done;
  const img = gen.images[0]!;
  await expect(gallery.getByTestId('gallery-count')).toHaveText('1', { timeout: 20_000 });
  await expect(item(gallery, img.fileId)).toBeVisible();
  await gallery.getByTestId('search-input').fill('fishing boats');
  await expect(gallery.getByTestId('gallery-count')).toHaveText('1');
  await openLightbox(gallery, img.fileId);
  await expect(gallery.getByTestId('lightbox-prompt')).toHaveText('Paint the harbour at dawn');
  await expect(gallery.getByTestId('lightbox-revised-prompt')).toHaveText(img.revisedPrompt);
  await expect(gallery.getByTestId('open-in-chatgpt')).toHaveAttribute(
    'href',
    `https://chatgpt.com/c/${conv.id}`,
  );
});
