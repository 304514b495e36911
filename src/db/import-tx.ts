/**
 * The one transaction shape both import writers (import-merge.ts for Image Vault's archives,
 * official-import.ts for ChatGPT's export) write a batch in, and how a batch commits or leaves
 * nothing of itself.
 */
import type { IDBPTransaction } from 'idb';
import { openVault } from './open';
import type { VaultDB } from './schema';

export type ImportTx = IDBPTransaction<
  VaultDB,
  ('images' | 'originals' | 'thumbs' | 'tombstones' | 'trash' | 'kv')[],
  'readwrite'
>;

/** A read-write transaction over the stores an import batch touches (kv: the maintained totals, image-count.ts). */
export async function importTx(): Promise<ImportTx> {
  return (await openVault()).transaction(
    ['images', 'originals', 'thumbs', 'tombstones', 'trash', 'kv'],
    'readwrite',
  );
}

/**
 * Runs `work` in `tx`, then waits for the commit. When `work` fails, the transaction is
 * aborted (a failed request alone does not undo the others of its transaction) and the error
 * rethrown, so the batch leaves nothing of itself.
 */
export async function commitOrAbort(tx: ImportTx, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    tx.done.catch(() => {}); // rejects with AbortError: expected, not worth a console error
    try {
      tx.abort();
    } catch {}
    throw err;
  }
  await tx.done;
}
