/**
 * The `scans` store (db/schema.ts ScanRow): the deep scan's per-conversation progress, written
 * as lists are read, so a stopped worker (or the next day) reads no conversation twice, and a
 * later scan skips every conversation unchanged since it was read.
 */
import { openVault } from '../../db/open';
import type { ScanRow } from '../../db/schema';
import type { ListedConversation } from '../../sites/chatgpt/conversation-list';
import { needsRead } from './deep-scan-plan';

/** A conversation read, with the images still to save from it (kept so a resume reads it no more). */
export type FoundImages = NonNullable<ScanRow['found']>;

/** Records listed conversations: changed or new ones become pending. Returns how many did. */
export async function markListed(items: readonly ListedConversation[]): Promise<number> {
  const tx = (await openVault()).transaction('scans', 'readwrite');
  let pending = 0;
  for (const c of items) {
    const old = await tx.store.get(c.id);
    const busy = old?.state === 'pending' || old?.state === 'saving';
    const state = busy ? old.state : needsRead(c.updateTime, old?.readAtUpdate) ? 'pending' : 'read';
    if (state === 'pending' && !busy) pending++;
    await tx.store.put({
      id: c.id,
      listedUpdate: c.updateTime,
      readAtUpdate: old?.readAtUpdate ?? null,
      state,
      found: old?.found ?? null,
    });
  }
  await tx.done;
  return pending;
}

/** The next conversation to work on: one read but not fully saved first, else a pending one. */
export async function nextRow(): Promise<ScanRow | undefined> {
  const db = await openVault();
  return (
    (await db.getFromIndex('scans', 'by-state', 'saving')) ?? db.getFromIndex('scans', 'by-state', 'pending')
  );
}

/** Changes one row (no-op when it is gone). */
export async function updateScanRow(id: string, change: Partial<ScanRow>): Promise<void> {
  const tx = (await openVault()).transaction('scans', 'readwrite');
  const row = await tx.store.get(id);
  if (row) await tx.store.put({ ...row, ...change });
  await tx.done;
}

/** How many conversations wait to be read, and how many images wait to be saved from read ones. */
export async function scanBacklog(): Promise<{ conversations: number; images: number }> {
  const db = await openVault();
  const [conversations, saving] = await Promise.all([
    db.countFromIndex('scans', 'by-state', 'pending'),
    db.getAllFromIndex('scans', 'by-state', 'saving'),
  ]);
  return { conversations, images: saving.reduce((a, r) => a + (r.found?.images.length ?? 0), 0) };
}

/** A new scan: what an earlier, cancelled one left pending is decided again by the listing. */
export async function forgetPending(): Promise<void> {
  const tx = (await openVault()).transaction('scans', 'readwrite');
  for (const row of await tx.store.index('by-state').getAll('pending'))
    await tx.store.put({ ...row, state: 'read' });
  await tx.done;
}
