/**
 * Live updates for the pages, over the vault's one change channel (messaging/changes.ts):
 * repository writes announce which images changed (in any context, this page included);
 * the background announces when the capture status changed.
 */
import { announceChange, onChange } from '../messaging/changes';

/** Calls `cb` (with the changed ids, or null for "something changed") until `signal` aborts. */
export function onImagesChanged(signal: AbortSignal, cb: (ids: string[] | null) => void): void {
  onChange(signal, (change) => {
    if (change.type === 'images-changed') cb(change.ids ?? null);
  });
}

/** Tells every extension context, this one included, that images changed. */
export function announceImagesChanged(ids?: string[]): void {
  void announceChange(ids ? { type: 'images-changed', ids } : { type: 'images-changed' });
}

/** Calls `cb` whenever the capture status changed, until `signal` aborts. */
export function onStatusChanged(signal: AbortSignal, cb: () => void): void {
  onChange(signal, (change) => {
    if (change.type === 'status-changed') cb();
  });
}
