/**
 * Saves one library image: bytes first (its signed link expires), prompts later (prompt-fill.ts).
 * An image the vault already has only fills its gaps from the library (title, ids); one the
 * user deleted is not fetched at all.
 */
import type { ImageRecord, ImageSighting } from '../../core/types';
import { mergeImage, putImage } from '../../db/images';
import { isTombstoned } from '../../db/tombstones';
import type { ApiOptions } from '../../sites/chatgpt/api';
import type { LibraryItem } from '../../sites/chatgpt/library';
import { guessModel } from '../../sites/chatgpt/model';
import { conversationUrl } from '../../sites/chatgpt/routes';
import { imageFacts } from '../capture/image-facts';
import { readBytes } from '../capture/read-bytes';
import { type LibraryRow, updateRow } from './rows';

const HOME = 'https://chatgpt.com/';
const LIBRARY_PAGE = 'https://chatgpt.com/images';

/** What the library tells about an image, as record fields (for a new record, or to fill gaps). */
export function libraryFields(item: LibraryItem): Partial<ImageRecord> {
  return {
    title: item.title,
    genId: item.genId,
    conversationId: item.conversationId ?? '',
    conversationUrl: item.conversationId ? conversationUrl(item.conversationId, HOME) : '',
    messageId: item.messageId ?? '',
    prompt: item.prompt ?? '',
  };
}

/** Whether prompts are still to be read from the conversation for this item. */
const promptsFor = (item: LibraryItem, stored: ImageRecord | undefined): LibraryRow['prompts'] => {
  if (stored?.prompt || item.prompt) return 'none';
  return item.conversationId ? 'pending' : 'none';
};

/** Outcome of saving one item: bytes stored (0 when none were fetched). */
export interface SaveOutcome {
  status: 'added' | 'merged' | 'deleted';
  bytes: number;
}

/** Saves `item` (see the module comment); updates its row. Throws CaptureError / BudgetWaitError. */
export async function saveLibraryItem(item: LibraryItem, opts: ApiOptions): Promise<SaveOutcome> {
  if (await isTombstoned(item.fileId)) {
    await updateRow(item.fileId, { bytes: 'deleted', error: null });
    return { status: 'deleted', bytes: 0 };
  }
  const already = await mergeImage(item.fileId, libraryFields(item));
  if (already) {
    await updateRow(item.fileId, {
      bytes: 'saved',
      size: already.bytes,
      prompts: promptsFor(item, already),
      error: null,
    });
    return { status: 'merged', bytes: 0 };
  }
  const sighting: ImageSighting = {
    fileId: item.fileId,
    src: item.url,
    alt: '',
    conversationId: item.conversationId,
    turnMessageId: item.messageId,
    pageUrl: LIBRARY_PAGE,
    naturalWidth: item.width ?? 0,
    naturalHeight: item.height ?? 0,
  };
  const img = await readBytes(sighting, opts);
  const facts = await imageFacts(img, { width: item.width ?? 0, height: item.height ?? 0 });
  const now = Date.now();
  const fields = libraryFields(item);
  const record: ImageRecord = {
    id: item.fileId,
    ...facts.fields,
    prompt: fields.prompt ?? '',
    revisedPrompt: '',
    title: item.title,
    model: guessModel(sighting),
    genId: item.genId,
    parentGenId: null,
    editOp: null,
    seed: null,
    genSize: null,
    conversationId: fields.conversationId ?? '',
    conversationTitle: '',
    conversationUrl: fields.conversationUrl || LIBRARY_PAGE,
    messageId: fields.messageId ?? '',
    pageUrl: LIBRARY_PAGE,
    createdAt: item.createdAt || now,
    capturedAt: now,
    favorite: 0,
    source: 'library',
    warning: null,
  };
  const result = await putImage(record, img.blob, facts.thumb);
  if (result.status === 'deleted') {
    await updateRow(item.fileId, { bytes: 'deleted', error: null });
    return { status: 'deleted', bytes: 0 };
  }
  // A duplicate by bytes under another id was merged by putImage; its prompts are its own.
  const added = result.status === 'added';
  await updateRow(item.fileId, {
    bytes: 'saved',
    size: record.bytes,
    prompts: added ? promptsFor(item, undefined) : 'none',
    error: null,
  });
  return { status: added ? 'added' : 'merged', bytes: added ? record.bytes : 0 };
}
