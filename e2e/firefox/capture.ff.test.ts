/**
 * Firefox: the built dist-firefox captures live images on the simulated ChatGPT page, and the
 * popup and gallery show them (one Firefox for the file; the tests build on each other).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { imageIds, ready, tid, waitForText } from '../harness/firefox/dom';
import { type FirefoxRun, launchFirefox } from '../harness/firefox/launch';
import { simPage } from '../harness/firefox/sim-adapter';
import type { SimConversation, SimImage } from '../sim';
import { startupSnapshotInPage } from '../support/startup-snapshot';
import { expectStoredFx, vaultWith } from './support';

let ff: FirefoxRun;
let conv: SimConversation;
const captured: SimImage[] = [];
beforeAll(async () => {
  ff = await launchFirefox();
  conv = ff.sim.conversation({ title: 'Brand mockups' });
  await ff.open(conv);
});
afterAll(async () => ff?.close());

test('a gpt-image generated live is stored with its prompts and exact bytes', async () => {
  const gen = await ff.sim.generate(simPage(ff.page), conv, {
    prompt: 'Make a logo for a coffee shop called Vault',
    gptImage: {
      title: 'Vault coffee logo',
      revisedPrompt: 'A minimalist logo of a coffee cup inside a bank vault door',
      progressive: true,
    },
  });
  await gen.done;
  const img = gen.images[0]!;
  expect(img.partials.length).toBeGreaterThan(0);
  const snap = await vaultWith(ff, 1);
  expectStoredFx(snap, img, ff.sim.served(img.fileId));
  expect(snap.images[0]!.conversationTitle).toBe('Brand mockups');
  expect(snap.images[0]!.conversationUrl).toBe(`https://chatgpt.com/c/${conv.id}`);
  // The bytes came through the add-on's background, with the session cookie (no Referer).
  expect(ff.sim.requestsOf('estuary', 'worker').map((r) => r.status)).toContain(200);
  captured.push(img);
});

test('a DALL·E 3 image from the signed CDN is stored as the original WebP', async () => {
  const gen = await ff.sim.generate(simPage(ff.page), conv, {
    prompt: 'A retro travel poster of Lisbon',
    dalle: {
      revisedPrompt: 'A 1950s-style travel poster of Lisbon trams at sunset, bold flat colours',
      size: '1792x1024',
    },
  });
  await gen.done;
  const img = gen.images[0]!;
  expect(img.mimeType).toBe('image/webp');
  const snap = await vaultWith(ff, 2);
  expectStoredFx(snap, img, ff.sim.served(img.fileId));
  captured.push(img);
});

test('the start-up snapshot in Cache Storage follows the captures, thumbnails byte for byte', async () => {
  const vault = await ff.readVault();
  const page = await ff.openExtensionPage('icons/icon-16.png');
  try {
    for (const kind of ['popup', 'gallery'] as const)
      await expect
        .poll(
          async () => {
            const snap = await page.evaluate(startupSnapshotInPage, kind);
            return snap && { total: snap.total, ids: snap.ids, thumbs: snap.thumbs };
          },
          { timeout: 15_000, interval: 250 },
        )
        .toEqual({
          total: 2,
          ids: [captured[1]!.fileId, captured[0]!.fileId],
          thumbs: Object.fromEntries(vault.thumbs.map((t) => [t.id, t.sha256])),
        });
  } finally {
    await page.close();
  }
});

test('the popup shows both captures, newest first', async () => {
  const popup = await ready(await ff.openExtensionPage('src/popup/index.html'));
  await waitForText(popup, tid('capture-count'), '2');
  await popup.waitForFunction((s) => document.querySelectorAll(s).length === 2, {}, tid('popup-item'));
  expect(await imageIds(popup, tid('popup-item'))).toEqual([captured[1]!.fileId, captured[0]!.fileId]);
  // Every thumbnail is painted from the vault.
  await popup.waitForFunction(
    (s) => [...document.querySelectorAll<HTMLImageElement>(s)].every((i) => i.naturalWidth > 0),
    {},
    `${tid('popup-item')} img`,
  );
  await popup.close();
});

test('the gallery shows both, and search finds one by a word only in its revised prompt', async () => {
  const gallery = await ready(await ff.openExtensionPage('src/gallery/index.html'));
  await waitForText(gallery, tid('gallery-count'), '2');
  const [gpt, dalle] = captured;
  expect(dalle!.prompt.toLowerCase()).not.toContain('trams');
  await gallery.type(tid('search-input'), 'trams');
  await waitForText(gallery, tid('gallery-count'), '1');
  expect(await imageIds(gallery, tid('gallery-item'))).toEqual([dalle!.fileId]);
  await gallery.$eval(tid('search-input'), (i) => {
    (i as HTMLInputElement).value = '';
    i.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await waitForText(gallery, tid('gallery-count'), '2');
  expect(new Set(await imageIds(gallery, tid('gallery-item')))).toEqual(
    new Set([gpt!.fileId, dalle!.fileId]),
  );
  await gallery.close();
});

test('delete in the gallery removes the image and its bytes; undo brings them back', async () => {
  const gallery = await ready(await ff.openExtensionPage('src/gallery/index.html'));
  await waitForText(gallery, tid('gallery-count'), '2');
  const before = await ff.readVault();
  const id = captured[0]!.fileId;
  await gallery.click(`${tid('gallery-item')}[data-image-id="${id}"] .tile-btn`);
  await gallery.waitForSelector(tid('lightbox'), { visible: true });
  await gallery.click(tid('delete-button'));
  await waitForText(gallery, tid('gallery-count'), '1');
  let vault = await ff.readVault();
  expect(vault.images.map((r) => r.id)).not.toContain(id);
  expect(vault.originals.map((o) => o.id)).not.toContain(id);

  await gallery.click(tid('undo-button'));
  await waitForText(gallery, tid('gallery-count'), '2');
  vault = await ff.readVault();
  expect(vault.sha256[id]).toBe(ff.sim.served(id).sha256);
  expect(vault.images.find((r) => r.id === id)).toEqual(before.images.find((r) => r.id === id));
  expect(vault.trash).toEqual([]);
  await gallery.close();
});

test('nothing left 127.0.0.1: the add-on asked only simulated hosts; Firefox’s own calls were refused', async () => {
  const asked = new Set(ff.sim.requests.map((r) => r.host));
  expect([...asked].sort()).toEqual(['chatgpt.com', 'files.oaiusercontent.com']);
  // Whatever else was asked for got a 502 from the proxy: only Mozilla's own services.
  const refused = [...new Set(ff.proxy.refused.map((r) => r.host))];
  for (const host of refused) expect(host).toMatch(/\.(mozilla\.(com|net|org)|firefox\.com|invalid)$/);
});
