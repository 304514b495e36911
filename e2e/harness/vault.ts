/**
 * Reads the extension's IndexedDB (db 'image-vault', see src/db/schema.ts) from an extension
 * page, without ever creating it: if the database doesn't exist yet, the snapshot is empty.
 * Hashes of the stored originals are computed in the browser (crypto.subtle) over the blob.
 */
import type { BrowserContext } from '@playwright/test';
import type { CaptureJob } from '../../src/core/queue';
import type { ImageRecord } from '../../src/core/types';

export interface StoredBlob {
  id: string;
  sha256: string;
  bytes: number;
  type: string;
}

export interface VaultSnapshot {
  /** false until the extension created the database. */
  exists: boolean;
  images: ImageRecord[];
  originals: StoredBlob[];
  thumbs: (StoredBlob & { width: number; height: number })[];
  queue: CaptureJob[];
  trash: { id: string; record: ImageRecord; deletedAt: number; hasOriginal: boolean }[];
  kv: Record<string, unknown>;
  /** fileId → SHA-256 (hex) of the stored original. */
  sha256: Record<string, string>;
}

const EMPTY: VaultSnapshot = {
  exists: false,
  images: [],
  originals: [],
  thumbs: [],
  queue: [],
  trash: [],
  kv: {},
  sha256: {},
};

/**
 * Runs IN an extension page (passed to `evaluate`, so it is self-contained): the vault's contents,
 * or null when the database does not exist yet. The Firefox harness runs the same function.
 */
export const vaultInPage = async (): Promise<Omit<VaultSnapshot, 'sha256'> | null> => {
  const dbs = await indexedDB.databases();
  if (!dbs.some((d) => d.name === 'image-vault')) return null;
  const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
    const r = indexedDB.open('image-vault');
    r.onupgradeneeded = () => r.transaction?.abort(); // never create it ourselves
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => (r.error?.name === 'AbortError' ? resolve(null) : reject(r.error));
  });
  if (!db) return null;
  const all = async (store: string): Promise<{ keys: IDBValidKey[]; values: unknown[] }> => {
    if (!db.objectStoreNames.contains(store)) return { keys: [], values: [] };
    const tx = db.transaction(store, 'readonly');
    const os = tx.objectStore(store);
    const req = <T>(r: IDBRequest<T>) =>
      new Promise<T>((res, rej) => {
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
    const [keys, values] = await Promise.all([req(os.getAllKeys()), req(os.getAll())]);
    return { keys, values };
  };
  const hex = (buf: ArrayBuffer) =>
    [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const blobInfo = async (row: { id: string; blob: Blob }) => ({
    id: row.id,
    sha256: hex(await crypto.subtle.digest('SHA-256', await row.blob.arrayBuffer())),
    bytes: row.blob.size,
    type: row.blob.type,
  });
  const [images, originals, thumbs, queue, trash, kv] = await Promise.all(
    ['images', 'originals', 'thumbs', 'queue', 'trash', 'kv'].map(all),
  );
  const result = {
    exists: true,
    images: images!.values as ImageRecord[],
    originals: await Promise.all((originals!.values as { id: string; blob: Blob }[]).map(blobInfo)),
    thumbs: await Promise.all(
      (thumbs!.values as { id: string; blob: Blob }[]).map(async (row) => {
        const info = await blobInfo(row);
        const bmp = await createImageBitmap(row.blob).catch(() => null);
        return { ...info, width: bmp?.width ?? 0, height: bmp?.height ?? 0 };
      }),
    ),
    queue: queue!.values as CaptureJob[],
    trash: (
      trash!.values as { id: string; record: ImageRecord; deletedAt: number; original: Blob | null }[]
    ).map((t) => ({
      id: t.id,
      record: t.record,
      deletedAt: t.deletedAt,
      hasOriginal: t.original !== null,
    })),
    kv: Object.fromEntries(kv!.keys.map((k, i) => [String(k), kv!.values[i]])),
  };
  db.close();
  return result;
};

/** The snapshot with its fileId → SHA-256 map (EMPTY when the database does not exist). */
export function withHashes(snap: Omit<VaultSnapshot, 'sha256'> | null): VaultSnapshot {
  if (!snap) return EMPTY;
  return { ...snap, sha256: Object.fromEntries(snap.originals.map((o) => [o.id, o.sha256])) };
}

/** Opens `chrome-extension://{id}/manifest.json` (a page of the extension's origin that runs no code), reads, closes. */
export async function readVault(context: BrowserContext, extensionId: string): Promise<VaultSnapshot> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/manifest.json`);
    return withHashes(await page.evaluate(vaultInPage));
  } finally {
    await page.close();
  }
}
