/**
 * Decides when to scan, without a MutationObserver. ChatGPT streams tens of thousands of
 * DOM mutations per long answer (issue #2: ≤ 5 µs added per mutation); an observer callback
 * in the content script's world costs that much per batch on its own. Every image we want
 * fires a `load` event when its final frame arrives — also from cache, also after an SPA
 * route change or a lazily rendered turn — and `load` reaches a capturing listener on the
 * document. So: scan (debounced) on image loads, on navigation events, and, only while a
 * tile is waiting for its turn to end (stop button still shown), on a slow poll.
 */

export interface WatcherHooks {
  /** Called (debounced) when the page may show new final images or changed route. */
  onDirty(): void;
  /** True while a tile is seen but not final yet (turn still generating, frame loading). */
  isWaiting(): boolean;
}

const DEBOUNCE_MS = 60;
const WAITING_POLL_MS = 250;

export function watchPage(doc: Document, hooks: WatcherHooks, signal: AbortSignal): { schedule(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let poll: ReturnType<typeof setTimeout> | null = null;

  const run = () => {
    timer = null;
    if (signal.aborted) return;
    hooks.onDirty();
    // A tile waits for the stop button to go: look again soon, until nothing waits.
    if (hooks.isWaiting() && poll === null) {
      poll = setTimeout(() => {
        poll = null;
        schedule();
      }, WAITING_POLL_MS);
    }
  };
  const schedule = () => {
    if (timer === null && !signal.aborted) timer = setTimeout(run, DEBOUNCE_MS);
  };

  // <img> load events do not bubble, but they do reach a capturing listener.
  doc.addEventListener(
    'load',
    (e) => {
      if ((e.target as Element | null)?.tagName === 'IMG') schedule();
    },
    { capture: true, signal },
  );

  // SPA route changes (docs/chatgpt.md §Pages and URLs): pushState fires no event of its own; the Navigation
  // API reports it where it exists (Chromium), popstate covers back/forward everywhere.
  const win = doc.defaultView;
  win?.addEventListener('popstate', schedule, { signal });
  const nav = (win as (Window & { navigation?: EventTarget }) | null)?.navigation;
  nav?.addEventListener('navigatesuccess', schedule, { signal });

  signal.addEventListener('abort', () => {
    if (timer !== null) clearTimeout(timer);
    if (poll !== null) clearTimeout(poll);
  });
  return { schedule };
}
