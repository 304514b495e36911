/**
 * A test double for the library engine, inside an extension page: it answers the page's
 * `libraryStatus` and `libraryBackfill` messages with given `LibraryStatus` objects and
 * records every `libraryBackfill` message sent. Every other message still reaches the real
 * background. It replaces `chrome.runtime.sendMessage` before the page's scripts run (an
 * init script), so the page's real, built code — webextension-polyfill included — is tested.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { LibraryJobProgress, LibraryStatus } from '../../src/messaging/protocol';

/** The double's state in the page (`window.__library`). */
export interface LibraryDouble {
  status: LibraryStatus;
  /** What `libraryBackfill` answers per action (default: the current status). */
  after: Partial<Record<string, LibraryStatus>>;
  /** Every `libraryBackfill` message, in order. */
  sent: { type: string; payload: { action: string } }[];
  /** How many `libraryStatus` messages were answered. */
  asked: number;
}

/** An idle job, with `patch` applied. */
export function job(patch: Partial<LibraryJobProgress> = {}): LibraryJobProgress {
  return {
    state: 'idle',
    done: 0,
    total: 0,
    bytes: 0,
    etaMs: null,
    waitingUntil: null,
    error: null,
    ...patch,
  };
}

/** A library status with nothing going on, with `patch` applied. */
export function library(patch: Partial<LibraryStatus> = {}): LibraryStatus {
  return {
    backlog: null,
    backlogBytes: null,
    backfill: job(),
    prompts: job(),
    lastSyncAt: null,
    invalidItems: 0,
    problem: null,
    ...patch,
  };
}

function install(initial: LibraryStatus): void {
  const w = window as unknown as { __library: LibraryDouble };
  w.__library = { status: initial, after: {}, sent: [], asked: 0 };
  const rt = (globalThis as unknown as { chrome?: { runtime?: Record<string, unknown> } }).chrome?.runtime;
  if (!rt?.sendMessage) return;
  const real = rt.sendMessage as (...a: unknown[]) => unknown;
  const fake = (...args: unknown[]) => {
    const msg = args[0] as { type?: string; payload?: { action: string } } | undefined;
    const cb = typeof args.at(-1) === 'function' ? (args.at(-1) as (r: unknown) => void) : null;
    if (msg?.type !== 'libraryStatus' && msg?.type !== 'libraryBackfill') return real.apply(rt, args);
    const d = w.__library;
    if (msg.type === 'libraryBackfill') {
      d.sent.push(JSON.parse(JSON.stringify(msg)));
      d.status = d.after[msg.payload!.action] ?? d.status;
    } else d.asked++;
    const reply = JSON.parse(JSON.stringify(d.status));
    if (!cb) return Promise.resolve(reply);
    setTimeout(() => cb(reply));
    return undefined;
  };
  Object.defineProperty(rt, 'sendMessage', { value: fake, configurable: true, writable: true });
}

/** Makes every page of `context` opened from now on answer with `initial` (then what tests set). */
export async function installLibraryDouble(context: BrowserContext, initial: LibraryStatus): Promise<void> {
  await context.addInitScript(install, initial);
}

/** The double's recorded state. */
export function libraryDouble(page: Page): Promise<LibraryDouble> {
  return page.evaluate(() => (window as unknown as { __library: LibraryDouble }).__library);
}

/** Sets what the double answers from now on; `announce` broadcasts `status-changed` as the worker does. */
export async function setLibrary(
  page: Page,
  status: LibraryStatus,
  opts: { after?: LibraryDouble['after']; announce?: boolean } = {},
): Promise<void> {
  await page.evaluate(
    ([s, after, announce]) => {
      const d = (window as unknown as { __library: LibraryDouble }).__library;
      d.status = s;
      if (after) d.after = after;
      // Another channel object in the same page: a BroadcastChannel never hears itself.
      if (announce) new BroadcastChannel('image-vault').postMessage({ type: 'status-changed' });
    },
    [status, opts.after, opts.announce ?? true] as const,
  );
}
