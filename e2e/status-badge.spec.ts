/**
 * The toolbar badge shows the state where the user is (issue 13 §1): the count while
 * capturing, a pause symbol in its own colour while paused (with the skipped images in the
 * tooltip), and a problem symbol that wins over both when a capture failed. Read from the
 * service worker with chrome.action, as the toolbar shows it.
 */
import type { Worker } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { isEstuary, onWorkerRequest, vaultWith, vaultWithFailure } from './support/capture';

const POPUP = 'src/popup/index.html';

/** What the toolbar shows: badge text, its colour (RGBA) and the tooltip. */
function toolbar(worker: Worker) {
  return worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    color: (await chrome.action.getBadgeBackgroundColor({})).join(','),
    title: await chrome.action.getTitle({}),
  }));
}

const BLUE = '47,111,221,255';
const AMBER = '138,83,0,255';
const RED = '197,34,31,255';

test('paused: the badge shows a pause symbol in amber and the tooltip counts the skipped images; resume brings the count back', async ({
  page,
  sim,
  serviceWorker,
  openExtensionPage,
  readVault,
}) => {
  const conv = sim.conversation({ title: 'Badge ideas' });
  await sim.open(page, conv);
  const first = await sim.generate(page, conv, {
    prompt: 'A red fox',
    gptImage: { title: 'Fox', revisedPrompt: 'A red fox in snow' },
  });
  await first.done;
  await vaultWith(readVault, 1);
  await expect
    .poll(() => toolbar(serviceWorker))
    .toEqual({
      text: '1',
      color: BLUE,
      title: 'Image Vault: capturing — 1 image saved this session',
    });

  const popup = await openExtensionPage(POPUP);
  await expect(popup.locator('body[data-ready="true"]')).toBeAttached();
  await popup.getByTestId('pause-toggle').click();
  await expect
    .poll(() => toolbar(serviceWorker))
    .toEqual({
      text: '❚❚',
      color: AMBER,
      title: 'Image Vault: capture is paused',
    });

  const skipped = await sim.generate(page, conv, {
    prompt: 'A blue owl',
    gptImage: { title: 'Owl', revisedPrompt: 'A blue owl at night' },
  });
  await skipped.done;
  await expect
    .poll(() => toolbar(serviceWorker))
    .toMatchObject({
      text: '❚❚',
      title: 'Image Vault: capture is paused — 1 image skipped',
    });
  // The popup's paused notice says the same, and offers the catch-up.
  await expect(popup.getByTestId('paused-notice')).toContainText('1 image skipped so far');
  await expect(popup.getByTestId('save-skipped')).toHaveText('Save the 1 image skipped while paused');

  await popup.getByTestId('pause-toggle').click();
  await expect(popup.getByTestId('capture-label')).toHaveText('Capturing');
  // Resuming rescans the open tab: the skipped image on screen is saved, the count moves on.
  await vaultWith(readVault, 2);
  await expect
    .poll(() => toolbar(serviceWorker))
    .toEqual({
      text: '2',
      color: BLUE,
      title: 'Image Vault: capturing — 2 images saved this session',
    });
});

test('a failed capture turns the badge into a red "!" that says why, over the pause; Dismiss clears it', async ({
  context,
  page,
  sim,
  serviceWorker,
  openExtensionPage,
  readVault,
}) => {
  // The image server answers with a web page instead of the image: the capture gives up.
  await onWorkerRequest(context, isEstuary, async (route) => {
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><h1>Oops</h1>' });
    return true;
  });
  const conv = sim.conversation();
  conv.user('A teapot').gptImage({ title: 'Teapot', revisedPrompt: 'A porcelain teapot, studio light' });
  await sim.open(page, conv);
  await vaultWithFailure(readVault);
  await expect
    .poll(() => toolbar(serviceWorker))
    .toEqual({
      text: '!',
      color: RED,
      title: 'Image Vault: 1 image could not be saved',
    });

  const popup = await openExtensionPage(POPUP);
  await expect(popup.locator('body[data-ready="true"]')).toBeAttached();
  // Problems win over pause.
  await popup.getByTestId('pause-toggle').click();
  await expect(popup.getByTestId('capture-label')).toHaveText('Paused');
  expect(await toolbar(serviceWorker)).toMatchObject({ text: '!', color: RED });

  // One problem: a sentence with its action, and what Dismiss does to the lost image.
  const problems = popup.getByTestId('capture-problems');
  await expect(problems.locator('li')).toHaveCount(0);
  await expect(problems).toContainText('1 image seen on chatgpt.com could not be saved');
  await expect(problems.getByTestId('retry-failed')).toHaveText('Retry');
  await expect(problems.getByTestId('dismiss-hint')).toHaveText(
    'Forgets these images here; they stay in ChatGPT.',
  );
  await expect(problems.getByTestId('dismiss-problems')).toHaveAccessibleDescription(
    'Forgets these images here; they stay in ChatGPT.',
  );
  await problems.getByTestId('dismiss-problems').click();
  await expect(problems).toHaveCount(0);
  await expect
    .poll(() => toolbar(serviceWorker))
    .toEqual({
      text: '❚❚',
      color: AMBER,
      title: 'Image Vault: capture is paused',
    });
});
