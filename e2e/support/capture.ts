/** Shared assertions for capture tests: what a user would notice in the vault. */

import type { BrowserContext, Page, Route } from '@playwright/test';
import { expect, type VaultSnapshot } from '../harness/fixtures';
import type { SimImage } from '../sim';
import { storedMismatches } from './stored-image';

export type ReadVault = () => Promise<VaultSnapshot>;

/** Waits until the vault holds exactly `n` images and no job is waiting, then returns it. */
export async function vaultWith(readVault: ReadVault, n: number, timeout = 20_000): Promise<VaultSnapshot> {
  let snap: VaultSnapshot | null = null;
  await expect
    .poll(
      async () => {
        snap = await readVault();
        const waiting = snap.queue.filter((j) => j.state !== 'failed').length;
        return `${snap.images.length} images, ${waiting} waiting`;
      },
      { timeout },
    )
    .toBe(`${n} images, 0 waiting`);
  return snap!;
}

/** Waits until the vault holds a failed job (given up) and returns it. */
export async function vaultWithFailure(readVault: ReadVault, timeout = 60_000): Promise<VaultSnapshot> {
  let snap: VaultSnapshot | null = null;
  await expect
    .poll(
      async () => {
        snap = await readVault();
        return snap.queue.some((j) => j.state === 'failed');
      },
      { timeout },
    )
    .toBe(true);
  return snap!;
}

/** The stored record equals the scenario's image: bytes by hash, prompts, lineage, size. */
export function expectStored(
  snap: VaultSnapshot,
  img: SimImage,
  served: { sha256: string; bytes: number },
): void {
  expect(storedMismatches(snap, img, served)).toEqual([]);
}

/**
 * Lets a test answer the extension service worker's requests itself (the page's own requests
 * go on to the simulator). Routes added later run first in Playwright, so this wraps the
 * simulator. Return true from `handle` when it answered the route.
 */
export async function onWorkerRequest(
  context: BrowserContext,
  match: (url: URL) => boolean,
  handle: (route: Route) => Promise<boolean>,
): Promise<void> {
  await context.route(
    (url) => match(url),
    async (route) => {
      if (route.request().serviceWorker() && (await handle(route))) return;
      await route.fallback();
    },
  );
}

export const isEstuary = (u: URL) => u.pathname === '/backend-api/estuary/content';
export const isCdn = (u: URL) => u.hostname === 'files.oaiusercontent.com';

/** Sends a protocol message from an extension page (as the popup or gallery would). */
export function sendFrom(ext: Page, type: string, payload: unknown = {}) {
  return ext.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [
    type,
    payload,
  ] as const);
}
