/**
 * The gallery's reads: paging through `images` by index, thumbnails in batches,
 * edit lineage. Mutations (favourite, delete/undo) are in gallery-mutations.ts.
 */
import { unwrap } from 'idb';
import type { ImageRecord } from '../core/types';
import { imageCounts } from './image-count';
import { openVault } from './open';

/** IDBIndex.getAllRecords() options (not yet in TypeScript's DOM types). */
interface GetAllRecordsOptions {
  count?: number;
  direction?: IDBCursorDirection;
}

/**
 * The first `n` records by creation time, without reading the rest: enough to paint the
 * first screen of a large vault before everything is loaded.
 */
export function firstRecords(n: number, order: 'newest' | 'oldest'): Promise<ImageRecord[]> {
  return topOfIndex('by-createdAt', n, order === 'newest' ? 'prev' : 'next');
}

/** The `n` most recently captured records, newest first (the popup). */
export function latestCaptured(n: number): Promise<ImageRecord[]> {
  return topOfIndex('by-capturedAt', n, 'prev');
}

async function topOfIndex(
  name: 'by-createdAt' | 'by-capturedAt',
  n: number,
  direction: IDBCursorDirection,
): Promise<ImageRecord[]> {
  const index = (await openVault()).transaction('images').store.index(name);
  // One request instead of n cursor round trips, where the browser has it (Chrome 141+).
  const raw = unwrap(index) as IDBIndex & {
    getAllRecords?: (o: GetAllRecordsOptions) => IDBRequest<{ value: ImageRecord }[]>;
  };
  if (typeof raw.getAllRecords === 'function') {
    const req = raw.getAllRecords({ count: n, direction });
    return new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result.map((r) => r.value));
      req.onerror = () => reject(req.error);
    });
  }
  const out: ImageRecord[] = [];
  for (let c = await index.openCursor(null, direction); c && out.length < n; c = await c.continue()) {
    out.push(c.value);
  }
  return out;
}

/**
 * Every record, in primary-key chunks so that no single task deserializes 20,000 rows
 * at once (keeps the page responsive while it loads). `onChunk` sees each chunk.
 */
export async function allRecords(
  chunk = 1000,
  onChunk?: (recs: ImageRecord[]) => void,
): Promise<ImageRecord[]> {
  const db = await openVault();
  const out: ImageRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
    const recs: ImageRecord[] = await db.getAll('images', range, chunk);
    if (!recs.length) break;
    for (const r of recs) out.push(r);
    onChunk?.(recs);
    if (recs.length < chunk) break;
    after = recs[recs.length - 1]!.id;
  }
  return out;
}

/** Every record, prompt-only ones included (the gallery's cards; its consistency check). */
export async function imageCount(): Promise<number> {
  return (await openVault()).count('images');
}

/** Records that hold their image: prompt-only records (issue 10) are not saved images. */
export async function savedImageCount(): Promise<number> {
  // Maintained with every write (image-count.ts): no walk over the rows.
  return (await imageCounts()).saved;
}

/** Prompt-only records: images whose prompts are kept but whose bytes are not (issue 10). */
export async function promptOnlyCount(): Promise<number> {
  return (await imageCounts()).promptOnly;
}

/** Records captured strictly after `t` (live updates: what the background just stored). */
export async function capturedAfter(t: number): Promise<ImageRecord[]> {
  const db = await openVault();
  return db.getAllFromIndex('images', 'by-capturedAt', IDBKeyRange.lowerBound(t, true));
}

/** The current rows for `ids`; ids that no longer exist are left out. */
export async function recordsByIds(ids: readonly string[]): Promise<ImageRecord[]> {
  const store = (await openVault()).transaction('images').store;
  const recs = await Promise.all(ids.map((id) => store.get(id)));
  return recs.filter((r): r is ImageRecord => !!r);
}

/** Thumbnails for many tiles in one transaction (one round trip per batch, not per tile). */
export async function readThumbs(ids: readonly string[]): Promise<Map<string, Blob | null>> {
  const store = (await openVault()).transaction('thumbs').store;
  const rows = await Promise.all(ids.map((id) => store.get(id)));
  return new Map(ids.map((id, i) => [id, rows[i]?.blob instanceof Blob ? rows[i].blob : null]));
}

/** Which of `ids` have their original stored (keys only: no bytes are read). */
export async function originalsPresent(ids: readonly string[]): Promise<Set<string>> {
  const store = (await openVault()).transaction('originals').store;
  const keys = await Promise.all(ids.map((id) => store.getKey(id)));
  return new Set(ids.filter((_, i) => keys[i] !== undefined));
}

export async function readOriginal(id: string): Promise<Blob | null> {
  const row = await (await openVault()).get('originals', id);
  return row?.blob instanceof Blob ? row.blob : null;
}

/** The image this one was edited from, and the images edited from this one. */
export async function lineage(
  rec: ImageRecord,
): Promise<{ parent: ImageRecord | null; children: ImageRecord[] }> {
  const store = (await openVault()).transaction('images').store;
  const parent = rec.parentGenId ? ((await store.index('by-genId').get(rec.parentGenId)) ?? null) : null;
  const children = rec.genId ? await store.index('by-parentGenId').getAll(rec.genId) : [];
  return { parent, children: children.filter((c) => c.id !== rec.id) };
}
