/**
 * Entry point. The first IndexedDB open of a session takes 120–180 ms, so it starts
 * first, while the rest of the page's code is still loading (app.ts is a separate
 * chunk), together with reading the start-up snapshot that paints the first screen
 * meanwhile (db/snapshot.ts).
 */
import { openVault } from '../db/open';
import { readSnapshot } from '../db/snapshot-cache';
import { t } from '../platform/i18n';

performance.mark('vault:start');
const opening = openVault();
const snapshot = readSnapshot('gallery');
const life = new AbortController();
window.addEventListener('pagehide', () => life.abort(), { once: true });

function failed(err: unknown): void {
  console.error('[image-vault] gallery failed to start', err);
  const p = document.createElement('p');
  p.className = 'notice notice-problem';
  p.textContent = t('gallery_open_failed', { error: err instanceof Error ? err.message : String(err) });
  document.body.append(p);
}

opening.catch(failed);
import('./app').then(({ startGallery }) => startGallery(life.signal, snapshot)).catch(failed);
