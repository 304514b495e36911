/**
 * The "saved" marks on chatgpt.com (issue 13 §1): a small check on each image the vault holds.
 * - Which images are saved: asked once per file id per page load (`savedFileIds`), then told
 *   by the background when a capture is stored (`imageStored`), or by `imageSeen`'s answer.
 * - Where: each scan reports its final tiles; the mark follows the tile ChatGPT shows now (a
 *   re-rendered tile gets a new mark, a tile now showing an unsaved file loses it). Nothing runs
 *   per DOM mutation: marks move only on scans, which run on image loads (watcher.ts).
 * - Off with the `savedMark` setting; pausing capture keeps them (they say what is safe, and
 *   that does not change). Every mark goes when `signal` aborts (the content script's teardown,
 *   e.g. the extension was removed) and when the extension context is found gone.
 */
import { send } from '../messaging/client';
import { inSlot, markSlot, placeInSlot } from '../sites/chatgpt/mark-slot';
import { contextAlive } from './lifecycle';
import { createMark } from './saved-mark';

/** How often a page with marks checks that the extension is still there (a property read). */
const ALIVE_CHECK_MS = 1000;
/** File ids one question may carry (messaging/guards.ts MAX_ASKED). */
const ASK_MAX = 500;

/** The marks of one document. */
export interface SavedMarks {
  /** During a scan: `tile` shows the final of `fileId`. */
  see(fileId: string, tile: Element): void;
  /** After a scan: ask about new file ids, then place and remove marks. */
  afterScan(): void;
  /** The background stored `fileId`. */
  stored(fileId: string): void;
  setEnabled(on: boolean): void;
}

export function savedMarks(
  signal: AbortSignal,
  gone: () => void,
  onError: (err: unknown) => void,
): SavedMarks {
  let enabled = false;
  const saved = new Set<string>();
  const asked = new Set<string>();
  /** The final tiles of the latest scan, and those being collected by the current one. */
  let shown = new Map<Element, string>();
  let next: Map<Element, string> | null = null;
  const hosts = new Map<Element, HTMLElement>();
  let aliveTimer: ReturnType<typeof setInterval> | null = null;

  const drop = (tile: Element) => {
    hosts.get(tile)?.remove();
    hosts.delete(tile);
  };

  const render = () => {
    if (signal.aborted) return;
    for (const [tile, fileId] of shown) {
      if (!enabled || !saved.has(fileId)) {
        drop(tile);
        continue;
      }
      let host = hosts.get(tile);
      if (host?.dataset.fileId !== fileId) {
        host?.remove();
        host = createMark(fileId);
        hosts.set(tile, host);
      }
      const slot = markSlot(tile);
      if (!inSlot(host, slot)) placeInSlot(host, slot);
    }
    // A tile gone from the page (React replaced it) takes its mark along; drop our reference.
    for (const tile of hosts.keys()) if (!shown.has(tile) && (!enabled || !tile.isConnected)) drop(tile);
    watchAlive();
  };

  // The extension can go away (update, disable, removal) without any event reaching this copy:
  // while marks show, look for that once a second and take them down.
  const watchAlive = () => {
    if (hosts.size > 0 && aliveTimer === null)
      aliveTimer = setInterval(() => {
        if (!contextAlive()) gone();
      }, ALIVE_CHECK_MS);
    else if (hosts.size === 0 && aliveTimer !== null) {
      clearInterval(aliveTimer);
      aliveTimer = null;
    }
  };

  const ask = () => {
    if (!enabled) return;
    const fileIds = [...new Set(shown.values())].filter((id) => !saved.has(id) && !asked.has(id));
    for (let i = 0; i < fileIds.length; i += ASK_MAX) {
      const batch = fileIds.slice(i, i + ASK_MAX);
      for (const id of batch) asked.add(id);
      send('savedFileIds', { fileIds: batch })
        .then((r) => {
          for (const id of r.saved) saved.add(id);
          if (r.saved.length) render();
        })
        .catch((err) => {
          for (const id of batch) asked.delete(id); // a later scan asks again
          onError(err);
        });
    }
  };

  signal.addEventListener('abort', () => {
    for (const host of hosts.values()) host.remove();
    hosts.clear();
    if (aliveTimer !== null) clearInterval(aliveTimer);
  });

  return {
    see(fileId, tile) {
      next ??= new Map();
      next.set(tile, fileId);
    },
    afterScan() {
      shown = next ?? new Map();
      next = null;
      ask();
      render();
    },
    stored(fileId) {
      saved.add(fileId);
      render();
    },
    setEnabled(on) {
      enabled = on;
      ask();
      render();
    },
  };
}
