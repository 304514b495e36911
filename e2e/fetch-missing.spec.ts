/**
 * Fetch for a prompt-only record (issue 10): an image ChatGPT's export knew but did not carry
 * is fetched through `files/download` with the signed-in session; the stored original is the
 * served bytes, the record keeps the prompts the export gave and is no longer prompt-only.
 * A file ChatGPT no longer has gives a plain message, kept on the record; its prompts stay.
 */
import type { Page } from '@playwright/test';
import { type ImageRecord, NO_BYTES } from '../src/core/types';
import { expect, test } from './harness/fixtures';
import type { SimImage } from './sim';
import { seedImages } from './support/seed';

/** The prompt-only record the export import would make for `img` (no bytes). */
function promptOnly(img: SimImage, over: Partial<ImageRecord> = {}): ImageRecord {
  const url = `https://chatgpt.com/c/${img.conversationId}`;
  return {
    id: img.fileId,
    ...NO_BYTES,
    width: 0,
    height: 0,
    prompt: img.prompt,
    revisedPrompt: img.revisedPrompt,
    title: img.title,
    model: img.model,
    genId: img.genId,
    parentGenId: img.parentGenId,
    editOp: img.editOp,
    seed: img.seed,
    genSize: img.genSize,
    conversationId: img.conversationId,
    conversationTitle: 'Lighthouses',
    conversationUrl: url,
    messageId: img.messageId,
    pageUrl: url,
    createdAt: 1_700_000_000_000,
    capturedAt: 1_700_000_000_000,
    favorite: 0,
    source: 'chatgpt-export',
    warning: null,
    linkExpiresAt: 1_700_000_000_000 + 86_400_000,
    fetchError: null,
    ...over,
  };
}

/** Sends `fetchMissing` as the gallery's Fetch button does. */
const fetchMissing = (page: Page, id: string) =>
  page.evaluate(
    (id) =>
      chrome.runtime.sendMessage({ type: 'fetchMissing', payload: { id } }) as Promise<
        { ok: true } | { ok: false; error: string }
      >,
    id,
  );

test('Fetch turns a prompt-only record into the served image and keeps its prompts; a file ChatGPT lost gives a plain reason', async ({
  page,
  sim,
  readVault,
  openExtensionPage,
}) => {
  const conv = sim.conversation({ title: 'Lighthouses', createTime: Date.now() / 1000 - 400 * 86_400 });
  conv.user('A lighthouse in a storm').dalle({ revisedPrompt: 'A tall lighthouse, waves crashing, night' });
  const img = conv.images[0]!;
  const lost = promptOnly(
    { ...img, fileId: 'file-LostInChatGpt0000000001' },
    { createdAt: 1_600_000_000_000 },
  );
  await sim.open(page, '/'); // a signed-in ChatGPT tab: the worker reads the session through it
  const gallery = await openExtensionPage('src/gallery/index.html');
  await expect(gallery.locator('body[data-ready]')).toBeAttached();
  await seedImages(gallery, [promptOnly(img), lost]);

  expect(await fetchMissing(gallery, img.fileId)).toEqual({ ok: true });
  const vault = await readVault();
  const served = sim.served(img.fileId);
  expect(vault.sha256[img.fileId], 'stored original hashes to the served bytes').toBe(served.sha256);
  const rec = vault.images.find((r) => r.id === img.fileId)!;
  expect(rec.sha256).toBe(served.sha256);
  expect(rec.bytes).toBe(served.bytes);
  expect(rec.prompt).toBe('A lighthouse in a storm');
  expect(rec.revisedPrompt).toBe('A tall lighthouse, waves crashing, night');
  expect(rec.createdAt).toBe(1_700_000_000_000);
  expect(rec.width).toBe(img.width);
  expect(rec.mimeType).toBe(img.mimeType);
  expect(rec.promptOnly).toBeUndefined();
  expect(rec.linkExpiresAt).toBeUndefined();
  expect(vault.thumbs.find((t) => t.id === img.fileId)?.type, 'a WebP thumbnail').toBe('image/webp');
  expect(sim.requestsOf('download', 'worker').map((r) => r.path.split('/')[4])).toContain(img.fileId);

  // A file ChatGPT no longer has (404): plain words, kept on the record; nothing else changes.
  const failed = await fetchMissing(gallery, lost.id);
  expect(failed).toEqual({
    ok: false,
    error: 'ChatGPT no longer has this image (deleted there, or too old to download).',
  });
  const after = await readVault();
  expect(after.images.find((r) => r.id === lost.id)).toEqual({
    ...lost,
    fetchError: failed.ok ? null : failed.error,
  });
  expect(after.originals.map((o) => o.id)).toEqual([img.fileId]);
  // An image already saved is not fetched again.
  expect(await fetchMissing(gallery, img.fileId)).toEqual({
    ok: false,
    error: 'This image is already saved.',
  });
});
