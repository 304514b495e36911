/**
 * The popup once its first screen is up (main.ts): checks the latest captures against
 * IndexedDB, the total (maintained, db/image-count.ts), the capture status from the
 * background (asked again when it does not answer), the pause switch, the ways into the
 * gallery and ChatGPT, live updates.
 */
import type { Snapshot } from '../core/snapshot';
import type { ImageRecord } from '../core/types';
import { latestCaptured, readThumbs, savedImageCount } from '../db/gallery';
import { refreshSnapshotIfStale } from '../db/snapshot';
import { SNAPSHOT_RECORDS } from '../db/snapshot-cache';
import { send } from '../messaging/client';
import type { VaultStatus } from '../messaging/protocol';
import { browser } from '../platform/browser';
import { formatNumber, t } from '../platform/i18n';
import { h } from '../ui/dom';
import { mountLibraryCard } from '../ui/library-mount';
import { onImagesChanged, onStatusChanged } from '../ui/live';
import { defaultActions, fetchStatusWithRetry, statusNotice } from '../ui/status';
import { openChatGpt, reloadChatGptTabs } from './chatgpt-tabs';
import { setTotal, showLatest } from './view';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const toggle = $<HTMLInputElement>('capture-switch');
/** The last total seen, shown until the count answers. A hint only: IndexedDB is the truth. */
const TOTAL_HINT = 'image-vault:total';

/** Opens the gallery, or focuses the one already open (the background decides, issue 13 §7). */
export function openGallery(query = ''): void {
  void send('openGallery', { query })
    .catch((err) => {
      // No background to ask: open a tab ourselves rather than nothing.
      console.warn('[image-vault] openGallery failed', err);
      return browser.tabs.create({ url: browser.runtime.getURL(`src/gallery/index.html${query}`) });
    })
    .then(() => window.close());
}

/** Opens the gallery on one image (its lightbox). */
export function openImage(id: string): void {
  openGallery(`#img=${encodeURIComponent(id)}`);
}

async function showCount(): Promise<number> {
  const total = await savedImageCount();
  setTotal(total);
  localStorage.setItem(TOTAL_HINT, String(total));
  return total;
}

/** Shows the latest captures as the database has them (`latest`: already read). */
async function showLatestFromDb(latest?: ImageRecord[]): Promise<void> {
  const recs = latest ?? (await latestCaptured(SNAPSHOT_RECORDS.popup));
  const thumbs = await readThumbs(recs.map((r) => r.id));
  await showLatest($('latest'), recs, thumbs, openImage);
}

/** The switch and its label: never on while the text says it is unknown (issue 13 §2). */
function showSwitch(state: 'checking' | 'unknown' | 'paused' | 'capturing'): void {
  const known = state === 'paused' || state === 'capturing';
  toggle.checked = state === 'capturing';
  toggle.indeterminate = !known;
  toggle.disabled = !known;
  toggle.dataset.state = state;
  const label = $('capture-label');
  label.textContent = t(`popup_switch_${state}`);
  label.dataset.state = state;
}

function showStatus(s: VaultStatus | null, actions = defaultActions(() => void refreshStatus())): void {
  showSwitch(!s ? 'unknown' : s.paused ? 'paused' : 'capturing');
  const extra = s
    ? [
        s.sessionCount ? t('popup_this_session', { count: formatNumber(s.sessionCount) }) : '',
        s.pending ? t('popup_saving', { count: formatNumber(s.pending) }) : '',
      ]
    : [];
  $('totals-extra').replaceChildren(...extra.filter(Boolean).map((e) => ` · ${e}`));
  const notice = statusNotice(s, { ...actions, reloadChatGpt: () => void reloadChatGptTabs() });
  document.body.toggleAttribute('data-problem', !s || s.problems.length > 0);
  $('notice').replaceChildren(notice ?? '');
}

let asking: Promise<void> | null = null;

/** Asks the background (with retries); the switch says "Checking…" meanwhile. */
function refreshStatus(): Promise<void> {
  asking ??= (async () => {
    if (toggle.dataset.state === 'unknown') showSwitch('checking');
    showStatus(await fetchStatusWithRetry(() => showSwitch('checking')));
  })().finally(() => {
    asking = null;
  });
  return asking;
}

function wireButtons(): void {
  toggle.addEventListener('change', async () => {
    const paused = !toggle.checked;
    // The knob stays where the user put it, the switch waits, the label says so.
    toggle.disabled = true;
    $('capture-label').textContent = t('popup_switch_checking');
    try {
      showStatus(await send('setPaused', { paused }));
    } catch (err) {
      console.warn('[image-vault] setPaused failed', err);
      await refreshStatus();
    }
  });
  $('open-gallery').addEventListener('click', () => openGallery());
  $('export-all').addEventListener('click', () => openGallery('?action=export-all'));
  $('open-chatgpt').addEventListener('click', () => void openChatGpt().then(() => window.close()));
  $('open-settings').addEventListener('click', (e) => {
    e.preventDefault(); // the browser's own settings tab (options_ui), not a page inside the popup
    void browser.runtime.openOptionsPage().then(() => window.close());
  });
}

/**
 * Takes over from main.ts once it painted the snapshot (or found none): the database's
 * latest captures replace the snapshot's if they differ; then total and status.
 */
export async function startPopup(painted: Promise<Snapshot | null>): Promise<void> {
  const life = new AbortController();
  window.addEventListener('pagehide', () => life.abort(), { once: true });
  wireButtons();
  showSwitch('checking');
  const library = mountLibraryCard($('library'), life.signal);
  const count = $('totals').firstElementChild!;
  const hint = localStorage.getItem(TOTAL_HINT);
  if (count.textContent === '…' && hint) setTotal(Number(hint));

  try {
    const snap = await painted;
    const latest = await latestCaptured(SNAPSHOT_RECORDS.popup);
    const same = snap !== null && snap.records.map((r) => r.id).join() === latest.map((r) => r.id).join();
    if (!same) await showLatestFromDb(latest);
    if (!snap) performance.mark('vault:popup-data');
    const [total] = await Promise.all([showCount(), refreshStatus()]);
    void refreshSnapshotIfStale(snap, total, latest);
    // The library card last, not awaited: its status may walk the library tables (issue 9).
    void library.refresh();
  } catch (err) {
    console.error('[image-vault] popup failed', err);
    $('notice').replaceChildren(
      h(
        'p',
        { class: 'notice notice-problem', role: 'status' },
        t('popup_vault_unreadable', { error: String(err) }),
      ),
    );
  } finally {
    performance.mark('vault:popup-ready');
    document.body.dataset.ready = 'true';
  }

  // Live: a capture while the popup is open shows up at once.
  onImagesChanged(life.signal, () => void Promise.all([showLatestFromDb(), showCount(), refreshStatus()]));
  onStatusChanged(life.signal, () => void refreshStatus());
}
