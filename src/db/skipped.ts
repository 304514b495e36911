/**
 * Sightings refused while capture was paused. They are remembered (once per file id) so the
 * popup can offer "Save the N images skipped while paused", also after capture is back on.
 * A row goes when its image is stored (putImage), saved on request, or dismissed.
 */
import { type ImageSighting, isPromptOnly } from '../core/types';
import { announceChange } from '../messaging/changes';
import { openVault } from './open';
import type { SkippedRow } from './schema';
import { wasDeleted } from './tombstones';

/**
 * Remembers a sighting refused while paused; returns false when there is nothing to save
 * later (already stored, or deleted by the user). One transaction, so two sightings of the
 * same image at once are one row.
 */
export async function rememberSkipped(
  sighting: ImageSighting,
  tabId: number | null,
  now = Date.now(),
): Promise<boolean> {
  const tx = (await openVault()).transaction(['skipped', 'images', 'tombstones', 'trash'], 'readwrite');
  // A prompt-only record (issue 10) is not a saved image: its sighting is worth saving later.
  const rec = await tx.objectStore('images').get(sighting.fileId);
  const stored = rec !== undefined && !isPromptOnly(rec);
  const deleted = await wasDeleted(
    { tombstones: tx.objectStore('tombstones'), trash: tx.objectStore('trash') },
    sighting.fileId,
  );
  const skipped = tx.objectStore('skipped');
  const known = (await skipped.getKey(sighting.fileId)) !== undefined;
  if (!stored && !deleted) await skipped.put({ id: sighting.fileId, sighting, tabId, at: now });
  await tx.done;
  if (!stored && !deleted && !known) await announceChange({ type: 'status-changed' });
  return !stored && !deleted;
}

/** How many skipped sightings wait to be saved or dismissed. */
export async function skippedCount(): Promise<number> {
  return (await openVault()).count('skipped');
}

/** Every skipped sighting, oldest first. */
export async function skippedRows(): Promise<SkippedRow[]> {
  return (await (await openVault()).getAll('skipped')).sort((a, b) => a.at - b.at);
}

/** Forgets these skipped sightings (saved or dismissed); returns how many were there. */
export async function forgetSkipped(ids: readonly string[]): Promise<number> {
  const tx = (await openVault()).transaction('skipped', 'readwrite');
  let n = 0;
  for (const id of ids) {
    if ((await tx.store.getKey(id)) === undefined) continue;
    await tx.store.delete(id);
    n++;
  }
  await tx.done;
  if (n) await announceChange({ type: 'status-changed' });
  return n;
}
