/**
 * Entry point. Opening IndexedDB can take a few hundred ms when the browser has to
 * reopen a large database, so it starts first, while the rest of the page's code is
 * still loading (app.ts is a separate chunk), not after it.
 */
import { openVault } from '../db/open';

performance.mark('vault:start');
const opening = openVault();
const life = new AbortController();
window.addEventListener('pagehide', () => life.abort(), { once: true });

function failed(err: unknown): void {
  console.error('[image-vault] gallery failed to start', err);
  const p = document.createElement('p');
  p.className = 'notice notice-problem';
  p.textContent = `The gallery could not open the vault: ${err instanceof Error ? err.message : String(err)}`;
  document.body.append(p);
}

opening.catch(failed);
import('./app').then(({ startGallery }) => startGallery(life.signal)).catch(failed);
