/**
 * Stops and watches the extension's MV3 service worker through the DevTools protocol.
 *
 * A persistent context has no `browser()`, so no browser-level CDP session; a page-level
 * session's `ServiceWorker` domain still reports (and stops) every worker of the profile,
 * extension workers included. Found by experiment (Chromium 156): `ServiceWorker.stopWorker`
 * takes the worker from running → stopping → stopped; Chrome starts it again (same version,
 * same DevTools target, fresh globals) when an event arrives, e.g. `chrome.runtime.sendMessage`
 * from an extension page or a content script. Playwright's `Worker` object stays valid across
 * the restart, but `evaluate` on it hangs while the worker is stopped.
 * `chrome.runtime.reload()` is no substitute: it unloads the extension for good in this setup.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

export type WorkerStatus = 'stopped' | 'starting' | 'running' | 'stopping';

interface Version {
  versionId: string;
  scriptURL: string;
  runningStatus: WorkerStatus;
}

async function anyPage(context: BrowserContext): Promise<{ page: Page; temporary: boolean }> {
  const open = context.pages().find((p) => !p.isClosed());
  return open ? { page: open, temporary: false } : { page: await context.newPage(), temporary: true };
}

/** Runs `fn` with a CDP session that follows the extension's worker versions. */
async function withWorkerEvents<T>(
  context: BrowserContext,
  extensionId: string,
  fn: (latest: () => Version | undefined, next: () => Promise<Version>, cdp: CDPSession) => Promise<T>,
): Promise<T> {
  const { page, temporary } = await anyPage(context);
  const cdp = await context.newCDPSession(page);
  let current: Version | undefined;
  const waiters: ((v: Version) => void)[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: Version[] }) => {
    for (const v of e.versions) {
      if (!v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) continue;
      current = v;
      for (const w of waiters.splice(0)) w(v);
    }
  });
  try {
    const first = new Promise<Version>((r) => waiters.push(r));
    await cdp.send('ServiceWorker.enable');
    // enable reports the current versions at once
    if (!current)
      await Promise.race([
        first,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`no service worker of extension ${extensionId}`)), 5000),
        ),
      ]);
    return await fn(
      () => current,
      () => new Promise<Version>((r) => waiters.push(r)),
      cdp,
    );
  } finally {
    await cdp.detach().catch(() => {});
    if (temporary) await page.close().catch(() => {});
  }
}

/** The worker's running status now. */
export function workerStatus(context: BrowserContext, extensionId: string): Promise<WorkerStatus> {
  return withWorkerEvents(context, extensionId, async (latest) => latest()!.runningStatus);
}

/** Waits until the worker has the status (e.g. 'running' after an event woke it). */
export function waitForWorkerStatus(
  context: BrowserContext,
  extensionId: string,
  status: WorkerStatus,
  timeoutMs = 10_000,
): Promise<void> {
  return withWorkerEvents(context, extensionId, async (latest, next) => {
    const deadline = Date.now() + timeoutMs;
    while (latest()?.runningStatus !== status) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`service worker did not become ${status} (is ${latest()?.runningStatus})`);
      await Promise.race([next(), new Promise((r) => setTimeout(r, left))]);
    }
  });
}

/**
 * Stops the extension's service worker and resolves once it is really stopped. Chrome starts
 * a worker again at once when an event was queued for it (e.g. `runtime.onInstalled` right
 * after launch): then it is stopped again, after that event ran.
 */
export function stopServiceWorker(
  context: BrowserContext,
  extensionId: string,
  timeoutMs = 10_000,
): Promise<void> {
  return withWorkerEvents(context, extensionId, async (latest, next, cdp) => {
    const deadline = Date.now() + timeoutMs;
    const until = async (done: () => boolean, what: string) => {
      while (!done()) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`service worker did not ${what} (is ${latest()?.runningStatus})`);
        await Promise.race([next(), new Promise((r) => setTimeout(r, left))]);
      }
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      const v = latest()!;
      if (v.runningStatus !== 'stopped') {
        await until(() => ['running', 'stopped'].includes(latest()?.runningStatus ?? ''), 'settle');
        await cdp.send('ServiceWorker.stopWorker', { versionId: latest()!.versionId });
        await until(() => latest()?.runningStatus === 'stopped', 'stop');
      }
      // Queued events restart it within moments; give Chrome one event turn to say so.
      const restarted = await Promise.race([
        next().then((n) => n.runningStatus !== 'stopped'),
        new Promise<boolean>((r) => setTimeout(() => r(false), 300)),
      ]);
      if (!restarted) return;
    }
    throw new Error('service worker keeps restarting after being stopped');
  });
}
