/**
 * The start-up snapshot (src/db/snapshot.ts): the popup and the gallery paint their first
 * screen from a copy in Cache Storage while IndexedDB opens, then show what the vault
 * holds. The copy follows every change, and a deleted image leaves it at once.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { vaultWith } from './support/capture';
import { seedImages, syntheticRecords } from './support/seed';
import { readStartupSnapshot, type StartupSnapshot } from './support/startup-snapshot';

const POPUP = 'src/popup/index.html';
const GALLERY = 'src/gallery/index.html';

async function ready(page: Page): Promise<Page> {
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  return page;
}

/** Polls the snapshot of `kind` until it shows `total` images and `ids` first; returns it. */
async function snapshotShowing(
  context: BrowserContext,
  extensionId: string,
  kind: 'gallery' | 'popup',
  total: number,
  ids: string[],
): Promise<StartupSnapshot> {
  let snap: StartupSnapshot | null = null;
  await expect
    .poll(
      async () => {
        snap = await readStartupSnapshot(context, extensionId, kind);
        return snap && { total: snap.total, ids: snap.ids.slice(0, ids.length) };
      },
      { timeout: 15_000 },
    )
    .toEqual({ total, ids });
  return snap!;
}

test('a capture rebuilds the snapshot with the new image and its exact thumbnail', async ({
  context,
  extensionId,
  page,
  sim,
  readVault,
}) => {
  const conv = sim.conversation({ title: 'Snapshots' });
  await sim.open(page, conv);
  const gen = await sim.generate(page, conv, {
    prompt: 'A lighthouse at dusk',
    gptImage: { title: 'Lighthouse', revisedPrompt: 'A lighthouse at dusk, oil on canvas' },
  });
  await gen.done;
  const vault = await vaultWith(readVault, 1);
  const id = gen.images[0]!.fileId;
  const thumbSha = vault.thumbs.find((t) => t.id === id)?.sha256;
  expect(thumbSha).toBeDefined();
  for (const kind of ['popup', 'gallery'] as const) {
    const snap = await snapshotShowing(context, extensionId, kind, 1, [id]);
    expect(snap.thumbs[id], `${kind} snapshot keeps the stored thumbnail's bytes`).toBe(thumbSha);
  }
});

test('a deleted image leaves the snapshot at once; undo brings it back', async ({
  context,
  extensionId,
  openExtensionPage,
}) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(5);
  await seedImages(page, recs);
  await page.reload();
  await ready(page);
  // The gallery found no snapshot for these seeded rows and built one.
  const ids = recs.map((r) => r.id);
  await snapshotShowing(context, extensionId, 'gallery', 5, ids);
  const gone = recs[0]!.id;
  await page.locator(`[data-testid="gallery-item"][data-image-id="${gone}"] .tile-btn`).click();
  await page.getByTestId('delete-button').click();
  await expect(page.getByTestId('gallery-count')).toHaveText('4');
  // Already gone when the grid updates: no snapshot holds the deleted image.
  for (const kind of ['gallery', 'popup'] as const) {
    const snap = await readStartupSnapshot(context, extensionId, kind);
    expect(snap?.ids ?? []).not.toContain(gone);
    expect(Object.keys(snap?.thumbs ?? {})).not.toContain(gone);
  }
  // Rebuilt without it…
  const after = await snapshotShowing(context, extensionId, 'gallery', 4, ids.slice(1));
  expect(Object.keys(after.thumbs)).not.toContain(gone);
  // …and with it again after undo.
  await page.getByTestId('undo-button').click();
  await expect(page.getByTestId('gallery-count')).toHaveText('5');
  await snapshotShowing(context, extensionId, 'gallery', 5, ids);
  await snapshotShowing(context, extensionId, 'popup', 5, ids);
});

test('the first screen paints from the snapshot, then shows what the vault holds', async ({
  context,
  extensionId,
  openExtensionPage,
}) => {
  // Records the ids of the first tiles each page puts on screen, before any later update.
  await context.addInitScript(() => {
    const w = window as unknown as { __firstIds?: string[] };
    new MutationObserver((_, mo) => {
      const items = document.querySelectorAll<HTMLElement>(
        '[data-testid="popup-item"], [data-testid="gallery-item"]',
      );
      if (!items.length) return;
      w.__firstIds = [...items].map((e) => e.dataset.imageId!);
      mo.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const all = syntheticRecords(12);
  const ids = (recs: { id: string }[]) => recs.map((r) => r.id);
  /** Writes records straight into IndexedDB: the snapshot does not hear of them. */
  const behindItsBack = async (recs: typeof all) => {
    const helper = await openExtensionPage('manifest.json');
    await seedImages(helper, recs, { announce: false });
    await helper.close();
  };
  const firstIds = (p: Page) => p.evaluate(() => (window as unknown as { __firstIds?: string[] }).__firstIds);

  const seeder = await ready(await openExtensionPage(GALLERY));
  await seedImages(seeder, all.slice(6));
  await seeder.reload();
  await ready(seeder);
  await snapshotShowing(context, extensionId, 'gallery', 6, ids(all.slice(6)));
  await seeder.close();

  await behindItsBack(all.slice(3, 6));
  const gallery = await ready(await openExtensionPage(GALLERY));
  expect(await firstIds(gallery), 'the gallery painted the snapshot first').toEqual(ids(all.slice(6)));
  await expect(gallery.getByTestId('gallery-count')).toHaveText('9');
  await expect(gallery.locator('[data-testid="gallery-item"][aria-posinset="1"]')).toHaveAttribute(
    'data-image-id',
    all[3]!.id,
  );
  // Seeing the difference, the gallery rebuilt both snapshots.
  await snapshotShowing(context, extensionId, 'gallery', 9, ids(all.slice(3)));
  await snapshotShowing(context, extensionId, 'popup', 9, ids(all.slice(3)));
  await gallery.close();

  await behindItsBack(all.slice(0, 3));
  const popup = await ready(await openExtensionPage(POPUP));
  expect(await firstIds(popup), 'the popup painted the snapshot first').toEqual(ids(all.slice(3)));
  await expect(popup.getByTestId('popup-item')).toHaveCount(12);
  await expect(popup.getByTestId('popup-item').first()).toHaveAttribute('data-image-id', all[0]!.id);
  await expect(popup.getByTestId('capture-count')).toHaveText('12');
  await snapshotShowing(context, extensionId, 'popup', 12, ids(all));
});
