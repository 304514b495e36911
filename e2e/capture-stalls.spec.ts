/**
 * No stalls, nothing dropped (issue 8, points 2, 6 and 7): a request that never answers, an
 * image whose bytes hang beside another, a tile the JSON never lists, a user upload shown
 * as a tile, and a 429 whose block must outlive a worker restart. After each, the worker
 * has no unhandled promise rejection.
 */
import type { Worker } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { expectStored, sendFrom, vaultWith, vaultWithFailure } from './support/capture';

/** `globalThis.__imageVaultUnhandled.count` in the worker (src/background/diagnostics.ts). */
const unhandled = (worker: Worker) =>
  worker.evaluate(
    () => (globalThis as { __imageVaultUnhandled?: { count: number } }).__imageVaultUnhandled?.count ?? -1,
  );

// The JSON deadline is 30 s and the image deadline 60 s (src/sites/chatgpt/http.ts).
test.setTimeout(120_000);

test('the worker counts a promise rejection nobody handled (so the zeros below mean something)', async ({
  serviceWorker,
}) => {
  expect(await unhandled(serviceWorker)).toBe(0);
  await serviceWorker.evaluate(() => {
    void Promise.reject(new Error('probe: nobody handles this'));
  });
  await expect.poll(() => unhandled(serviceWorker)).toBe(1);
});

test('a conversation request that never answers times out, is retried, and the image is stored with its prompts', async ({
  page,
  sim,
  readVault,
  serviceWorker,
}) => {
  const conv = sim.conversation({ title: 'Hang' });
  conv.user('A brass bell').gptImage({ title: 'Bell', revisedPrompt: 'A brass bell on a wooden beam' });
  const img = conv.images[0]!;
  sim.fault('conversation', 'hang', { from: 'worker' });
  await sim.open(page, conv);
  await expect.poll(() => sim.hanging).toBe(1);
  const snap = await vaultWith(readVault, 1, 60_000);
  expectStored(snap, img, sim.served(img.fileId));
  const calls = sim.requestsOf('conversation', 'worker');
  expect(calls.map((r) => r.status)).toEqual([0, 200]);
  // the retry came after the deadline (30 s), not after some other failure
  expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(30_000);
  expect(await unhandled(serviceWorker)).toBe(0);
});

test('an image whose bytes hang holds one queue slot only: the other images of the turn are stored meanwhile', async ({
  page,
  sim,
  readVault,
  serviceWorker,
}) => {
  const conv = sim.conversation({ title: 'Three' });
  conv.user('Three birds').gptImage({ title: 'Birds', revisedPrompt: 'Three sparrows on a wire', n: 3 });
  // The worker's first image download never answers. Three images, two slots: the one that
  // shares the first pair with it, and the third, must both get through while it hangs.
  sim.fault('estuary', 'hang', { from: 'worker' });
  await sim.open(page, conv);
  await expect.poll(() => sim.hanging).toBe(1);
  const held = new URL(sim.requestsOf('estuary', 'worker')[0]!.url).searchParams.get('id');
  const slow = conv.images.find((i) => i.fileId === held)!;
  const others = conv.images.filter((i) => i !== slow);
  expect(others).toHaveLength(2);
  await expect
    .poll(async () => (await readVault()).images.map((i) => i.id).sort(), { timeout: 20_000 })
    .toEqual(others.map((i) => i.fileId).sort());
  const during = await readVault();
  expect(sim.hanging).toBe(1);
  expect(during.queue.map((j) => [j.id, j.state])).toEqual([[slow.fileId, 'running']]);
  for (const img of others) expectStored(during, img, sim.served(img.fileId));
  // the hung download times out (60 s) and its retry stores the image too: nothing lost
  const snap = await vaultWith(readVault, 3, 90_000);
  expectStored(snap, slow, sim.served(slow.fileId));
  expect(await unhandled(serviceWorker)).toBe(0);
});

test('a tile the JSON never lists is kept after 30 s with a note; a file it lists as an upload is never stored', async ({
  page,
  sim,
  readVault,
  serviceWorker,
  openExtensionPage,
}) => {
  const conv = sim.conversation({ title: 'Unlisted' });
  conv.user('A blue vase').gptImage({ title: 'Vase', revisedPrompt: 'A blue vase', inJson: 'missing' });
  conv.user('My cat').gptImage({ title: 'Cat', revisedPrompt: 'A cat', inJson: 'upload' });
  const [unlisted, upload] = conv.images as [(typeof conv.images)[0], (typeof conv.images)[0]];
  const opened = Date.now();
  await sim.open(page, conv);
  // the upload is refused at once, in plain words
  const refused = await vaultWithFailure(readVault, 20_000);
  const job = refused.queue.find((j) => j.id === upload.fileId);
  expect(job?.state).toBe('failed');
  expect(job?.lastError).toBe(
    'ChatGPT’s data lists this image as one you uploaded, not one it generated; Image Vault keeps only generated images',
  );
  // the unlisted one waits for the JSON, then is kept with its bytes and a note
  const snap = await vaultWith(readVault, 1, 60_000);
  const rec = snap.images[0]!;
  expect(rec.id).toBe(unlisted.fileId);
  expect(snap.sha256[unlisted.fileId]).toBe(sim.served(unlisted.fileId).sha256);
  expect(rec.warning).toBe("saved without its prompt: ChatGPT's data did not mention this image");
  expect(rec.prompt).toBe('');
  expect(rec.conversationTitle).toBe('Unlisted');
  expect(rec.capturedAt - opened).toBeGreaterThanOrEqual(30_000);
  // the JSON was asked again meanwhile
  expect(sim.count('conversation', 'worker')).toBeGreaterThanOrEqual(3);
  expect(snap.images.map((i) => i.id)).not.toContain(upload.fileId);
  expect(snap.originals.map((o) => o.id)).not.toContain(upload.fileId);
  const st = await sendFrom(await openExtensionPage('src/popup/index.html'), 'getStatus');
  expect(st.problems).toContain(
    '1 image seen on chatgpt.com could not be saved: ChatGPT’s data lists this image as one you uploaded, not one it generated; Image Vault keeps only generated images',
  );
  expect(await unhandled(serviceWorker)).toBe(0);
});

test('a 429’s Retry-After block survives a worker restart: no API request leaves before it', async ({
  page,
  sim,
  readVault,
  serviceWorker,
  stopServiceWorker,
  serviceWorkerStatus,
}) => {
  const retryAfter = 20;
  const a = sim.conversation({ title: 'A' });
  a.user('One').gptImage({ title: 'One', revisedPrompt: 'The digit one, neon' });
  sim.fault('conversation', 'rate-limit', { retryAfter, from: 'worker' });
  await sim.open(page, a);
  await expect.poll(() => sim.requestsOf('conversation', 'worker').map((r) => r.status)).toEqual([429]);
  const limited = sim.requestsOf('conversation', 'worker')[0]!;
  // the block is kept in IndexedDB …
  let blockedUntil = 0;
  await expect
    .poll(async () => {
      const budget = (await readVault()).kv.requestBudget as { blockedUntil: number } | undefined;
      blockedUntil = budget?.blockedUntil ?? 0;
      return blockedUntil;
    })
    .toBeGreaterThanOrEqual(limited.at + retryAfter * 1000);
  // … so a worker stopped and started again still honours it, for a new image too
  await stopServiceWorker();
  expect(await serviceWorkerStatus()).toBe('stopped');
  const restartFrom = sim.requests.length;
  const b = sim.conversation({ title: 'B' });
  b.user('Two').gptImage({ title: 'Two', revisedPrompt: 'The digit two, neon' });
  await sim.navigate(page, b); // the content script's sighting wakes the worker
  const snap = await vaultWith(readVault, 2, 60_000);
  expectStored(snap, a.images[0]!, sim.served(a.images[0]!.fileId));
  expectStored(snap, b.images[0]!, sim.served(b.images[0]!.fileId));
  const api = sim.requests
    .slice(restartFrom)
    .filter(
      (r) => r.from === 'worker' && ['session', 'conversation', 'download', 'estuary'].includes(r.kind),
    );
  expect(api.some((r) => r.kind === 'conversation' && r.url.endsWith(b.id))).toBe(true);
  for (const r of api) expect(r.at, `${r.kind} ${r.path}`).toBeGreaterThanOrEqual(blockedUntil);
  expect(await unhandled(serviceWorker)).toBe(0);
});
