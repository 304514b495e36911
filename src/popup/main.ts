/**
 * The toolbar popup: totals, latest 12 captures, problems, the pause switch, and the
 * ways into the gallery. Reads IndexedDB directly and asks the background only for
 * capture status. The latest 12 come from one indexed read; the total from count(),
 * which is linear in the number of rows, so it never holds up the thumbnails.
 */
import { latestCaptured, readThumbs } from '../db/gallery';
import { countImages } from '../db/images';
import { kvGet } from '../db/kv';
import { send } from '../messaging/client';
import type { VaultStatus } from '../messaging/protocol';
import { browser } from '../platform/browser';
import { releaseBlob, showBlob } from '../ui/blob-img';
import { h } from '../ui/dom';
import { onImagesChanged, onStatusChanged } from '../ui/live';
import { defaultActions, fetchStatus, statusNotice } from '../ui/status';
import { latestTile } from './latest';

performance.mark('vault:popup-start');
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

async function showCount(): Promise<void> {
  const total = await countImages();
  $('totals').firstElementChild!.textContent = String(total);
  $('empty').hidden = total > 0;
  localStorage.setItem(TOTAL_HINT, String(total));
}

async function showLatest(): Promise<void> {
  const latest = await latestCaptured(12);
  const list = $('latest');
  list.querySelectorAll('img').forEach(releaseBlob);
  list.replaceChildren(
    ...latest.map((rec) => latestTile(rec, () => openGallery(`#img=${encodeURIComponent(rec.id)}`))),
  );
  const thumbs = await readThumbs(latest.map((r) => r.id));
  for (const img of list.querySelectorAll<HTMLImageElement>('img[data-image-id]')) {
    const thumb = thumbs.get(img.dataset.imageId!);
    if (thumb) showBlob(img, thumb);
    else img.replaceWith(h('span', { class: 'missing' }, 'Image missing'));
  }
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
// One thing at a time: IndexedDB serves a database's requests in turn, and both count()
// and the background's getStatus walk every row. The thumbnails must not wait for them.
showLatest()
  .then(() => {
    performance.mark('vault:popup-data');
    return Promise.all([showCount(), refreshStatus()]);
  })
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
onImagesChanged(life.signal, () => void Promise.all([showLatest(), showCount(), refreshStatus()]));
onStatusChanged(life.signal, () => void refreshStatus());
