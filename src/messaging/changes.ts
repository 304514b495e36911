/**
 * The one channel on which the vault announces that something changed: repository writes
 * (src/db/) say which images changed; the background says when the capture status changed.
 * Every extension context (worker, popup, gallery) hears it, its own announcements included.
 *
 * Why a local listener list as well as a BroadcastChannel: a BroadcastChannel never delivers
 * to the object that posted, and this module keeps one object per context, so listeners in
 * the announcing context are called directly (and are told the change is theirs: the
 * start-up snapshot reacts only to changes made in its own context, db/snapshot.ts).
 */

export const CHANNEL_NAME = 'image-vault';

/** Images were stored, deleted, restored or changed; `ids` names them when known. */
export interface ImagesChanged {
  type: 'images-changed';
  ids?: string[];
}

/** Pause, problems, skipped sightings, tombstones or counters changed: status readers refresh. */
export interface StatusChanged {
  type: 'status-changed';
}

export type Change = ImagesChanged | StatusChanged;

/** A listener; `local` is true when the change was announced in this context. */
export type ChangeListener = (change: Change, local: boolean) => void | Promise<void>;

const listeners = new Set<ChangeListener>();
let channel: BroadcastChannel | null = null;

/** Drops what does not parse: other code (or an old version) may post on the same name. */
export function parseChange(data: unknown): Change | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.type === 'status-changed') return { type: 'status-changed' };
  if (d.type !== 'images-changed') return null;
  const ids =
    Array.isArray(d.ids) && d.ids.every((x) => typeof x === 'string') ? (d.ids as string[]) : undefined;
  return ids ? { type: 'images-changed', ids } : { type: 'images-changed' };
}

function dispatch(change: Change, local: boolean): Promise<unknown> {
  const pending: Promise<void>[] = [];
  for (const l of [...listeners]) {
    try {
      const r = l(change, local);
      if (r) pending.push(r.catch((err) => console.warn('[image-vault] change listener failed', err)));
    } catch (err) {
      console.warn('[image-vault] change listener failed', err);
    }
  }
  return Promise.all(pending);
}

/** This context's channel object, made on first use (none where BroadcastChannel is missing). */
function shared(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL_NAME);
  channel.addEventListener('message', (e) => {
    const change = parseChange(e.data);
    if (change) void dispatch(change, false);
  });
  // Node (unit tests): an open channel would keep the process alive.
  (channel as unknown as { unref?: () => void }).unref?.();
  return channel;
}

/**
 * Announces `change` to every context. Resolves once this context's own listeners have
 * finished (e.g. the stale snapshot is dropped), so a writer that awaits it leaves no window
 * in which a reloaded page paints what was just deleted. Never throws.
 */
export async function announceChange(change: Change): Promise<void> {
  try {
    shared()?.postMessage(change);
  } catch (err) {
    console.warn('[image-vault] could not announce a change', err);
  }
  await dispatch(change, true);
}

/** Calls `cb` on every change, local and from other contexts, until `signal` aborts. */
export function onChange(signal: AbortSignal | null, cb: ChangeListener): void {
  if (signal?.aborted) return;
  shared();
  listeners.add(cb);
  signal?.addEventListener('abort', () => listeners.delete(cb), { once: true });
}
