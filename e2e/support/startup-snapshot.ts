/**
 * Reads the start-up snapshot (src/db/snapshot.ts: a copy of the first screen in Cache
 * Storage) from an extension page, with the SHA-256 of each thumbnail it holds, so tests
 * can compare it with the vault: same records, same thumbnail bytes, nothing deleted.
 */
import type { BrowserContext } from '@playwright/test';

export interface StartupSnapshot {
  total: number;
  ids: string[];
  /** image id → SHA-256 (hex) of the thumbnail bytes kept in the snapshot. */
  thumbs: Record<string, string>;
}

/**
 * Runs IN an extension page (passed to `evaluate`, so self-contained): the snapshot of `kind`,
 * or null. The Firefox harness runs the same function.
 */
export const startupSnapshotInPage = async (kind: 'gallery' | 'popup'): Promise<StartupSnapshot | null> => {
  const res = await caches.match(`https://image-vault.invalid/snapshot/${kind}`);
  if (!res) return null;
  const body = await res.blob();
  const n = Number(res.headers.get('x-image-vault-meta-length'));
  const meta = JSON.parse(await body.slice(0, n).text()) as {
    total: number;
    records: { id: string }[];
    thumbs: [string, number, number, string][];
  };
  const hex = (buf: ArrayBuffer) =>
    [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const thumbs: Record<string, string> = {};
  for (const [id, offset, size] of meta.thumbs) {
    const bytes = await body.slice(n + offset, n + offset + size).arrayBuffer();
    thumbs[id] = hex(await crypto.subtle.digest('SHA-256', bytes));
  }
  return { total: meta.total, ids: meta.records.map((r) => r.id), thumbs };
};

/** The snapshot of `kind`, or null when there is none. */
export async function readStartupSnapshot(
  context: BrowserContext,
  extensionId: string,
  kind: 'gallery' | 'popup',
): Promise<StartupSnapshot | null> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/manifest.json`);
    return await page.evaluate(startupSnapshotInPage, kind);
  } finally {
    await page.close();
  }
}
