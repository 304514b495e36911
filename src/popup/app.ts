/**
 * The popup once its first screen is up (main.ts): checks the latest captures against
 * IndexedDB, the total (count() is linear in the rows, so it comes after), the capture
 * status from the background, the pause switch, the ways into the gallery, live updates.
 */
import type { Snapshot } from '../core/snapshot';
import type { ImageRecord } from '../core/types';
import { latestCaptured, readThumbs, savedImageCount } from '../db/gallery';
import { kvGet } from '../db/kv';
import { refreshSnapshotIfStale } from '../db/snapshot';
import { SNAPSHOT_RECORDS } from '../db/snapshot-cache';
import { send } from '../messaging/client';
import type { VaultStatus } from '../messaging/protocol';
import { browser } from '../platform/browser';
import { h } from '../ui/dom';
import { mountLibraryCard } from '../ui/library-mount';
import { onImagesChanged, onStatusChanged } from '../ui/live';
import { defaultActions, fetchStatus, statusNotice } from '../ui/status';
import { setTotal, showLatest } from './view';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const toggle = $<HTMLInputElement>('capture-switch');
/** The last total seen, shown until count() answers. A hint only: IndexedDB is the truth. */
const TOTAL_HINT = 'image-vault:total';

export function openGallery(query = ''): void {
  void browser.tabs
    .create({ url: browser.runtime.getURL(`src/gallery/index.html${query}`) })
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

function showStatus(s: VaultStatus | null, pausedFallback: boolean): void {
  const paused = s ? s.paused : pausedFallback;
  toggle.checked = !paused;
  toggle.disabled = !s;
  toggle.title = s ? '' : 'The extension’s background is not answering';
  $('capture-label').textContent = paused ? 'Paused' : 'Capturing';
  const extra = s
    ? [s.sessionCount ? ` · ${s.sessionCount} this session` : '', s.pending ? ` · saving ${s.pending}…` : '']
    : [];
  const totals = $('totals');
  totals.replaceChildren(totals.firstElementChild!, ' images saved', ...extra);
  $('notice').replaceChildren(
    statusNotice(
      s,
      defaultActions(() => void refreshStatus()),
    ) ?? '',
  );
}

async function refreshStatus(): Promise<void> {
  const [s, paused] = await Promise.all([fetchStatus(), kvGet('paused', false).catch(() => false)]);
  showStatus(s, paused);
}

/**
 * Takes over from main.ts once it painted the snapshot (or found none): the database's
 * latest captures replace the snapshot's if they differ; then total and status, one
 * thing at a time (count() and the background's getStatus both walk every row).
 */
export async function startPopup(painted: Promise<Snapshot | null>): Promise<void> {
  const life = new AbortController();
  window.addEventListener('pagehide', () => life.abort(), { once: true });
  toggle.addEventListener('change', async () => {
    toggle.disabled = true;
    try {
      showStatus(await send('setPaused', { paused: !toggle.checked }), !toggle.checked);
    } catch (err) {
      console.warn('[image-vault] setPaused failed', err);
      await refreshStatus();
    }
  });
  $('open-gallery').addEventListener('click', () => openGallery());
  $('export-all').addEventListener('click', () => openGallery('?action=export-all'));
  $('open-settings').addEventListener('click', (e) => {
    e.preventDefault(); // the browser's own settings tab (options_ui), not a page inside the popup
    void browser.runtime.openOptionsPage().then(() => window.close());
  });
  const library = mountLibraryCard($('library'), life.signal);
  const count = $('totals').firstElementChild!;
  if (count.textContent === '…') count.textContent = localStorage.getItem(TOTAL_HINT) ?? '…';

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
      h('p', { class: 'notice notice-problem' }, `Could not read the vault: ${String(err)}`),
    );
  } finally {
    performance.mark('vault:popup-ready');
    document.body.dataset.ready = 'true';
  }

  // Live: a capture while the popup is open shows up at once.
  onImagesChanged(life.signal, () => void Promise.all([showLatestFromDb(), showCount(), refreshStatus()]));
  onStatusChanged(life.signal, () => void refreshStatus());
}
