/**
 * Where the start-up snapshot lives (Cache Storage) and how a page reads it. Kept apart
 * from the builder (snapshot.ts) so that a page's first script needs no database code.
 */
import { type Snapshot, type SnapshotKind, unpackSnapshot } from '../core/snapshot';

export const SNAPSHOT_CACHE = 'image-vault-snapshot';
export const META_LENGTH = 'x-image-vault-meta-length';
export const KINDS: readonly SnapshotKind[] = ['gallery', 'popup'];
/** Records kept for the gallery (its first page) and the popup (its latest captures). */
export const SNAPSHOT_RECORDS: Record<SnapshotKind, number> = { gallery: 120, popup: 12 };

/** The entry's key: an URL on the reserved `.invalid` domain (Cache Storage wants http(s)); never fetched. */
export const keyOf = (kind: SnapshotKind) => `https://image-vault.invalid/snapshot/${kind}`;

export function cacheStorage(): CacheStorage | null {
  return typeof caches === 'undefined' ? null : caches;
}

/** The snapshot of `kind`, or null (none, unreadable, or no Cache Storage in this context). */
export async function readSnapshot(kind: SnapshotKind): Promise<Snapshot | null> {
  try {
    const store = cacheStorage();
    const res = store && (await store.match(keyOf(kind), { cacheName: SNAPSHOT_CACHE }));
    if (!res) return null;
    return await unpackSnapshot(await res.blob(), Number(res.headers.get(META_LENGTH)), kind);
  } catch (err) {
    console.warn('[image-vault] snapshot unreadable', err);
    return null;
  }
}
