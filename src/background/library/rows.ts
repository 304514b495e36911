/**
 * The `library` store: where each ChatGPT library image stands (db/schema.ts LibraryRow).
 * Written as pages are read, so a stopped worker resumes without reading them again.
 */
import { isPromptOnly } from '../../core/types';
import { openVault } from '../../db/open';
import type { LibraryRow } from '../../db/schema';
import { wasDeleted } from '../../db/tombstones';
import type { LibraryItem } from '../../sites/chatgpt/library';

export type { LibraryRow } from '../../db/schema';

/** Rows of these file ids that exist, by id. */
export async function rowsOf(ids: readonly string[]): Promise<Map<string, LibraryRow>> {
  const tx = (await openVault()).transaction('library');
  const rows = await Promise.all(ids.map((id) => tx.store.get(id)));
  return new Map(rows.filter((r): r is LibraryRow => r !== undefined).map((r) => [r.id, r]));
}

/**
 * Records newly listed items (those without a row): 'saved' when the vault has them,
 * 'deleted' when the user deleted them, else 'new' (created at or after `boundary`) or
 * 'backlog'. Existing rows get the fresh item (its URL) and keep their state.
 */
export async function recordItems(items: readonly LibraryItem[], boundary: number): Promise<LibraryRow[]> {
  const tx = (await openVault()).transaction(['library', 'images', 'tombstones', 'trash'], 'readwrite');
  const library = tx.objectStore('library');
  const deletion = { tombstones: tx.objectStore('tombstones'), trash: tx.objectStore('trash') };
  const out: LibraryRow[] = [];
  for (const item of items) {
    const old = await library.get(item.fileId);
    let row: LibraryRow;
    if (old) row = { ...old, item };
    else {
      const rec = await tx.objectStore('images').get(item.fileId);
      // A prompt-only record (issue 10) is not stored: sync/backfill saves it, upgrading it.
      const stored = rec && !isPromptOnly(rec) ? rec : undefined;
      const deleted = !stored && (await wasDeleted(deletion, item.fileId));
      row = {
        id: item.fileId,
        item,
        bytes: stored ? 'saved' : deleted ? 'deleted' : item.createdAt >= boundary ? 'new' : 'backlog',
        prompts: 'none',
        size: stored?.bytes ?? 0,
        error: null,
      };
    }
    await library.put(row);
    out.push(row);
  }
  await tx.done;
  return out;
}

/** Changes one row (no-op when it is gone). */
export async function updateRow(id: string, change: Partial<LibraryRow>): Promise<void> {
  const tx = (await openVault()).transaction('library', 'readwrite');
  const row = await tx.store.get(id);
  if (row) await tx.store.put({ ...row, ...change });
  await tx.done;
}

/** Rows whose bytes are in `state`. */
export async function rowsWithBytes(state: LibraryRow['bytes']): Promise<LibraryRow[]> {
  return (await openVault()).getAllFromIndex('library', 'by-bytes', state);
}

/** How many rows have bytes / prompts in each state. */
export async function countRows(): Promise<{
  bytes: Record<LibraryRow['bytes'], number>;
  prompts: Record<LibraryRow['prompts'], number>;
}> {
  const db = await openVault();
  const b = (s: LibraryRow['bytes']) => db.countFromIndex('library', 'by-bytes', s);
  const p = (s: LibraryRow['prompts']) => db.countFromIndex('library', 'by-prompts', s);
  const [n, bl, sv, dl, fl, pp, pd, pn] = await Promise.all([
    b('new'),
    b('backlog'),
    b('saved'),
    b('deleted'),
    b('failed'),
    p('pending'),
    p('done'),
    p('none'),
  ]);
  return {
    bytes: { new: n, backlog: bl, saved: sv, deleted: dl, failed: fl },
    prompts: { pending: pp, done: pd, none: pn },
  };
}

/** Rows waiting for their prompts, oldest conversation group first. */
export async function pendingPromptRows(): Promise<LibraryRow[]> {
  return (await openVault()).getAllFromIndex('library', 'by-prompts', 'pending');
}
