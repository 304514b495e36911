/**
 * Playwright fixtures for Image Vault: a fresh Chromium profile with the built extension
 * (dist/) per test, the ChatGPT simulator installed on it (routes first, so no test can
 * reach the network), and helpers to open extension pages, read the vault and stop the
 * service worker. Usage: `import { test, expect } from './harness/fixtures'`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, test as base, type Page, type Worker } from '@playwright/test';
import { Simulator, type SimulatorOptions } from '../sim';
import { launchBrowser } from './launch';
import { stopServiceWorker, type WorkerStatus, waitForWorkerStatus, workerStatus } from './service-worker';
import { readVault, type VaultSnapshot } from './vault';

export type { VaultSnapshot } from './vault';

export interface ExtensionFixtures {
  /** Simulator options for this test: `test.use({ simOptions: { cdnCors: true } })`. */
  simOptions: Partial<SimulatorOptions>;
  /** The extension's MV3 service worker (stays valid across stop/restart). */
  serviceWorker: Worker;
  extensionId: string;
  /** The ChatGPT simulator, installed on `context` before anything else runs. */
  sim: Simulator;
  /** Opens `chrome-extension://{id}/{path}` in a new page, e.g. 'src/gallery/index.html'. */
  openExtensionPage: (path: string) => Promise<Page>;
  /** The vault's IndexedDB contents now, with the SHA-256 of every stored original. */
  readVault: () => Promise<VaultSnapshot>;
  /** Stops the extension's service worker; resolves once it is stopped. */
  stopServiceWorker: () => Promise<void>;
  /** Resolves once the worker has this status (e.g. 'running' after an event woke it). */
  waitForServiceWorker: (status: WorkerStatus) => Promise<void>;
  serviceWorkerStatus: () => Promise<WorkerStatus>;
}

export const test = base.extend<ExtensionFixtures>({
  simOptions: [{}, { option: true }],

  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures need the destructuring.
  context: async ({}, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'image-vault-e2e-'));
    const context: BrowserContext = await launchBrowser(profile);
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },

  sim: [
    async ({ context, simOptions }, use) => {
      await use(await new Simulator(context, simOptions).install());
    },
    { auto: true },
  ],

  // The persistent context opens with one blank tab: reuse it as `page`.
  page: async ({ context, sim: _sim }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },

  serviceWorker: async ({ context }, use) => {
    const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
    const worker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
    await use(worker);
  },

  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },

  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    });
  },

  readVault: async ({ context, extensionId }, use) => {
    await use(() => readVault(context, extensionId));
  },

  stopServiceWorker: async ({ context, extensionId }, use) => {
    await use(() => stopServiceWorker(context, extensionId));
  },

  waitForServiceWorker: async ({ context, extensionId }, use) => {
    await use((status) => waitForWorkerStatus(context, extensionId, status));
  },

  serviceWorkerStatus: async ({ context, extensionId }, use) => {
    await use(() => workerStatus(context, extensionId));
  },
});

export { expect } from '@playwright/test';
