/**
 * Favourite and delete, for one image (lightbox) or many (selection). Each writes to
 * IndexedDB first (which announces the change to other pages, db/ → messaging/changes.ts),
 * then patches the in-memory catalog.
 * Delete goes to the trash with an undo toast; the bytes are purged when the toast goes.
 */
import { recordsByIds } from '../db/gallery';
import { moveToTrash, purgeTrash, restoreFromTrash, setFavorite, UNDO_MS } from '../db/gallery-mutations';
import { confirmDialog } from '../ui/confirm';
import { plural } from '../ui/format';
import { toast } from '../ui/toast';
import type { Catalog } from './catalog';

export interface ActionContext {
  catalog: Catalog;
  /** Re-render after the catalog changed. */
  changed(): void;
}

function failed(what: string, err: unknown): void {
  console.error(`[image-vault] ${what} failed`, err);
  toast(`Could not ${what}: ${err instanceof Error ? err.message : String(err)}`);
}

export async function favorite(ctx: ActionContext, ids: readonly string[], value: 0 | 1): Promise<void> {
  try {
    const changed = await setFavorite(ids, value);
    ctx.catalog.upsert(await recordsByIds(changed));
    ctx.changed();
  } catch (err) {
    failed('save the favourite', err);
  }
}

/** Deletes with undo; asks first when `confirm` (bulk delete). Resolves false if cancelled. */
export async function remove(ctx: ActionContext, ids: readonly string[], confirm: boolean): Promise<boolean> {
  if (!ids.length) return false;
  if (
    confirm &&
    !(await confirmDialog({
      title: `Delete ${plural(ids.length, 'image')}?`,
      body: 'They are removed from the vault with their files. You can undo for a few seconds afterwards.',
      ok: 'Delete',
      danger: true,
    }))
  ) {
    return false;
  }
  let done: string[];
  try {
    done = await moveToTrash(ids);
  } catch (err) {
    failed('delete', err);
    return false;
  }
  ctx.catalog.remove(done);
  ctx.changed();
  toast(`Deleted ${plural(done.length, 'image')}.`, {
    timeout: UNDO_MS,
    action: { label: 'Undo', testid: 'undo-button', run: () => void undo(ctx, done) },
    onClose: (byAction) => {
      if (!byAction) purgeTrash(done).catch((err) => console.warn('[image-vault] purge failed', err));
    },
  });
  return true;
}

async function undo(ctx: ActionContext, ids: string[]): Promise<void> {
  try {
    const back = await restoreFromTrash(ids);
    ctx.catalog.upsert(await recordsByIds(back));
    ctx.changed();
    if (back.length < ids.length) {
      toast(
        `${plural(ids.length - back.length, 'image')} could not be restored: saved again in the meantime.`,
      );
    }
  } catch (err) {
    failed('undo the delete', err);
  }
}
