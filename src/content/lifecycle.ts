/**
 * One live content script per document. After an install or update the background injects
 * the script into tabs that were already open (background/inject-open-tabs.ts), while the
 * copy of the previous version, detached from the extension, may still run there; and the
 * manifest's own injection can race ours on a tab that was loading. Two rules keep exactly
 * one copy reporting sightings:
 * - in one JavaScript world, a copy starts only if no live copy runs there already;
 * - every copy that starts announces itself with a DOM event on the document (DOM events
 *   reach the listeners of every world), and each older copy tears itself down on hearing it.
 * A copy whose extension context is gone (the extension was updated, reloaded or removed)
 * also tears itself down.
 */
import { browser } from '../platform/browser';

/** Fired on the document by each starting copy (a plain Event: no data crosses worlds). */
export const HELLO_EVENT = 'image-vault:hello';

/** A copy's mark in its own JavaScript world (the isolated world's globals). */
const RUNNING = Symbol.for('image-vault.content-running');
type WorldGlobals = typeof globalThis & { [RUNNING]?: () => boolean };

/** True while this copy can still reach its extension (false once the context is invalidated). */
export function contextAlive(): boolean {
  try {
    return typeof browser.runtime?.id === 'string' && browser.runtime.id.length > 0;
  } catch {
    return false;
  }
}

/** True for the error a detached copy gets from any extension API. */
export function isContextInvalidated(err: unknown): boolean {
  return String((err as Error)?.message ?? err).includes('Extension context invalidated');
}

/**
 * Claims the document for this copy: false when a live copy already runs in this world
 * (do not start); otherwise announces this copy, so older ones stop, and calls `teardown`
 * when a newer one announces itself. Everything is owned by `signal`.
 */
export function claimDocument(doc: Document, signal: AbortSignal, teardown: () => void): boolean {
  const world = globalThis as WorldGlobals;
  if (world[RUNNING]?.()) return false;
  world[RUNNING] = () => !signal.aborted && contextAlive();
  signal.addEventListener('abort', () => {
    if (world[RUNNING] && !world[RUNNING]()) delete world[RUNNING];
  });

  let announcing = false;
  doc.addEventListener(
    HELLO_EVENT,
    () => {
      if (!announcing) teardown(); // a newer copy started: it reports from now on
    },
    { signal },
  );
  announcing = true;
  try {
    doc.dispatchEvent(new Event(HELLO_EVENT));
  } finally {
    announcing = false;
  }
  return true;
}
