/**
 * Deletions that stick. When a deleted image's undo window has passed, its bytes go and a
 * tombstone stays: file id and SHA-256, nothing else. Capture, import and the library sync
 * refuse an image that matches one, so a deleted image does not come back the next time
 * ChatGPT shows it. The user can forget them all (storage panel, or `forgetDeleted`).
 */
import { announceChange } from '../messaging/changes';
import { openVault } from './open';

/** Why an image matching a tombstone was not stored, in words the import report and logs can show. */
export const DELETED_REASON = 'you deleted this image earlier';

/** The stores a deletion check reads, as seen inside any transaction that holds them. */
export interface DeletionStores {
  tombstones: {
    getKey(id: string): Promise<string | undefined>;
    index(name: 'by-sha256'): { getKey(sha256: string): Promise<string | undefined> };
  };
  /** Deleted within the undo window: not a tombstone yet, but not to be captured again either. */
  trash: { getKey(id: string): Promise<string | undefined> };
}

/**
 * Whether the image (by file id, or by its bytes' SHA-256 when known) was deleted by the user.
 * An empty SHA-256 (a prompt-only record, issue 10: no bytes) is no hash: deleted prompt-only
 * records all leave tombstones with '', which must not match each other.
 */
export async function wasDeleted(s: DeletionStores, fileId: string, sha256?: string): Promise<boolean> {
  // Issued together: requests of one transaction run in order anyway, and not waiting for
  // each answer before asking the next keeps the capture's commit short.
  const hits = await Promise.all([
    s.tombstones.getKey(fileId),
    s.trash.getKey(fileId),
    !sha256 ? undefined : s.tombstones.index('by-sha256').getKey(sha256),
  ]);
  return hits.some((k) => k !== undefined);
}

/**
 * Whether capture, sync or import must leave this image alone: it matches a tombstone (by
 * file id, or by SHA-256 when given) or sits in the trash awaiting undo.
 */
export async function isTombstoned(fileId: string, sha256?: string): Promise<boolean> {
  const tx = (await openVault()).transaction(['tombstones', 'trash']);
  return wasDeleted(
    { tombstones: tx.objectStore('tombstones'), trash: tx.objectStore('trash') },
    fileId,
    sha256,
  );
}

/** How many deleted images are remembered. */
export async function tombstoneCount(): Promise<number> {
  return (await openVault()).count('tombstones');
}

/** Forgets every tombstone (deleted images may be saved again); returns how many there were. */
export async function forgetTombstones(): Promise<number> {
  const tx = (await openVault()).transaction('tombstones', 'readwrite');
  const n = await tx.store.count();
  await tx.store.clear();
  await tx.done;
  if (n) await announceChange({ type: 'status-changed' });
  return n;
}
