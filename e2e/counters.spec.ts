/**
 * Counters lose no update (issue 8 §6): four images that finish at once are four on the
 * badge, round after round. The badge is computed from IndexedDB, so two captures
 * committing together cannot overwrite each other's count.
 */
import { expect, test } from './harness/fixtures';
import { expectStored, sendFrom, vaultWith } from './support/capture';

test('four images finishing at once count four on the badge, every time', async ({
  context,
  sim,
  readVault,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage('src/popup/index.html');
  const badge = () => ext.evaluate(() => chrome.action.getBadgeText({}));
  expect(await badge()).toBe('');
  for (const round of [1, 2, 3]) {
    const page = await context.newPage();
    const conv = sim.conversation({ title: `Round ${round}` });
    await sim.open(page, conv);
    const gen = await sim.generate(page, conv, {
      prompt: `Four stickers, round ${round}`,
      gptImage: { title: `Stickers ${round}`, revisedPrompt: `Four round stickers, set ${round}`, n: 4 },
    });
    await gen.done;
    const snap = await vaultWith(readVault, 4 * round);
    for (const img of gen.images) expectStored(snap, img, sim.served(img.fileId));
    await expect.poll(badge).toBe(String(4 * round));
    expect((await sendFrom(ext, 'getStatus')).sessionCount).toBe(4 * round);
    await page.close();
  }
});
