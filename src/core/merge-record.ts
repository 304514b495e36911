/**
 * One copy of each image (issue 9 §6): when a second source (live capture, the library, an
 * import) brings an image already stored, its metadata only fills gaps. A non-empty value is
 * never overwritten, and never replaced by an empty one.
 */
import type { ImageRecord } from './types';

/** Fields a second source may fill when the stored record has them empty. */
const FILLABLE = [
  'prompt',
  'revisedPrompt',
  'title',
  'genId',
  'parentGenId',
  'editOp',
  'seed',
  'genSize',
  'conversationId',
  'conversationTitle',
  'conversationUrl',
  'messageId',
] as const;

const empty = (v: unknown) => v === null || v === undefined || v === '';

/**
 * `stored` with its empty fields filled from `incoming`; null when nothing changes. The
 * warning (why prompts are missing) goes once a prompt is there, unless the incoming copy
 * has one of its own to say.
 */
export function fillGaps(stored: ImageRecord, incoming: Partial<ImageRecord>): ImageRecord | null {
  const next: ImageRecord = { ...stored };
  let changed = false;
  for (const k of FILLABLE) {
    const v = incoming[k];
    if (empty(stored[k]) && !empty(v)) {
      (next as unknown as Record<string, unknown>)[k] = v;
      changed = true;
    }
  }
  if (stored.model === 'unknown' && incoming.model && incoming.model !== 'unknown') {
    next.model = incoming.model;
    changed = true;
  }
  if (next.warning && next.prompt && !empty(incoming.prompt) && empty(incoming.warning)) {
    next.warning = null;
    changed = true;
  }
  return changed ? next : null;
}
