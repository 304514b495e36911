/**
 * Counters computed from IndexedDB, never read-modify-written elsewhere: two images that
 * finish together are both counted (issue 8 §6).
 */
import { openVault } from './open';

/**
 * How many images capture stored at or after `since` (epoch ms) that are still in the
 * vault: the badge's "saved this browser session". Walks only that range of the
 * `by-capturedAt` index; imports are left out by their `source`.
 */
export async function capturedSinceCount(since: number): Promise<number> {
  const index = (await openVault()).transaction('images').store.index('by-capturedAt');
  let n = 0;
  for (let c = await index.openCursor(IDBKeyRange.lowerBound(since)); c; c = await c.continue()) {
    if (c.value.source === 'capture') n++;
  }
  return n;
}
