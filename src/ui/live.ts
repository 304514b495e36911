/**
 * Live updates between extension pages: the background posts `images-changed` after
 * each stored image; the gallery posts it after deletes and favourites so that other
 * open pages refresh. `ids`, when given, names the images that changed (an optional
 * extension of the message: pages that see no ids reload what they need).
 * The background also posts `status-changed` when pause or problems change.
 */

export const CHANNEL_NAME = 'image-vault';

export interface ImagesChanged {
  type: 'images-changed';
  ids?: string[];
}

function parse(data: unknown): ImagesChanged | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.type !== 'images-changed') return null;
  const ids =
    Array.isArray(d.ids) && d.ids.every((x) => typeof x === 'string') ? (d.ids as string[]) : undefined;
  return { type: 'images-changed', ids };
}

/** Calls `cb` (with the changed ids, or null for "something changed") until `signal` aborts. */
export function onImagesChanged(signal: AbortSignal, cb: (ids: string[] | null) => void): void {
  const ch = new BroadcastChannel(CHANNEL_NAME);
  ch.addEventListener('message', (e) => {
    const msg = parse(e.data);
    if (msg) cb(msg.ids ?? null);
  });
  signal.addEventListener('abort', () => ch.close(), { once: true });
}

/** Tells other extension pages that images changed. A channel never echoes to itself. */
export function announceImagesChanged(ids?: string[]): void {
  const ch = new BroadcastChannel(CHANNEL_NAME);
  ch.postMessage({ type: 'images-changed', ids } satisfies ImagesChanged);
  ch.close();
}

/** Calls `cb` whenever the background says the capture status changed, until `signal` aborts. */
export function onStatusChanged(signal: AbortSignal, cb: () => void): void {
  const ch = new BroadcastChannel(CHANNEL_NAME);
  ch.addEventListener('message', (e) => {
    if ((e.data as { type?: unknown } | null)?.type === 'status-changed') cb();
  });
  signal.addEventListener('abort', () => ch.close(), { once: true });
}
