/**
 * Deletions stick (issue 8 §5): an image deleted in the gallery, once its undo window has
 * passed, is not saved again when ChatGPT shows it again; after "Forget them" it is.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { expectStored, sendFrom, vaultWith } from './support/capture';

const GALLERY = 'src/gallery/index.html';

async function deleteInGallery(gallery: Page, id: string): Promise<void> {
  await expect(gallery.locator('body[data-ready="true"]')).toBeAttached();
  await gallery.locator(`[data-testid="gallery-item"][data-image-id="${id}"] .tile-btn`).click();
  await gallery.getByTestId('delete-button').click();
  await expect(gallery.getByTestId('gallery-count')).toHaveText('0');
}

test('an image deleted in the gallery is not saved again when seen again, until the deletion is forgotten', async ({
  page,
  sim,
  readVault,
  openExtensionPage,
}) => {
  const conv = sim.conversation({ title: 'Kites' });
  conv.user('A red kite').gptImage({ title: 'Red kite', revisedPrompt: 'A red kite over a windy beach' });
  const img = conv.images[0]!;
  await sim.open(page, conv);
  expectStored(await vaultWith(readVault, 1), img, sim.served(img.fileId));

  const gallery = await openExtensionPage(GALLERY);
  await deleteInGallery(gallery, img.fileId);
  // The undo window passes: the toast goes by itself and the tombstone is written.
  await expect(gallery.getByTestId('toast')).toHaveCount(0, { timeout: 20_000 });
  await expect.poll(async () => (await sendFrom(gallery, 'getStatus')).deletedRemembered).toBe(1);
  let vault = await readVault();
  expect(vault.images).toEqual([]);
  expect(vault.originals).toEqual([]);
  expect(vault.trash).toEqual([]);

  // Seen again: the conversation is reloaded (the content script reports the tile at once),
  // then a new image is generated; once that one is stored, the old sighting was handled.
  const fetchesBefore = sim.requestsOf(undefined, 'worker').filter((r) => r.url.includes(img.fileId)).length;
  await sim.open(page, conv);
  const gen = await sim.generate(page, conv, {
    prompt: 'Now a blue one',
    gptImage: { title: 'Blue kite', revisedPrompt: 'A blue kite over a windy beach' },
  });
  await gen.done;
  vault = await vaultWith(readVault, 1);
  expect(vault.images.map((r) => r.id)).toEqual([gen.images[0]!.fileId]);
  expect(vault.queue).toEqual([]);
  // Refused before any request: its bytes were not even downloaded again.
  expect(sim.requestsOf(undefined, 'worker').filter((r) => r.url.includes(img.fileId))).toHaveLength(
    fetchesBefore,
  );

  // Forget the deletions (storage panel), and the image is saved when seen again.
  await gallery.getByTestId('storage-button').click();
  const remembered = gallery.getByTestId('deleted-remembered');
  await expect(remembered).toHaveText(/^1 deleted image is remembered so it is not saved again\./);
  await remembered.getByRole('button', { name: 'Forget them' }).click();
  await gallery.getByTestId('confirm-ok').click();
  await expect(remembered).toHaveCount(0);
  expect((await sendFrom(gallery, 'getStatus')).deletedRemembered).toBe(0);

  await sim.open(page, conv);
  vault = await vaultWith(readVault, 2);
  expectStored(vault, img, sim.served(img.fileId));
});
