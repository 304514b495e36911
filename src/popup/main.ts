/**
 * The toolbar popup: totals, latest 12 captures, problems, the pause switch, and the
 * ways into the gallery. Reads IndexedDB directly and asks the background only for
 * capture status. The latest 12 come from one indexed read; the total from count(),
 * which is linear in the number of rows, so it never holds up the thumbnails.
 */
import type { ImageRecord } from '../core/types';
import { latestCaptured, readThumbs } from '../db/gallery';
import { countImages } from '../db/images';
import { kvGet } from '../db/kv';
import { readSnapshot, refreshSnapshotIfStale, SNAPSHOT_RECORDS } from '../db/snapshot';
import { send } from '../messaging/client';
import type { VaultStatus } from '../messaging/protocol';
import { browser } from '../platform/browser';
import { releaseBlob, showBlob } from '../ui/blob-img';
import { h } from '../ui/dom';
import { onImagesChanged, onStatusChanged } from '../ui/live';
import { paintOver, settlePaintOver } from '../ui/paint-over';
import { defaultActions, fetchStatus, statusNotice } from '../ui/status';
import { latestTile } from './latest';

performance.mark('vault:popup-start');
const snapshot = readSnapshot('popup');
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const toggle = $<HTMLInputElement>('capture-switch');
const life = new AbortController();

function openGallery(query = ''): void {
  void browser.tabs
    .create({ url: browser.runtime.getURL(`src/gallery/index.html${query}`) })
    .then(() => window.close());
}

/** The last total seen, shown until count() answers. A hint only: IndexedDB is the truth. */
const TOTAL_HINT = 'image-vault:total';

function setTotal(total: number): void {
  $('totals').firstElementChild!.textContent = String(total);
  $('empty').hidden = total > 0;
}

async function showCount(): Promise<number> {
  const total = await countImages();
  setTotal(total);
  localStorage.setItem(TOTAL_HINT, String(total));
  return total;
}

/** Shows the latest captures: from the snapshot (thumbnails in hand) or the database. */
async function showLatest(latest: ImageRecord[], thumbs?: ReadonlyMap<string, Blob>): Promise<void> {
  const list = $('latest');
  list.querySelectorAll('img').forEach(releaseBlob);
  list.replaceChildren(
    ...latest.map((rec) => latestTile(rec, () => openGallery(`#img=${encodeURIComponent(rec.id)}`))),
  );
  const found = thumbs ?? (await readThumbs(latest.map((r) => r.id)));
  const imgs = [...list.querySelectorAll<HTMLImageElement>('img[data-image-id]')];
  const missing = (img: HTMLImageElement) =>
    img.replaceWith(h('span', { class: 'missing' }, 'Image missing'));
  const show = (img: HTMLImageElement, thumb: Blob) => {
    img.onload = () => settlePaintOver(img);
    img.onerror = () => missing(img);
    showBlob(img, thumb);
  };
  // "Shown" means painted: canvases first (ui/paint-over.ts), then each <img> behind its canvas.
  const drawn = await Promise.all(
    imgs.map((img) => {
      const thumb = found.get(img.dataset.imageId!);
      return thumb ? paintOver(img, thumb) : false;
    }),
  );
  imgs.forEach((img, i) => {
    const thumb = found.get(img.dataset.imageId!);
    if (!thumb) missing(img);
    else if (!drawn[i]) show(img, thumb);
  });
  await Promise.all(imgs.map((img) => (img.src ? img.decode().catch(() => undefined) : undefined)));
  requestAnimationFrame(() =>
    imgs.forEach((img, i) => {
      if (drawn[i]) show(img, found.get(img.dataset.imageId!)!);
    }),
  );
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
window.addEventListener('pagehide', () => life.abort(), { once: true });

$('totals').firstElementChild!.textContent = localStorage.getItem(TOTAL_HINT) ?? '…';

/**
 * The start-up snapshot (db/snapshot.ts) shows the latest captures at once, while the
 * database opens; then the database's own answer replaces it if they differ. One thing
 * at a time after that: count() and the background's getStatus walk every row.
 */
async function start(): Promise<void> {
  const snap = await snapshot;
  if (snap) {
    setTotal(snap.total);
    await showLatest(snap.records, snap.thumbs);
    performance.mark('vault:popup-data');
  }
  const latest = await latestCaptured(SNAPSHOT_RECORDS.popup);
  const same = snap !== null && snap.records.map((r) => r.id).join() === latest.map((r) => r.id).join();
  if (!same) await showLatest(latest);
  if (!snap) performance.mark('vault:popup-data');
  const [total] = await Promise.all([showCount(), refreshStatus()]);
  void refreshSnapshotIfStale(snap, total, latest);
}

start()
  .catch((err) => {
    console.error('[image-vault] popup failed', err);
    $('notice').replaceChildren(
      h('p', { class: 'notice notice-problem' }, `Could not read the vault: ${String(err)}`),
    );
  })
  .finally(() => {
    performance.mark('vault:popup-ready');
    document.body.dataset.ready = 'true';
  });

// Live: a capture while the popup is open shows up at once.
onImagesChanged(
  life.signal,
  () =>
    void Promise.all([
      latestCaptured(SNAPSHOT_RECORDS.popup).then((l) => showLatest(l)),
      showCount(),
      refreshStatus(),
    ]),
);
onStatusChanged(life.signal, () => void refreshStatus());
