/**
 * Favourite and delete, for one image (lightbox) or many (selection). Each writes to
 * IndexedDB first (which announces the change to other pages, db/ → messaging/changes.ts),
 * then patches the in-memory catalog.
 * Delete goes to the trash with an undo toast; the bytes are purged when the toast goes.
 */
import { recordsByIds } from '../db/gallery';
import { moveToTrash, purgeTrash, restoreFromTrash, setFavorite, UNDO_MS } from '../db/gallery-mutations';
import { t, tn } from '../platform/i18n';
import { confirmDialog } from '../ui/confirm';
import { toast } from '../ui/toast';
import type { Catalog } from './catalog';

export interface ActionContext {
  catalog: Catalog;
  /** Re-render after the catalog changed. */
  changed(): void;
}

/** `what`: the message key of the sentence ("Could not delete: {error}"). */
function failed(what: string, err: unknown): void {
  console.error(`[image-vault] ${what} failed`, err);
  toast(t(what, { error: err instanceof Error ? err.message : String(err) }));
}

export async function favorite(ctx: ActionContext, ids: readonly string[], value: 0 | 1): Promise<void> {
  try {
    const changed = await setFavorite(ids, value);
    ctx.catalog.upsert(await recordsByIds(changed));
    ctx.changed();
  } catch (err) {
    failed('gallery_failed_favourite', err);
  }
}

/** Deletes with undo; asks first when `confirm` (bulk delete). Resolves false if cancelled. */
export async function remove(ctx: ActionContext, ids: readonly string[], confirm: boolean): Promise<boolean> {
  if (!ids.length) return false;
  if (
    confirm &&
    !(await confirmDialog({
      title: tn('gallery_delete_title', ids.length),
      body: t('gallery_delete_body'),
      ok: t('gallery_delete'),
      danger: true,
    }))
  ) {
    return false;
  }
  let done: string[];
  try {
    done = await moveToTrash(ids);
  } catch (err) {
    failed('gallery_failed_delete', err);
    return false;
  }
  ctx.catalog.remove(done);
  ctx.changed();
  toast(tn('gallery_deleted', done.length), {
    timeout: UNDO_MS,
    action: { label: t('gallery_undo'), testid: 'undo-button', run: () => void undo(ctx, done) },
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
      toast(tn('gallery_not_restored', ids.length - back.length));
    }
  } catch (err) {
    failed('gallery_failed_undo', err);
  }
}
