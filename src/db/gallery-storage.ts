/** What the storage panel shows: bytes actually held by each store, and the browser's quota. */
import { openVault } from './open';

export interface StorageTotals {
  images: number;
  originalBytes: number;
  thumbBytes: number;
  /** Deleted images still held for undo. */
  trashBytes: number;
}

/**
 * Sums blob sizes. `getAll` returns Blob handles, not their bytes, so this reads
 * metadata only, even for 20,000 images.
 */
export async function storageTotals(): Promise<StorageTotals> {
  const tx = (await openVault()).transaction(['images', 'originals', 'thumbs', 'trash']);
  const [images, originals, thumbs, trash] = await Promise.all([
    tx.objectStore('images').count(),
    tx.objectStore('originals').getAll(),
    tx.objectStore('thumbs').getAll(),
    tx.objectStore('trash').getAll(),
  ]);
  const size = (b: unknown) => (b instanceof Blob ? b.size : 0);
  return {
    images,
    originalBytes: originals.reduce((n, r) => n + size(r.blob), 0),
    thumbBytes: thumbs.reduce((n, r) => n + size(r.blob), 0),
    trashBytes: trash.reduce((n, r) => n + size(r.original) + size(r.thumb), 0),
  };
}

export interface QuotaInfo {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

export async function quotaInfo(): Promise<QuotaInfo> {
  const s = navigator.storage;
  const [est, persisted] = await Promise.all([
    s?.estimate?.().catch(() => null) ?? null,
    s?.persisted?.().catch(() => null) ?? null,
  ]);
  return { usage: est?.usage ?? null, quota: est?.quota ?? null, persisted };
}

/** Asks the browser not to evict the vault under storage pressure. */
export async function requestPersistence(): Promise<boolean> {
  return (await navigator.storage?.persist?.().catch(() => false)) ?? false;
}
