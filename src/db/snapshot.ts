/**
 * The start-up snapshot: a disposable copy, in Cache Storage, of what the popup and the
 * gallery show first (records, total, thumbnails). Why: the first IndexedDB open of a
 * session costs 120–180 ms in Chromium, while Cache Storage answers in ~5 ms, so the
 * first screen paints from the snapshot while the database opens.
 *
 * IndexedDB stays the source of truth. Pages paint from the snapshot, then read the
 * database and correct what differs (and rebuild the snapshot). Repository writes announce
 * every change to images on the change channel (messaging/changes.ts); each context that
 * writes calls `keepSnapshotFresh()` once, and then its own changes call `snapshotStale()`:
 * the snapshot is deleted before the write's announcement resolves (a deleted image never
 * reappears from it) and rebuilt from the database a moment later.
 */

import { packSnapshot, type Snapshot, snapshotMatches } from '../core/snapshot';
import type { ImageRecord } from '../core/types';
import { onChange } from '../messaging/changes';
import { firstRecords, imageCount, latestCaptured, readThumbs, savedImageCount } from './gallery';
import { kvGet, kvSet } from './kv';
import { cacheStorage, KINDS, keyOf, META_LENGTH, SNAPSHOT_CACHE, SNAPSHOT_RECORDS } from './snapshot-cache';

/** Gallery thumbnails kept when no gallery has said how many fill its screen. */
const DEFAULT_SCREEN = 40;
const MAX_SCREEN = 120;
const REBUILD_DELAY_MS = 800;

async function writeSnapshot(s: Snapshot): Promise<void> {
  const store = cacheStorage();
  if (!store) return;
  const { body, metaLength } = packSnapshot(s);
  const cache = await store.open(SNAPSHOT_CACHE);
  await cache.put(keyOf(s.kind), new Response(body, { headers: { [META_LENGTH]: String(metaLength) } }));
}

/** Bumped by every change: a rebuild that read the database before a change does not write. */
let generation = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Images changed (captured, imported, deleted, restored, favourited): drops the snapshot
 * now and rebuilds it from IndexedDB once changes pause. Never throws.
 */
export async function snapshotStale(): Promise<void> {
  generation++;
  clearTimeout(timer);
  timer = setTimeout(() => void rebuildSnapshots(), REBUILD_DELAY_MS);
  try {
    const store = cacheStorage();
    if (!store) return;
    const cache = await store.open(SNAPSHOT_CACHE);
    await Promise.all(KINDS.map((k) => cache.delete(keyOf(k))));
  } catch (err) {
    console.warn('[image-vault] could not drop the snapshot', err);
  }
}

/**
 * Drops and rebuilds the snapshot after every change to images made in this context
 * (changes made elsewhere are handled by the context that made them). Call once at the
 * start of every context that writes images: the background, the gallery.
 */
export function keepSnapshotFresh(signal: AbortSignal | null = null): void {
  onChange(signal, (change, local) =>
    local && change.type === 'images-changed' ? snapshotStale() : undefined,
  );
}

/**
 * Builds both snapshots from IndexedDB. `screen`: how many gallery tiles fill the
 * caller's screen (remembered for rebuilds made elsewhere, e.g. by the background).
 */
export async function rebuildSnapshots(screen?: number): Promise<void> {
  const started = generation;
  try {
    if (!cacheStorage()) return;
    const wanted = screen === undefined ? undefined : Math.min(MAX_SCREEN, Math.max(1, Math.ceil(screen)));
    // The gallery reserves a card for every record; the popup counts saved images only.
    const [total, saved, gallery, popup, remembered] = await Promise.all([
      imageCount(),
      savedImageCount(),
      firstRecords(SNAPSHOT_RECORDS.gallery, 'newest'),
      latestCaptured(SNAPSHOT_RECORDS.popup),
      kvGet('snapshotScreen', DEFAULT_SCREEN),
    ]);
    const n = wanted ?? remembered;
    if (wanted !== undefined && wanted !== remembered) await kvSet('snapshotScreen', wanted);
    const ids = [...new Set([...gallery.slice(0, n), ...popup].map((r) => r.id))];
    const thumbs = await readThumbs(ids);
    if (!(await roomFor(thumbs))) return;
    const pick = (recs: ImageRecord[]) =>
      new Map(recs.flatMap((r) => (thumbs.get(r.id) ? [[r.id, thumbs.get(r.id)!] as const] : [])));
    if (started !== generation) return; // changed meanwhile: the rebuild scheduled by that change wins
    const builtAt = Date.now();
    await Promise.all([
      writeSnapshot({ kind: 'gallery', builtAt, total, records: gallery, thumbs: pick(gallery.slice(0, n)) }),
      writeSnapshot({ kind: 'popup', builtAt, total: saved, records: popup, thumbs: pick(popup) }),
    ]);
  } catch (err) {
    console.warn('[image-vault] could not rebuild the snapshot', err);
  }
}

/**
 * Whether the disk has room to spare for the snapshot (its thumbnails, ×4 for headroom):
 * the snapshot is a convenience, never worth a write that fills the disk captures need.
 */
async function roomFor(thumbs: ReadonlyMap<string, Blob | null>): Promise<boolean> {
  if (!navigator.storage?.estimate) return true;
  const { quota, usage } = await navigator.storage.estimate();
  if (quota === undefined || usage === undefined) return true;
  let size = 256 * 1024; // the records' JSON, generously
  for (const b of thumbs.values()) size += b?.size ?? 0;
  return quota - usage > 4 * size;
}

/**
 * After a page read the truth: rebuilds when the snapshot was missing, out of date, or
 * (gallery) holds fewer thumbnails than fill this screen.
 */
export async function refreshSnapshotIfStale(
  s: Snapshot | null,
  total: number,
  records: readonly ImageRecord[],
  screen?: number,
): Promise<void> {
  const enough = screen === undefined || !s || s.thumbs.size >= Math.min(screen, MAX_SCREEN, records.length);
  if (s && enough && snapshotMatches(s, total, records)) return;
  await rebuildSnapshots(screen);
}
