/**
 * The disk mirror (issue 12 §1), wired in the background: every image saved while the mirror
 * is on (capture, library sync and backfill, deep scan, import, Fetch: all of them announce
 * `images-changed` on the change channel) is queued and written under Downloads; "Write
 * everything now" queues the rest of the vault.
 *
 * An import runs in the gallery page and announces there; a worker asleep at that moment
 * misses the broadcast. So at every start, and on every change, images captured since the
 * last check (the mirror's marks in kv, set when it is switched on) are queued too.
 */
import { savedImageCount } from '../../db/gallery';
import { mirrorCounts, mirrorMarks, queueForMirror, savedImageIds, setMirrorMarks } from '../../db/mirror';
import { onChange } from '../../messaging/changes';
import type { MirrorStatus } from '../../messaging/protocol';
import { cachedSettings } from '../../settings/cached';
import type { Settings } from '../../settings/schema';
import { onSettingsChanged } from '../../settings/store';
import { MIRROR_ALARM, pumpMirror } from './runner';

export { MIRROR_ALARM } from './runner';

const OVERLAP_MS = 60_000;

const log = (what: string) => (err: unknown) => console.warn(`[image-vault] mirror: ${what}`, err);

/** Queues the images captured since the last check; the mark moves to now. */
async function catchUp(): Promise<void> {
  const marks = await mirrorMarks();
  const now = Date.now();
  // Switched on just now: from here on (the existing vault is "Write everything now").
  if (marks === null) return setMirrorMarks({ since: now, checkedTo: now });
  // A minute of overlap: a capture's capturedAt is taken before its transaction commits.
  await queueForMirror(await savedImageIds(marks.checkedTo - OVERLAP_MS), marks.since - OVERLAP_MS);
  await setMirrorMarks({ ...marks, checkedTo: now });
}

async function apply(settings: Settings): Promise<void> {
  if (!settings.mirror.enabled) return setMirrorMarks(null);
  await catchUp();
  await pumpMirror();
}

/** Starts the mirror at every worker start: settings, change listener, resume the queue. */
export function startMirror(): void {
  cachedSettings().then(apply).catch(log('could not start'));
  onSettingsChanged((s) => {
    apply(s).catch(log('could not apply the settings'));
  });
  onChange(null, async (change) => {
    if (change.type !== 'images-changed') return;
    // Every saved image passes here: the settings come from the cache, not a storage read.
    if (!(await cachedSettings()).mirror.enabled) return;
    const marks = await mirrorMarks();
    if (change.ids && marks) await queueForMirror(change.ids, marks.since - OVERLAP_MS);
    else await catchUp();
    void pumpMirror().catch(log('could not write'));
  });
}

/** The alarm handler: a retry time came. */
export function onMirrorAlarm(name: string): boolean {
  if (name !== MIRROR_ALARM) return false;
  pumpMirror().catch(log('could not write'));
  return true;
}

/** "Write everything now" ('start') and its progress ('status'). */
export async function mirrorAll(action: 'start' | 'status'): Promise<MirrorStatus> {
  const settings = await cachedSettings();
  if (action === 'start' && settings.mirror.enabled) {
    await queueForMirror(await savedImageIds());
    void pumpMirror().catch(log('could not write'));
  }
  const [total, counts] = await Promise.all([savedImageCount(), mirrorCounts()]);
  return { enabled: settings.mirror.enabled, total, ...counts, written: Math.min(counts.written, total) };
}
