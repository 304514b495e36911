/**
 * Saves one image the deep scan found in a conversation JSON (issue 9 §7): its bytes through
 * a fresh `files/download/{file_id}` link (the JSON holds only a pointer, and old signed links
 * expire), its prompts straight from that same JSON (no second read). An image the vault has
 * only fills its gaps; one the user deleted is never fetched.
 */
import type { GeneratedImageMeta, ImageRecord } from '../../core/types';
import { mergeImage, putImage } from '../../db/images';
import { isTombstoned } from '../../db/tombstones';
import { type ApiOptions, getDownloadUrl } from '../../sites/chatgpt/api';
import { jsonFields as fieldsOf } from '../../sites/chatgpt/record-fields';
import { fetchImage } from '../capture/fetch-bytes';
import { imageFacts } from '../capture/image-facts';
import { updateRow } from './rows';
import type { FoundImages } from './scan-rows';

/** Outcome: 'added' (bytes stored), 'known' (in the vault already), 'deleted' (tombstoned). */
export interface FoundOutcome {
  status: 'added' | 'known' | 'deleted';
  bytes: number;
}

/** Saves one found image (see the module comment). Throws CaptureError / BudgetWaitError. */
export async function saveFoundImage(
  m: GeneratedImageMeta,
  found: FoundImages,
  opts: ApiOptions,
): Promise<FoundOutcome> {
  if (await isTombstoned(m.fileId)) return { status: 'deleted', bytes: 0 };
  const fields = fieldsOf(m, { conversationId: found.conversationId, title: found.title });
  if (await mergeImage(m.fileId, fields)) return { status: 'known', bytes: 0 };
  const img = await fetchImage(await getDownloadUrl(m.fileId, found.conversationId, opts));
  const facts = await imageFacts(img, { width: m.width ?? 0, height: m.height ?? 0 });
  const now = Date.now();
  const record: ImageRecord = {
    id: m.fileId,
    ...facts.fields,
    ...fields,
    model: m.model,
    pageUrl: fields.conversationUrl,
    createdAt: m.createdAt ?? now,
    capturedAt: now,
    favorite: 0,
    source: 'deep-scan',
    warning: null,
  };
  const result = await putImage(record, img.blob, facts.thumb);
  if (result.status === 'deleted') return { status: 'deleted', bytes: 0 };
  const added = result.status === 'added';
  // Should the library list it too, its row is settled: no second download by the backfill.
  await updateRow(m.fileId, { bytes: 'saved', size: record.bytes, prompts: 'none', error: null });
  return { status: added ? 'added' : 'known', bytes: added ? record.bytes : 0 };
}
