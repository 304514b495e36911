/**
 * Filling the catalog: a fast first page for the first screen, then every record in
 * chunks; afterwards, live updates from other pages and the background.
 */
import type { ImageRecord } from '../core/types';
import { allRecords, capturedAfter, firstRecords, imageCount, recordsByIds } from '../db/gallery';
import { onImagesChanged } from '../ui/live';
import type { Catalog } from './catalog';
import type { SortOrder } from './view-state';

/** More than a screenful at any window size. */
const FIRST_PAGE = 120;
/** The last total seen: sizes the scrollbar before the count is known. Only a hint: IndexedDB is the truth. */
const TOTAL_HINT = 'image-vault:total';

/**
 * Loads every record into `catalog`. Reads the first page by creation time first: for a
 * small vault that is everything. For a large one, when the view is the plain
 * newest/oldest list (`firstPage` set), `first(records, totalHint)` shows the first
 * screen, and the rest is read once it has painted. No count() up front: on 20,000 rows
 * it costs more than the first page itself.
 */
export async function loadCatalog(
  catalog: Catalog,
  order: SortOrder,
  plainView: boolean,
  first: (recs: ImageRecord[], totalHint: number) => Promise<void>,
): Promise<void> {
  const page = await firstRecords(FIRST_PAGE, order);
  if (page.length < FIRST_PAGE) {
    catalog.replaceAll(page);
  } else {
    if (plainView) {
      const hint = Math.max(page.length, Number(localStorage.getItem(TOTAL_HINT)) || 0);
      // Let the first screen paint before the main thread spends time deserializing the rest.
      await Promise.race([first(page, hint), new Promise((r) => setTimeout(r, 1000))]);
    }
    catalog.replaceAll(await allRecords());
  }
  localStorage.setItem(TOTAL_HINT, String(catalog.size));
}

/**
 * Keeps `catalog` in step with IndexedDB: patches the named ids, or (no ids: something
 * was captured or imported) fetches what was captured since the newest record held and
 * reloads everything only if the count still disagrees. One update at a time.
 */
export function followChanges(catalog: Catalog, signal: AbortSignal, changed: () => void): void {
  let chain = Promise.resolve();
  onImagesChanged(signal, (ids) => {
    chain = chain
      .then(async () => {
        if (ids) {
          const recs = await recordsByIds(ids);
          const found = new Set(recs.map((r) => r.id));
          catalog.upsert(recs);
          catalog.remove(ids.filter((id) => !found.has(id)));
        } else {
          catalog.upsert(await capturedAfter(catalog.latestCapture()));
          if ((await imageCount()) !== catalog.size) catalog.replaceAll(await allRecords());
        }
        if (!signal.aborted) changed();
      })
      .catch((err) => console.warn('[image-vault] live update failed', err));
  });
}

/** Computes search haystacks in idle time, so the first keystroke does not pay for 20,000. */
export function warmSearch(catalog: Catalog, signal: AbortSignal): void {
  const idle = (cb: (d: IdleDeadline) => void) =>
    'requestIdleCallback' in globalThis
      ? requestIdleCallback(cb)
      : setTimeout(() => cb({ timeRemaining: () => 8 } as IdleDeadline), 50);
  const step = (d: IdleDeadline) => {
    if (signal.aborted) return;
    if (!catalog.warm(() => d.timeRemaining() > 2)) idle(step);
  };
  idle(step);
}
