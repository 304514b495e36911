/**
 * The backfill under pressure (issue 9 §3, §5): a 429 is honoured (the card says `waiting`
 * until when, and the next request leaves no earlier), links that expired are renewed, and a
 * worker stopped in the middle resumes from its cursor in IndexedDB.
 */
import { expect, test } from './harness/fixtures';
import type { Simulator } from './sim';
import { expectStored, vaultWith } from './support/capture';
import { backfill, backlogOf, libraryDone, libraryRequests, libraryStatus } from './support/library';

function birds(sim: Simulator, n: number) {
  const conv = sim.conversation({ title: 'Birds' });
  for (let i = 0; i < n; i++)
    conv.user(`Bird ${i}`).gptImage({ title: `Bird ${i}`, revisedPrompt: `A bird, no. ${i}` });
  return conv;
}

test('a 429 on the library is honoured: waiting until Retry-After, then it goes on by itself', async ({
  page,
  sim,
  readVault,
  openExtensionPage,
}) => {
  const conv = birds(sim, 3);
  await sim.open(page, '/');
  const ext = await openExtensionPage('src/popup/index.html');
  expect(await backlogOf(ext)).toBe(3);
  sim.fault('image-library', 'rate-limit', { retryAfter: 3, from: 'worker' });
  const started = Date.now();
  await backfill(ext, 'start');
  await expect.poll(async () => (await libraryStatus(ext)).backfill.state).toBe('waiting');
  const waiting = (await libraryStatus(ext)).backfill;
  expect(waiting.waitingUntil).toBeGreaterThanOrEqual(started + 3_000);
  expect(waiting.waitingUntil).toBeLessThan(Date.now() + 3_500);
  await libraryDone(ext);

  const reqs = libraryRequests(sim);
  const limited = reqs.findIndex((r) => r.status === 429);
  expect(limited).toBeGreaterThan(0);
  const gap = reqs[limited + 1]!.at - reqs[limited]!.at;
  expect(gap, 'the next library request waits out Retry-After').toBeGreaterThanOrEqual(2_950);
  const vault = await vaultWith(readVault, 3);
  for (const img of conv.images) expectStored(vault, img, sim.served(img.fileId));
});

test('a worker stopped in the middle of the backfill resumes from its cursor; expired links are renewed', async ({
  page,
  sim,
  readVault,
  openExtensionPage,
  stopServiceWorker,
}) => {
  sim.library.pageCap = 2; // the server answers two items a page: the cursor matters
  const conv = birds(sim, 8);
  await sim.open(page, '/');
  const ext = await openExtensionPage('src/popup/index.html');
  expect(await backlogOf(ext)).toBe(8);
  sim.library.expireLinks(); // the count's links die: the backfill reads fresh ones
  await backfill(ext, 'start');
  await expect
    .poll(async () => (await libraryStatus(ext)).backfill.done, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(2);
  await stopServiceWorker();
  const stoppedAt = Date.now();
  expect((await readVault()).images.length, 'stopped in the middle').toBeLessThan(8);

  // Any message wakes the worker (as opening the popup would); the job resumes by itself.
  await expect
    .poll(async () => (await libraryStatus(ext)).backfill.state, { timeout: 5_000 })
    .not.toBe('idle');
  const status = await libraryDone(ext);
  expect(status.backfill.total).toBe(8);
  expect(status.prompts).toMatchObject({ done: 8, total: 8 });
  const vault = await vaultWith(readVault, 8);
  for (const img of conv.images) expectStored(vault, img, sim.served(img.fileId));

  // After the stop, no page from the start again: it went on from the saved cursor.
  const after = libraryRequests(sim).filter((r) => r.at >= stoppedAt);
  expect(after.length).toBeGreaterThan(0);
  expect(after.every((r) => r.after !== null)).toBe(true);
  // Expired links were not renewed one by one through files/download: fresh pages did it.
  expect(sim.count('download', 'worker')).toBe(0);
});
