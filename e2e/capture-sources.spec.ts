/**
 * Image sources the worker cannot or must not read itself (issue 8, "Other image URL shapes"):
 * a final frame the page shows as a `blob:` URL, and an estuary src whose composite id
 * (`{hash}#file_…#thumbnail`) serves a smaller preview. Either way the vault must hold the
 * original, read through `files/download/{file_id}` (docs/chatgpt.md §Live DOM, §Internal API).
 */
import type { Worker } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import type { Simulator } from './sim';
import { sha256 } from './sim/images';
import { expectStored, vaultWith } from './support/capture';

/** The worker's image reads: the `id=` of each estuary request it made, in order. */
function workerEstuaryIds(sim: Simulator): (string | null)[] {
  return sim.requestsOf('estuary', 'worker').map((r) => new URL(r.url).searchParams.get('id'));
}

/** The worker asked ChatGPT for a download link for `fileId` before it read any image bytes. */
function expectReadThroughDownload(sim: Simulator, fileId: string): void {
  const downloads = sim.requestsOf('download', 'worker').filter((r) => r.path.includes(fileId));
  expect(downloads.length, 'a files/download request for the image').toBeGreaterThanOrEqual(1);
  expect(downloads.every((r) => r.status === 200)).toBe(true);
  const firstRead = sim.requestsOf('estuary', 'worker')[0];
  expect(firstRead, 'the worker read the bytes').toBeDefined();
  expect(downloads[0]!.at, 'the link came before the read').toBeLessThanOrEqual(firstRead!.at);
  // Only the bare file id the download link names: never the page's own src.
  expect(workerEstuaryIds(sim)).toEqual(workerEstuaryIds(sim).map(() => fileId));
}

/**
 * Records every URL the extension's worker passes to `fetch` from now on. `blob:` reads never
 * reach the simulator's routes, so its request log alone cannot show that none was made.
 */
async function recordWorkerFetches(worker: Worker): Promise<() => Promise<string[]>> {
  await worker.evaluate(() => {
    const g = globalThis as unknown as { fetch: typeof fetch; __fetched?: string[] };
    const original = g.fetch;
    const seen: string[] = [];
    g.__fetched = seen;
    g.fetch = (input, init) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return original.call(globalThis, input, init);
    };
  });
  return () => worker.evaluate(() => (globalThis as unknown as { __fetched: string[] }).__fetched);
}

test('a live gpt-image whose final frame is a blob: URL is stored as the original, via files/download', async ({
  page,
  sim,
  readVault,
  serviceWorker,
}) => {
  const conv = sim.conversation({ title: 'Blob finals' });
  await sim.open(page, conv);
  const workerFetches = await recordWorkerFetches(serviceWorker);
  const gen = await sim.generate(page, conv, {
    prompt: 'A lighthouse made of glass',
    gptImage: {
      title: 'Glass lighthouse',
      revisedPrompt: 'A tall lighthouse of clear glass on a rocky shore at dusk',
      finalSrc: 'blob',
    },
  });
  await gen.done;
  const img = gen.images[0]!;
  // The page shows the final as its own blob: URL and names the file only in data-file-id.
  const final = page.locator(`img[data-file-id="${img.fileId}"]`);
  await expect(final).toHaveCount(1);
  await expect(final).toHaveAttribute('src', /^blob:https:\/\/chatgpt\.com\//);

  const snap = await vaultWith(readVault, 1);
  expectStored(snap, img, sim.served(img.fileId));
  expect(snap.images[0]!.prompt).toBe('A lighthouse made of glass');
  expect(snap.images[0]!.revisedPrompt).toBe('A tall lighthouse of clear glass on a rocky shore at dusk');
  const fetched = await workerFetches();
  expect(
    fetched.filter((u) => u.startsWith('blob:')),
    'the worker never fetched the blob',
  ).toEqual([]);
  expect(
    fetched.some((u) => u.includes(`/files/download/${img.fileId}`)),
    'the recorder saw the link request',
  ).toBe(true);
  expectReadThroughDownload(sim, img.fileId);
});

test('a tile whose src carries a composite #thumbnail id is stored as the original, not the thumbnail', async ({
  page,
  sim,
  readVault,
}) => {
  const conv = sim.conversation({ title: 'Composite ids' });
  conv.user('A paper boat on a puddle').gptImage({
    title: 'Paper boat',
    revisedPrompt: 'A folded paper boat floating on a rainy puddle',
    finalSrc: 'composite',
  });
  await sim.open(page, conv);
  const img = conv.images[0]!;
  const original = sim.served(img.fileId);
  const thumbnail = sim.files.thumbnail(sim.files.get(img.fileId)!);
  expect(sha256(thumbnail)).not.toBe(original.sha256);

  // The page really shows the 256-px preview its composite src serves.
  const final = page.locator('#thread img[data-sim-role="final"]');
  await expect(final).toHaveAttribute('src', new RegExp(`id=[0-9a-f]+%23${img.fileId}%23thumbnail&`));
  await expect.poll(() => final.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(256);

  const snap = await vaultWith(readVault, 1);
  expectStored(snap, img, original);
  expect(snap.sha256[img.fileId], 'not the thumbnail the src served').not.toBe(sha256(thumbnail));
  expectReadThroughDownload(sim, img.fileId);
});
