/**
 * The vault's totals, maintained instead of counted (issue 13 §2): IndexedDB's count() walks
 * every row, which at 20,000 images kept the popup waiting. Every write that adds, removes or
 * upgrades an image record also changes the kv row `imageCounts`, inside the same
 * transaction, so the totals cannot drift from the rows. A missing row (a vault from before
 * this, or rows written by hand) is rebuilt once from a real count by the next read.
 */
import { type ImageRecord, isPromptOnly } from '../core/types';
import { openVault } from './open';

/** The kv key of the maintained totals. */
export const IMAGE_COUNTS_KEY = 'imageCounts';

/** Saved images (they hold their bytes) and prompt-only records (issue 10). */
export interface ImageCounts {
  saved: number;
  promptOnly: number;
}

/** The `kv` store as seen inside any read-write transaction that holds it. */
export interface CountStore {
  get(key: string): Promise<unknown>;
  put(value: unknown, key: string): Promise<unknown>;
}

/** What one transaction does to the totals, noted record by record as it writes. */
export class CountChange {
  saved = 0;
  promptOnly = 0;

  /** `before` (absent: a new id) became `after` (absent: deleted) under one id. */
  note(before: ImageRecord | null | undefined, after: ImageRecord | null | undefined): void {
    this.add(before, -1);
    this.add(after, 1);
  }

  private add(rec: ImageRecord | null | undefined, sign: 1 | -1): void {
    if (!rec) return;
    if (isPromptOnly(rec)) this.promptOnly += sign;
    else this.saved += sign;
  }

  /**
   * Writes the change into `kv` (call it before the transaction ends). A missing row is left
   * missing: a delta on top of nothing would be wrong, and the next read rebuilds it.
   */
  async apply(kv: CountStore): Promise<void> {
    if (!this.saved && !this.promptOnly) return;
    const now = (await kv.get(IMAGE_COUNTS_KEY)) as ImageCounts | undefined;
    if (!isCounts(now)) return;
    await kv.put(
      { saved: now.saved + this.saved, promptOnly: now.promptOnly + this.promptOnly },
      IMAGE_COUNTS_KEY,
    );
    this.saved = 0;
    this.promptOnly = 0;
  }
}

function isCounts(v: unknown): v is ImageCounts {
  const c = v as ImageCounts | undefined;
  return (
    typeof c?.saved === 'number' && typeof c.promptOnly === 'number' && c.saved >= 0 && c.promptOnly >= 0
  );
}

/** The totals: one kv read; the first time (no row yet) one real count, then stored. */
export async function imageCounts(): Promise<ImageCounts> {
  const db = await openVault();
  const kept = await db.get('kv', IMAGE_COUNTS_KEY);
  if (isCounts(kept)) return kept;
  // Counted and stored in one transaction: no write can land between the count and the row.
  const tx = db.transaction(['images', 'kv'], 'readwrite');
  const [all, promptOnly] = await Promise.all([
    tx.objectStore('images').count(),
    tx.objectStore('images').index('by-promptOnly').count(),
  ]);
  const counts = { saved: all - promptOnly, promptOnly };
  await tx.objectStore('kv').put(counts, IMAGE_COUNTS_KEY);
  await tx.done;
  return counts;
}
