/**
 * The "saved" mark on chatgpt.com (issue 13 §1): a small check on each image once it is in the
 * vault, and only then; on a reopened conversation for what was saved before; never on an
 * image that is not saved; gone when the setting is off or the extension is removed; and
 * ChatGPT's image does not move or change size because of it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import type { SimImage } from './sim';
import { sendFrom, vaultWith } from './support/capture';

const SETTINGS = 'src/settings/index.html';
const LABEL = 'Saved in Image Vault';

const finalOf = (page: Page, img: SimImage) =>
  page.locator(`img[data-sim-role="final"][src*="${img.fileId}"]`);
const markOf = (page: Page, img: SimImage) => page.locator(`image-vault-mark[data-file-id="${img.fileId}"]`);

test('the mark shows on a live image once it is stored, never before, and moves nothing', async ({
  page,
  sim,
  readVault,
}) => {
  const conv = sim.conversation({ title: 'Marks' });
  await sim.open(page, conv);
  // The worker's download of this image's bytes is held: the image is seen but not stored.
  sim.fault('estuary', 'hang', { from: 'worker' });
  const gen = await sim.generate(page, conv, {
    prompt: 'A paper boat on a pond',
    gptImage: { title: 'Paper boat', revisedPrompt: 'A folded paper boat floating on a calm pond' },
  });
  await gen.done;
  const img = gen.images[0]!;
  await expect.poll(() => sim.hanging).toBe(1);
  const before = await finalOf(page, img).boundingBox();
  expect(before).not.toBeNull();
  expect((await readVault()).images).toEqual([]);
  await expect(page.locator('image-vault-mark')).toHaveCount(0);

  // Let it through: the held request fails, the retry stores the image, the mark follows.
  sim.releaseHung();
  await vaultWith(readVault, 1);
  const mark = markOf(page, img);
  await expect(mark).toHaveCount(1);
  await expect(page.getByRole('img', { name: LABEL })).toBeVisible();
  await expect(mark.locator('.badge')).toHaveAttribute('title', LABEL);
  expect(await finalOf(page, img).boundingBox()).toEqual(before);
  // The badge sits on the image's top-left corner, inside it.
  const badge = (await mark.locator('.badge').boundingBox())!;
  expect(badge.x).toBeGreaterThanOrEqual(before!.x);
  expect(badge.y).toBeGreaterThanOrEqual(before!.y);
  expect(badge.x + badge.width).toBeLessThan(before!.x + before!.width / 2);
  expect(badge.y + badge.height).toBeLessThan(before!.y + before!.height / 2);
});

test('a reopened conversation marks what was saved before, and not what was not', async ({
  page,
  sim,
  readVault,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage(SETTINGS);
  const saved = sim.conversation({ title: 'Saved earlier' });
  saved.user('a red kite').gptImage({ title: 'Red kite', revisedPrompt: 'A red kite in a blue sky' });
  await sim.open(page, saved);
  await vaultWith(readVault, 1);
  const kite = saved.images[0]!;
  await expect(markOf(page, kite)).toHaveCount(1);

  // Paused: an image seen now is not stored, and carries no mark.
  await sendFrom(ext, 'setPaused', { paused: true });
  const unsaved = sim.conversation({ title: 'Not saved' });
  unsaved.user('a green kite').gptImage({ title: 'Green kite', revisedPrompt: 'A green kite over hills' });
  await sim.navigate(page, unsaved);
  await expect.poll(async () => (await sendFrom(ext, 'getStatus')).pausedSkipped).toBe(1);
  await expect(finalOf(page, unsaved.images[0]!)).toBeVisible();
  await expect(page.locator('image-vault-mark')).toHaveCount(0);

  // Back to the first conversation (ChatGPT renders it anew): its image is marked again,
  // pause or not (the marks say what is safe).
  await sim.navigate(page, saved);
  await expect(markOf(page, kite)).toHaveCount(1);
  // And after a reload, from a fresh content script that asks the vault.
  await page.reload();
  await expect(markOf(page, kite)).toHaveCount(1);
  await expect(page.getByRole('img', { name: LABEL })).toHaveCount(1);
});

test('switching the setting off takes every mark down, and on brings them back', async ({
  page,
  sim,
  readVault,
  openExtensionPage,
}) => {
  const conv = sim.conversation({ title: 'Two kites' });
  conv.user('two kites').gptImage({ title: 'Kite one', revisedPrompt: 'kite one' });
  conv.user('another').gptImage({ title: 'Kite two', revisedPrompt: 'kite two' });
  await sim.open(page, conv);
  await vaultWith(readVault, 2);
  await expect(page.locator('image-vault-mark')).toHaveCount(2);

  const settings = await openExtensionPage(SETTINGS);
  const toggle = settings.getByTestId('settings-saved-mark');
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(page.locator('image-vault-mark')).toHaveCount(0);
  await toggle.check();
  await expect(page.locator('image-vault-mark')).toHaveCount(2);
});

test('removing the extension takes every mark down', async ({ page, sim, readVault, serviceWorker }) => {
  const conv = sim.conversation({ title: 'Goodbye' });
  conv.user('a kite').gptImage({ title: 'Kite', revisedPrompt: 'a kite' });
  await sim.open(page, conv);
  await vaultWith(readVault, 1);
  await expect(page.locator('image-vault-mark')).toHaveCount(1);
  // chrome.management.uninstallSelf needs no permission: the content script is left detached.
  await serviceWorker
    .evaluate(() => chrome.management.uninstallSelf())
    .catch(() => {
      // The worker goes away with the extension while answering.
    });
  await expect(page.locator('image-vault-mark')).toHaveCount(0);
  await expect(finalOf(page, conv.images[0]!)).toBeVisible();
});
