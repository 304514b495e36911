/**
 * Keeps a library card (ui/library-card.ts) up to date in a page: asks the background for
 * `libraryStatus`, redraws on every `status-changed` and, while a job runs or waits, polls
 * (progress ticks are not announced as changes), sends the buttons' `libraryBackfill`
 * actions and announces state changes in a live region (not every image: that would chatter).
 */
import { send } from '../messaging/client';
import type { LibraryStatus } from '../messaging/protocol';
import { t, tn } from '../platform/i18n';
import { confirmDialog } from './confirm';
import type { DeepScanAction } from './deep-scan-line';
import { h } from './dom';
import { type LibraryAction, renderLibraryCard } from './library-card';
import { stateAnnouncement } from './library-words';
import { onStatusChanged } from './live';

/** How often the card polls while a job runs or waits. */
const POLL_MS = 2000;

async function fetchLibrary(timeoutMs = 2000): Promise<LibraryStatus | null> {
  const timeout = new Promise<null>((r) => setTimeout(() => r(null), timeoutMs));
  try {
    return await Promise.race([send('libraryStatus', {}), timeout]);
  } catch (err) {
    console.warn('[image-vault] libraryStatus failed', err);
    return null;
  }
}

/** Asks before cancelling: the images saved so far stay, the rest is forgotten until asked again. */
function confirmCancel(s: LibraryStatus | null): Promise<boolean> {
  const done = s?.backfill.done ?? 0;
  return confirmDialog({
    title: t('library_stop_title'),
    body: tn('library_stop_body', done),
    ok: t('library_stop_ok'),
    danger: true,
  });
}

/**
 * Shows the card in `host` until `signal` aborts; the host is hidden while there is nothing
 * to show. Returns `refresh` for the page to call when it knows something changed.
 */
export function mountLibraryCard(host: HTMLElement, signal: AbortSignal): { refresh(): Promise<void> } {
  const slot = h('div', { class: 'library-slot' });
  const live = h('div', { class: 'visually-hidden', role: 'status', 'data-testid': 'library-announce' });
  host.replaceChildren(slot, live);
  let last: LibraryStatus | null = null;
  let poll: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(poll));

  function show(s: LibraryStatus | null, error?: string): void {
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.testid;
    const card = renderLibraryCard(
      s,
      (a) => void act(a),
      Date.now(),
      (a) => void deepAct(a),
    );
    if (card && error) card.append(h('p', { class: 'library-problem', role: 'alert' }, error));
    slot.replaceChildren(card ?? '');
    host.hidden = !card;
    if (focused && slot.contains(document.activeElement) === false)
      slot.querySelector<HTMLElement>(`[data-testid="${focused}"]`)?.focus();
    const was = last?.backfill.state ?? 'idle';
    if (s && last && s.backfill.state !== was) live.textContent = stateAnnouncement(s.backfill);
    last = s;
    clearTimeout(poll);
    const jobs = s ? [s.backfill.state, s.prompts.state, s.deepScan?.state] : [];
    if (!signal.aborted && jobs.some((j) => j === 'running' || j === 'waiting'))
      poll = setTimeout(() => void refresh(), POLL_MS);
  }

  async function act(a: LibraryAction): Promise<void> {
    if (a === 'cancel' && !(await confirmCancel(last))) return show(last);
    try {
      show(await send('libraryBackfill', { action: a }));
    } catch (err) {
      console.warn('[image-vault] libraryBackfill failed', err);
      show(last, t('library_no_answer', { error: String(err) }));
    }
  }

  async function deepAct(a: DeepScanAction): Promise<void> {
    try {
      show(await send('libraryDeepScan', { action: a }));
    } catch (err) {
      console.warn('[image-vault] libraryDeepScan failed', err);
      show(last, t('library_no_answer', { error: String(err) }));
    }
  }

  async function refresh(): Promise<void> {
    const s = await fetchLibrary();
    if (!signal.aborted) show(s);
  }

  host.hidden = true;
  onStatusChanged(signal, () => void refresh());
  return { refresh };
}
