/**
 * Pause, then catch up (issue #8 point 8), the content script's side: a sighting refused
 * while capture was paused is sent again when the background asks the tab to `rescan`.
 */
import { expect, test } from './harness/fixtures';
import { expectStored, vaultWith } from './support/capture';

test('after a pause, rescan makes the open tab send what was refused, and it is stored', async ({
  page,
  sim,
  serviceWorker,
  openExtensionPage,
  readVault,
}) => {
  const popup = await openExtensionPage('src/popup/index.html');
  const setPaused = (paused: boolean) =>
    popup.evaluate(
      (paused) => chrome.runtime.sendMessage({ type: 'setPaused', payload: { paused } }),
      paused,
    );
  await setPaused(true);
  // Count the sightings the worker receives (an extra listener; it answers nothing).
  await serviceWorker.evaluate(() => {
    const w = self as unknown as { ivSeen: number };
    w.ivSeen = 0;
    chrome.runtime.onMessage.addListener((m: { type?: string }) => {
      if (m?.type === 'imageSeen') w.ivSeen++;
    });
  });
  const seen = () => serviceWorker.evaluate(() => (self as unknown as { ivSeen: number }).ivSeen);

  const conv = sim
    .conversation({ title: 'Paused' })
    .user('A snowy owl')
    .gptImage({ revisedPrompt: 'A snowy owl on a fence post at dusk', title: 'Snowy owl' });
  await sim.open(page, conv);
  await expect.poll(seen).toBe(1); // seen and refused: capture is paused
  expect((await readVault()).images).toEqual([]);

  await setPaused(false);
  const answer = await serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ url: 'https://chatgpt.com/*' });
    return chrome.tabs.sendMessage(tab!.id!, { type: 'rescan', payload: {} });
  });
  expect(answer).toEqual({ ok: true });

  const img = conv.images[0]!;
  const snap = await vaultWith(readVault, 1);
  expectStored(snap, img, sim.served(img.fileId));
  expect(await seen()).toBeGreaterThanOrEqual(2);
});
