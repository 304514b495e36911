/**
 * The backlog on consent (issue 9 §3–§6): library images made before install are counted,
 * saved only after "start", with their bytes and both prompts; a deleted conversation leaves
 * its image with the library's title and a note; archived and blocked items are skipped; a
 * tombstoned image does not come back; a live capture and its library copy stay one record.
 */
import { expect, test } from './harness/fixtures';
import { expectStored, vaultWith } from './support/capture';
import { backfill, backlogOf, libraryDone, libraryRequests, tombstone } from './support/library';

test('backlog: consent, completion with bytes and both prompts, a deleted conversation, skipped items', async ({
  page,
  sim,
  readVault,
  openExtensionPage,
}) => {
  const kites = sim.conversation({ title: 'Kites' });
  kites.user('Two kites').gptImage({ title: 'Kites', revisedPrompt: 'Two kites, one red, one blue', n: 2 });
  kites.user('A boat').gptImage({ title: 'Boat', revisedPrompt: 'A small boat at dawn' });
  const gone = sim.conversation({ title: 'Deleted chat' });
  gone.user('A lamp').gptImage({ title: 'Lamp', revisedPrompt: 'A brass lamp' });
  const flagged = sim.conversation({ title: 'Flagged' });
  flagged.user('x').gptImage({ title: 'Archived', revisedPrompt: 'archived one' });
  flagged.user('y').gptImage({ title: 'Blocked', revisedPrompt: 'blocked one' });
  const withPrompt = sim.conversation({ title: 'Own prompt' });
  withPrompt.user('A cup').gptImage({ title: 'Cup', revisedPrompt: 'A cup of tea' });
  const [archived, blocked] = flagged.images;
  sim.library.flag(archived!.fileId, { is_archived: true });
  sim.library.flag(blocked!.fileId, { output_blocked: true });
  sim.library.flag(withPrompt.images[0]!.fileId, { prompt: 'A cup, from the library' });
  sim.deleteConversation(gone);

  await sim.open(page, '/');
  const ext = await openExtensionPage('src/popup/index.html');
  expect(await backlogOf(ext)).toBe(5);
  expect((await readVault()).images).toEqual([]); // nothing without consent

  const started = await backfill(ext, 'start');
  expect(started.backfill.total).toBe(5);
  const status = await libraryDone(ext);
  expect(status.backfill).toMatchObject({ done: 5, total: 5, error: null });
  expect(status.prompts).toMatchObject({ done: 4, total: 4 });
  expect(status.backlog).toBe(0);

  const vault = await vaultWith(readVault, 5);
  for (const img of kites.images) expectStored(vault, img, sim.served(img.fileId));
  expect(vault.images.every((r) => r.source === 'library')).toBe(true);
  expect(status.backfill.bytes).toBe(vault.images.reduce((a, r) => a + r.bytes, 0));
  const lamp = vault.images.find((r) => r.id === gone.images[0]!.fileId)!;
  expect(vault.sha256[lamp.id]).toBe(sim.served(lamp.id).sha256);
  expect(lamp.title).toBe('Lamp');
  expect(lamp.prompt).toBe('');
  expect(lamp.warning).toMatch(/^conversation deleted/);
  const cup = vault.images.find((r) => r.id === withPrompt.images[0]!.fileId)!;
  expect(cup.prompt).toBe('A cup, from the library');
  expect(vault.images.some((r) => r.id === archived!.fileId || r.id === blocked!.fileId)).toBe(false);

  // One read per conversation that needed prompts; none for the item that had its prompt.
  const reads = sim.requestsOf('conversation', 'worker').map((r) => r.path.split('/').pop());
  expect(reads.sort()).toEqual([kites.id, gone.id].sort());
  // Pages: the count's one and the backfill's one, nothing per image.
  expect(libraryRequests(sim).length).toBe(2);
});

test('a tombstoned image does not come back, and a live capture plus its library copy stay one record', async ({
  page,
  sim,
  readVault,
  openExtensionPage,
}) => {
  const conv = sim.conversation({ title: 'Birds' });
  conv.user('A heron').gptImage({ title: 'Heron', revisedPrompt: 'A grey heron in reeds' });
  conv.user('A wren').gptImage({ title: 'Wren', revisedPrompt: 'A tiny wren on a twig' });
  conv.user('An owl').gptImage({ title: 'Owl', revisedPrompt: 'A barn owl at dusk' });
  const [heron, wren, owl] = conv.images as [
    (typeof conv.images)[0],
    (typeof conv.images)[0],
    (typeof conv.images)[0],
  ];
  const ext = await openExtensionPage('src/popup/index.html');
  await expect.poll(async () => (await readVault()).exists).toBe(true); // the worker made it
  await tombstone(ext, wren.fileId, sim.served(wren.fileId).sha256);

  // The conversation is opened: live capture stores the heron and the owl (not the wren).
  await sim.open(page, conv);
  const live = await vaultWith(readVault, 2);
  expect(live.images.map((r) => r.source)).toEqual(['capture', 'capture']);
  // Counted while capture ran: whether it lists them as backlog or stored, the copies merge.
  await backlogOf(ext);
  await backfill(ext, 'start');
  await libraryDone(ext);

  const vault = await vaultWith(readVault, 2);
  expectStored(vault, heron, sim.served(heron.fileId));
  expectStored(vault, owl, sim.served(owl.fileId));
  expect(vault.images.find((r) => r.id === wren.fileId)).toBeUndefined();
  expect(sim.requestsOf(undefined, 'worker').filter((r) => r.url.includes(wren.fileId))).toEqual([]);
});
