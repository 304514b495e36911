/**
 * Pause, then catch up (issue 8 §8): what ChatGPT shows while capture is paused is not
 * saved, but its sighting is remembered; the popup offers to save it, also after capture
 * is back on, or to dismiss it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import type { Simulator } from './sim';
import { expectStored, sendFrom, vaultWith } from './support/capture';

const POPUP = 'src/popup/index.html';

/** Pauses from the popup, generates one image in `conv`, then leaves the conversation. */
async function generateWhilePaused(popup: Page, page: Page, sim: Simulator) {
  await expect(popup.locator('body[data-ready="true"]')).toBeAttached();
  await popup.getByTestId('pause-toggle').click();
  await expect(popup.getByText('Paused', { exact: true })).toBeVisible();
  const conv = sim.conversation({ title: 'Paused ideas' });
  await sim.open(page, conv);
  const gen = await sim.generate(page, conv, {
    prompt: 'A lighthouse made of glass',
    gptImage: { title: 'Glass lighthouse', revisedPrompt: 'A glass lighthouse on a rocky shore at dusk' },
  });
  await gen.done;
  const notice = popup.getByTestId('capture-notice');
  await expect(notice).toContainText(
    'Capture is paused. New images in ChatGPT are not being saved (1 image skipped so far).',
  );
  // Leave it: what is still on screen at resume is the tab's rescan's job, not the offer's.
  await sim.navigate(page, sim.conversation({ title: 'Elsewhere' }).user('hello').assistant('hi'));
  return gen.images[0]!;
}

test('an image skipped while paused is saved from the popup after resuming, with its prompts and exact bytes', async ({
  page,
  sim,
  readVault,
  openExtensionPage,
}) => {
  const popup = await openExtensionPage(POPUP);
  const img = await generateWhilePaused(popup, page, sim);
  expect((await readVault()).images).toEqual([]);

  await popup.getByTestId('pause-toggle').click();
  await expect(popup.getByText('Capturing', { exact: true })).toBeVisible();
  const offer = popup.getByTestId('skipped-offer');
  await expect(offer).toContainText('1 image was seen while capture was paused and not saved.');
  await offer.getByRole('button', { name: 'Save the 1 image skipped while paused' }).click();

  const snap = await vaultWith(readVault, 1);
  expectStored(snap, img, sim.served(img.fileId));
  await expect(popup.getByTestId('skipped-offer')).toHaveCount(0);
  await expect(popup.getByTestId('capture-notice')).toHaveCount(0);
  expect((await sendFrom(popup, 'getStatus')).pausedSkipped).toBe(0);
});

test('skipped images can be dismissed, and are then not offered again', async ({
  page,
  sim,
  readVault,
  openExtensionPage,
}) => {
  const popup = await openExtensionPage(POPUP);
  await generateWhilePaused(popup, page, sim);
  await popup.getByTestId('skipped-offer').getByRole('button', { name: 'Dismiss' }).click();
  await expect(popup.getByTestId('skipped-offer')).toHaveCount(0);
  await expect(popup.getByTestId('capture-notice')).toContainText(
    'New images in ChatGPT are not being saved.',
  );
  expect((await sendFrom(popup, 'getStatus')).pausedSkipped).toBe(0);
  await popup.reload();
  await expect(popup.locator('body[data-ready="true"]')).toBeAttached();
  await expect(popup.getByTestId('capture-notice')).toContainText('Capture is paused');
  await expect(popup.getByTestId('skipped-offer')).toHaveCount(0);
  expect((await readVault()).images).toEqual([]);
});
