/**
 * Open tabs work at once (issue #8 point 4): a ChatGPT tab that was open before the
 * extension was installed, or while it was updated, captures without being reloaded, and
 * only one copy of the content script reports per page. The extension is loaded into the
 * running browser through the DevTools protocol (harness/load-later.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, expect, type Page, test, type Worker } from '@playwright/test';
import { launchBrowser } from './harness/launch';
import { type LateInstaller, lateInstaller } from './harness/load-later';
import { readVault } from './harness/vault';
import { Simulator } from './sim';
import { expectStored, vaultWith } from './support/capture';

interface Setup {
  context: BrowserContext;
  sim: Simulator;
  page: Page;
  installer: LateInstaller;
}

let setup: Setup | null = null;
let profile = '';

test.beforeEach(async () => {
  profile = mkdtempSync(join(tmpdir(), 'image-vault-e2e-'));
  // No extension yet: the simulator's routes are installed before any page loads.
  const context = await launchBrowser(profile, { extension: false, loadLater: true });
  const sim = await new Simulator(context).install();
  const page = context.pages()[0] ?? (await context.newPage());
  setup = { context, sim, page, installer: await lateInstaller(profile) };
});

test.afterEach(async () => {
  await setup?.installer.close();
  await setup?.context.close();
  setup = null;
  rmSync(profile, { recursive: true, force: true });
});

/** Counts, in the page's own world, the content-script copies that start (lifecycle.ts). */
async function countStarts(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { ivStarts: number };
    w.ivStarts = 0;
    document.addEventListener('image-vault:hello', () => {
      w.ivStarts++;
    });
  });
  return () => page.evaluate(() => (window as unknown as { ivStarts: number }).ivStarts);
}

/** Marks the page's window, so a test can show the tab was never reloaded. */
async function markWindow(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => {
    (window as unknown as { ivMark: string }).ivMark = 'not reloaded';
  });
  return () => page.evaluate(() => (window as unknown as { ivMark?: string }).ivMark === 'not reloaded');
}

/** The service worker of the extension `id` (loaded after launch). */
async function workerOf(context: BrowserContext, id: string): Promise<Worker> {
  const ours = (w: Worker) => w.url().startsWith(`chrome-extension://${id}/`);
  return (
    context.serviceWorkers().find(ours) ??
    (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 15_000 }))
  );
}

test('a ChatGPT tab open before the install saves its image without a reload', async () => {
  const { context, sim, page, installer } = setup!;
  const conv = sim
    .conversation({ title: 'Before install' })
    .user('Paint a lighthouse in a storm')
    .gptImage({ revisedPrompt: 'An oil painting of a lighthouse in a storm', title: 'Lighthouse' });
  await sim.open(page, conv);
  const starts = await countStarts(page);
  const notReloaded = await markWindow(page);
  expect(await page.evaluate(() => document.documentElement.dataset.imageVault)).toBeUndefined();

  const id = await installer.load();

  const img = conv.images[0]!;
  const snap = await vaultWith(() => readVault(context, id), 1);
  expectStored(snap, img, sim.served(img.fileId));
  expect(await notReloaded()).toBe(true);
  expect(await starts()).toBe(1);
  expect(snap.kv.injectFailedTabs ?? []).toEqual([]);
});

test('after an update with a tab open, a new image is stored exactly once', async () => {
  const { context, sim, page, installer } = setup!;
  const id = await installer.load();
  const conv = sim
    .conversation({ title: 'Across an update' })
    .user('A red bicycle')
    .gptImage({ revisedPrompt: 'A red bicycle against a white wall', title: 'Red bicycle' });
  await sim.open(page, conv);
  const first = conv.images[0]!;
  await vaultWith(() => readVault(context, id), 1);
  const starts = await countStarts(page);
  const notReloaded = await markWindow(page);

  expect(await installer.load()).toBe(id); // the same extension, updated in place

  // The new copy started once in the open tab; a second injection starts no other copy.
  await expect.poll(starts).toBe(1);
  const worker = await workerOf(context, id);
  const tabId = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ url: 'https://chatgpt.com/*' });
    return tab!.id!;
  });
  await worker.evaluate(async (tabId) => {
    const files = chrome.runtime.getManifest().content_scripts![0]!.js!;
    await chrome.scripting.executeScript({ target: { tabId }, files });
  }, tabId);
  expect(await starts()).toBe(1);

  const gen = await sim.generate(page, conv, {
    prompt: 'Now a blue one',
    gptImage: { revisedPrompt: 'A blue bicycle against a white wall', title: 'Blue bicycle' },
  });
  await gen.done;
  const second = gen.images[0]!;
  const snap = await vaultWith(() => readVault(context, id), 2);
  expectStored(snap, first, sim.served(first.fileId));
  expectStored(snap, second, sim.served(second.fileId));
  expect(snap.images.map((r) => r.id).sort()).toEqual([first.fileId, second.fileId].sort());
  expect(snap.queue).toEqual([]);
  expect(await notReloaded()).toBe(true);
});

test('a tab the script cannot start in is listed for "Reload your ChatGPT tab", until it reloads', async () => {
  const { context, sim, page, installer } = setup!;
  const conv = sim
    .conversation({ title: 'Error page' })
    .user('A kite')
    .gptImage({ revisedPrompt: 'A red kite over a beach', title: 'Kite' });
  // A ChatGPT tab showing Chromium's error page: no script may run there.
  await page.route('**/*', (route) => route.abort('connectionfailed'));
  await expect(page.goto(sim.url(conv))).rejects.toThrow();
  await page.unrouteAll();

  const id = await installer.load();
  const worker = await workerOf(context, id);
  const tabId = await worker.evaluate(
    async () => (await chrome.tabs.query({ url: 'https://chatgpt.com/*' }))[0]!.id!,
  );
  // On a loaded machine the install (with its welcome tab) and the refused injection took more
  // than the default 10 s once in a full run: wait longer for the same signal.
  await expect
    .poll(async () => (await readVault(context, id)).kv.injectFailedTabs, { timeout: 30_000 })
    .toEqual([tabId]);

  await sim.open(page, conv); // the user reloads the tab: the manifest's script runs
  const img = conv.images[0]!;
  const snap = await vaultWith(() => readVault(context, id), 1);
  expectStored(snap, img, sim.served(img.fileId));
  await expect.poll(async () => (await readVault(context, id)).kv.injectFailedTabs).toEqual([]);
});
