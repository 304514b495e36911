/**
 * Automatic library sync (issue 9 §2, §6): an image made on the phone arrives with no click
 * when a ChatGPT page loads; older images are only counted (the backlog), never fetched
 * without consent.
 */
import { expect, test } from './harness/fixtures';
import { expectStored } from './support/capture';
import { backlogOf, libraryRequests, libraryStatus, phoneConversation } from './support/library';

test('a phone image arrives with no click; the older backlog is counted, not fetched', async ({
  page,
  sim,
  readVault,
  openExtensionPage,
}) => {
  const old = sim.conversation({ title: 'Old kites' });
  old.user('An old kite').gptImage({ title: 'Old kite', revisedPrompt: 'An old kite, sepia' });
  const phone = phoneConversation(sim, 'Phone kites');
  phone
    .user('A kite from my phone')
    .gptImage({ title: 'Phone kite', revisedPrompt: 'A kite over a park, photo' });
  const img = phone.images[0]!;
  const oldImg = old.images[0]!;

  // Any ChatGPT page loading is the signal: here the home page, which shows no image at all.
  await sim.open(page, '/');
  await expect
    .poll(async () => (await readVault()).images.find((r) => r.id === img.fileId)?.prompt ?? null, {
      timeout: 20_000,
    })
    .toBe(img.prompt);
  const vault = await readVault();
  expect(vault.images.map((r) => r.id)).toEqual([img.fileId]);
  expectStored(vault, img, sim.served(img.fileId));
  const rec = vault.images[0]!;
  expect(rec.source).toBe('library');
  expect(rec.title).toBe('Phone kite');
  expect(rec.conversationTitle).toBe('Phone kites');

  const ext = await openExtensionPage('src/popup/index.html');
  expect(await backlogOf(ext)).toBe(1);
  const status = await libraryStatus(ext);
  expect(status.backlogBytes).toBeGreaterThan(0);
  expect(status.lastSyncAt).not.toBeNull();
  expect(status.invalidItems).toBe(0);
  expect(status.backfill.state).toBe('idle');
  // The old image's bytes were never asked for; one conversation read, for the phone image.
  const worker = sim.requestsOf(undefined, 'worker');
  expect(worker.filter((r) => r.url.includes(oldImg.fileId))).toEqual([]);
  expect(worker.filter((r) => r.kind === 'conversation').map((r) => r.path)).toEqual([
    `/backend-api/conversation/${phone.id}`,
  ]);
  expect(libraryRequests(sim).length).toBe(1); // the first check's one page (the count)

  // The image page loads again: the live capture of the same file is refused as stored,
  // and the vault still holds one record with the prompts.
  await sim.open(page, phone);
  await expect.poll(async () => (await readVault()).images.length).toBe(1);
  expectStored(await readVault(), img, sim.served(img.fileId));
});
