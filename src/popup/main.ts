/**
 * The toolbar popup's first script, kept small: it paints the latest captures and the
 * total from the start-up snapshot (db/snapshot-cache.ts) while the rest of the popup —
 * database, messaging, status — loads as a second chunk (app.ts) and then takes over.
 */
import { readSnapshot, SNAPSHOT_RECORDS } from '../db/snapshot-cache';
import { localizeDocument } from '../platform/i18n';
import { setTotal, showLatest } from './view';

performance.mark('vault:popup-start');
localizeDocument();
const snapshot = readSnapshot('popup');
const list = document.getElementById('latest')!;
/** Opening an image needs the extension API: app.ts has it. */
const open = (id: string) => void app.then((a) => a.openImage(id));

async function paintSnapshot() {
  const snap = await snapshot;
  if (snap) {
    setTotal(snap.total);
    await showLatest(list, snap.records.slice(0, SNAPSHOT_RECORDS.popup), snap.thumbs, open);
    performance.mark('vault:popup-data');
  }
  return snap;
}

const painted = paintSnapshot();
// Loaded once the snapshot is on screen: on two cores, parsing it meanwhile slows the paint.
const app = painted.then(() => import('./app'));
app
  .then((a) => a.startPopup(painted))
  .catch((err) => {
    console.error('[image-vault] popup failed to start', err);
    document.body.dataset.ready = 'true';
  });
