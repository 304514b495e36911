/**
 * The deep scan (issue 9 §7), started from the library card: DALL·E-era images that the
 * library does not list are found in their conversations (the main list and a project's),
 * stored with the served bytes and both prompts from that conversation's JSON; a tombstoned
 * image is never fetched; a second scan reads no unchanged conversation.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { expectStored, vaultWith } from './support/capture';
import { backlogOf, libraryRequests, tombstone } from './support/library';

const DAY_S = 86_400;
const deep = (p: Page) => p.getByTestId('library-deepscan');

test('deep scan: an old DALL·E image and a project image are found and stored; tombstones and unchanged conversations cost nothing', async ({
  page,
  sim,
  readVault,
  openExtensionPage,
}) => {
  const old = sim.conversation({ title: 'Lighthouses', createTime: Date.now() / 1000 - 400 * DAY_S });
  old
    .user('A lighthouse in a storm')
    .dalle({ revisedPrompt: 'A tall lighthouse, waves crashing, night', n: 2 });
  const project = sim.conversation({
    title: 'Logo work',
    kind: 'project',
    createTime: Date.now() / 1000 - 200 * DAY_S,
  });
  project.user('A fox logo').dalle({ revisedPrompt: 'A minimal orange fox logo on white' });
  const [keep, deleted] = old.images as [(typeof old.images)[0], (typeof old.images)[0]];
  const fox = project.images[0]!;

  await sim.open(page, '/');
  const popup = await openExtensionPage('src/popup/index.html');
  expect(await backlogOf(popup)).toBe(0); // the library lists none of them (DALL·E)
  await tombstone(popup, deleted.fileId, sim.served(deleted.fileId).sha256);
  await popup.reload();

  await expect(deep(popup)).toHaveAttribute('data-state', 'idle');
  await popup.getByTestId('library-deepscan-start').click();
  await expect(deep(popup)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(deep(popup)).toHaveAttribute('data-done', '2');
  await expect(deep(popup)).toHaveAttribute('data-total', '2');
  await expect(deep(popup)).toHaveAttribute('data-found', '2');

  const vault = await vaultWith(readVault, 2);
  expectStored(vault, keep, sim.served(keep.fileId));
  expectStored(vault, fox, sim.served(fox.fileId));
  expect(vault.images.map((r) => r.source)).toEqual(['deep-scan', 'deep-scan']);
  expect(vault.images.find((r) => r.id === fox.fileId)?.conversationTitle).toBe('Logo work');

  const worker = sim.requestsOf(undefined, 'worker');
  expect(worker.filter((r) => r.url.includes(deleted.fileId))).toEqual([]);
  // Each conversation read once; bytes through files/download (the JSON has no links).
  const reads = () => sim.requestsOf('conversation', 'worker').map((r) => r.path.split('/').pop());
  expect(reads().sort()).toEqual([old.id, project.id].sort());
  expect(
    sim
      .requestsOf('download', 'worker')
      .map((r) => r.path.split('/')[4])
      .sort(),
  ).toEqual([keep.fileId, fox.fileId].sort());
  const lists = sim.requestsOf('conversations', 'worker').map((r) => new URL(r.url).searchParams);
  expect(lists.map((q) => [q.get('offset'), q.get('limit')])).toEqual([['0', '100']]);
  expect(sim.count('projects', 'worker')).toBe(1);
  expect(sim.requestsOf('project-conversations', 'worker').map((r) => r.path.split('/')[3])).toEqual([
    project.gizmoId,
  ]);
  expect(libraryRequests(sim).length).toBe(1); // the library's own count, nothing per image

  // A second scan lists again but reads no unchanged conversation.
  await popup.getByTestId('library-deepscan-start').click();
  await expect(deep(popup)).toHaveAttribute('data-state', 'running');
  await expect(deep(popup)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(deep(popup)).toHaveAttribute('data-done', '0');
  expect(sim.count('conversations', 'worker')).toBe(2);
  expect(reads().length).toBe(2);
  expect(sim.count('download', 'worker')).toBe(2);
  expect((await readVault()).images.length).toBe(2);
});

test('the simulated conversation list refuses more than 100 a page, as ChatGPT does', async ({
  page,
  sim,
}) => {
  await sim.open(page, '/');
  const statuses = await page.evaluate(async () => {
    const { accessToken } = await (await fetch('/api/auth/session')).json();
    const get = (n: number) =>
      fetch(`/backend-api/conversations?offset=0&limit=${n}`, {
        headers: { Authorization: `Bearer ${accessToken}` },
      }).then((r) => r.status);
    return [await get(100), await get(101)];
  });
  expect(statuses).toEqual([200, 422]);
});

test('a worker stopped in the middle of a deep scan resumes it; no finished conversation is read again', async ({
  page,
  sim,
  readVault,
  openExtensionPage,
  stopServiceWorker,
}) => {
  const convs = [0, 1, 2].map((i) => {
    const c = sim.conversation({ title: `Old ${i}`, createTime: Date.now() / 1000 - (300 + i) * DAY_S });
    c.user(`A still life, take ${i}`).dalle({ revisedPrompt: `A still life with pears, version ${i}` });
    return c;
  });
  await sim.open(page, '/');
  const popup = await openExtensionPage('src/popup/index.html');
  expect(await backlogOf(popup)).toBe(0);
  await popup.getByTestId('library-deepscan-start').click();
  // Bulk requests leave at least 1 s apart: stop once one image is stored, mid-scan.
  await expect
    .poll(async () => (await readVault()).images.length, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(1);
  await stopServiceWorker();
  const finished = new Set((await readVault()).images.map((r) => r.conversationId));
  expect(finished.size, 'stopped in the middle').toBeLessThan(3);

  // Opening the popup wakes the worker; the scan goes on by itself and finishes.
  await popup.reload();
  await expect(deep(popup)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const vault = await vaultWith(readVault, 3);
  for (const c of convs) expectStored(vault, c.images[0]!, sim.served(c.images[0]!.fileId));
  const reads = sim.requestsOf('conversation', 'worker').map((r) => r.path.split('/').pop()!);
  for (const c of convs) {
    const n = reads.filter((id) => id === c.id).length;
    // A read cut off by the stop (answer not yet recorded) is repeated; a finished one never.
    if (finished.has(c.id)) expect(n, `${c.title} read once`).toBe(1);
    else expect(n).toBeGreaterThanOrEqual(1);
  }
  expect(reads.length).toBeLessThanOrEqual(convs.length + 1);
});
