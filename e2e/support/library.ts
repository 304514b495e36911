/** Helpers for the library sync and backfill tests (issue 9). */
import type { Page } from '@playwright/test';
import type { LibraryStatus } from '../../src/messaging/protocol';
import { expect } from '../harness/fixtures';
import type { SimConversation, Simulator } from '../sim';
import { sendFrom } from './capture';

/** The card's state, as the popup and gallery get it. */
export function libraryStatus(ext: Page): Promise<LibraryStatus> {
  return sendFrom(ext, 'libraryStatus') as Promise<LibraryStatus>;
}

/** Sends a backfill action (start = the user's consent). */
export function backfill(ext: Page, action: 'start' | 'pause' | 'resume' | 'cancel'): Promise<LibraryStatus> {
  return sendFrom(ext, 'libraryBackfill', { action }) as Promise<LibraryStatus>;
}

/** Waits until the library has been counted, and returns the backlog. */
export async function backlogOf(ext: Page, timeout = 20_000): Promise<number> {
  let n: number | null = null;
  await expect
    .poll(
      async () => {
        n = (await libraryStatus(ext)).backlog;
        return n !== null;
      },
      { timeout },
    )
    .toBe(true);
  return n!;
}

/**
 * Waits until the backfill and the prompt filling both say `done` (the prompts say `idle`
 * when there were none to find: the card shows no "Prompts: 0 of 0").
 */
export async function libraryDone(ext: Page, timeout = 60_000): Promise<LibraryStatus> {
  let s: LibraryStatus | null = null;
  await expect
    .poll(
      async () => {
        s = await libraryStatus(ext);
        const none = s.prompts.state === 'idle' && s.prompts.total === 0;
        return `${s.backfill.state}/${none ? 'done' : s.prompts.state}`;
      },
      { timeout },
    )
    .toBe('done/done');
  return s!;
}

/**
 * A conversation made after install and never opened in this browser: an image generated
 * on the phone. Its library `created_at` is after the install (seconds, rounded up).
 */
export function phoneConversation(sim: Simulator, title: string): SimConversation {
  return sim.conversation({ title, createTime: Math.ceil(Date.now() / 1000) + 2 });
}

/** Worker requests to the library endpoint, with their `after` cursor. */
export function libraryRequests(sim: Simulator): { at: number; after: string | null; status: number }[] {
  return sim
    .requestsOf('image-library', 'worker')
    .map((r) => ({ at: r.at, after: new URL(r.url).searchParams.get('after'), status: r.status }));
}

/** Writes a tombstone as a deletion whose undo window passed would (db/tombstones.ts). */
export async function tombstone(ext: Page, id: string, sha256: string): Promise<void> {
  await ext.evaluate(
    ([id, sha256]) =>
      new Promise<void>((resolve, reject) => {
        const r = indexedDB.open('image-vault');
        r.onsuccess = () => {
          const tx = r.result.transaction('tombstones', 'readwrite');
          tx.objectStore('tombstones').put({ id, sha256, deletedAt: Date.now() });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        r.onerror = () => reject(r.error);
      }),
    [id, sha256] as const,
  );
}
