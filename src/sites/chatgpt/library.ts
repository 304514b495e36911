/**
 * ChatGPT's image library, `GET /backend-api/my/recent/image_gen` (docs/chatgpt.md §Image
 * library): the pure part. Items are observed, not published, so every one is validated and
 * those that do not parse are counted (a visible sign that the format changed). Items are keyed
 * by file id, never by their signed URL (it changes on every listing).
 */
import { fileIdFromPointer } from './conversation';
import { fileIdIn, isFileId } from './ids';

/** The library endpoint. */
export const LIBRARY_PATH = '/backend-api/my/recent/image_gen';

/** One library image, validated. */
export interface LibraryItem {
  fileId: string;
  /** Signed URL of the original; it expires, so it is refreshed by listing again. */
  url: string;
  title: string | null;
  /** epoch ms (0 when the item gives none). */
  createdAt: number;
  width: number | null;
  height: number | null;
  conversationId: string | null;
  messageId: string | null;
  /** The item's own prompt; usually null (then the conversation has it). */
  prompt: string | null;
  genId: string | null;
}

/** One page of the library, parsed. */
export interface LibraryPage {
  items: LibraryItem[];
  /** Items that did not parse. */
  invalid: number;
  /** `output_blocked` items, skipped (ChatGPT shows no image for them). */
  blocked: number;
  /** `is_archived` items, skipped as ChatGPT's own Images page does. */
  archived: number;
  /** Cursor of the next page; null at the end (null, missing, empty or repeated cursor). */
  next: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null);

/** The path of one page: `limit` items after `cursor` (null: the newest). */
export function libraryPath(limit: number, cursor: string | null): string {
  const q = new URLSearchParams({ limit: String(limit) });
  if (cursor !== null) q.set('after', cursor);
  return `${LIBRARY_PATH}?${q}`;
}

/** The file id of an item: its asset pointer, else the `id=` of its URL. */
function itemFileId(o: Record<string, unknown>): string | null {
  const pointer = str(o.asset_pointer);
  const fromPointer = pointer ? fileIdFromPointer(pointer) : null;
  if (fromPointer) return fromPointer;
  const url = str(o.url);
  if (!url) return null;
  try {
    const id = fileIdIn(new URL(url).searchParams.get('id'));
    return isFileId(id) ? id : null;
  } catch {
    return null;
  }
}

/** One item, or null when it does not have what an image needs (a file id and an https URL). */
export function parseLibraryItem(raw: unknown): LibraryItem | null {
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  const fileId = itemFileId(o);
  const url = str(o.url);
  if (!fileId || !url || !/^https:\/\//.test(url)) return null;
  const created = num(o.created_at);
  return {
    fileId,
    url,
    title: str(o.title),
    // Seconds in what was seen; a value already in ms is kept as is.
    createdAt: created === null ? 0 : created < 1e11 ? Math.round(created * 1000) : created,
    width: num(o.width),
    height: num(o.height),
    conversationId: str(o.conversation_id),
    messageId: str(o.message_id),
    prompt: str(o.prompt),
    genId: str(o.generation_id),
  };
}

/** Parses one page answer; `after` is the cursor that was sent (a repeat of it ends the walk). */
export function parseLibraryPage(json: unknown, after: string | null): LibraryPage {
  const page: LibraryPage = { items: [], invalid: 0, blocked: 0, archived: 0, next: null };
  if (!json || typeof json !== 'object' || !Array.isArray((json as { items?: unknown }).items)) {
    return { ...page, invalid: 1 };
  }
  const body = json as { items: unknown[]; cursor?: unknown };
  const seen = new Set<string>();
  for (const raw of body.items) {
    const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    if (o.output_blocked === true) {
      page.blocked++;
      continue;
    }
    if (o.is_archived === true) {
      page.archived++;
      continue;
    }
    const item = parseLibraryItem(raw);
    if (!item) page.invalid++;
    else if (!seen.has(item.fileId)) {
      seen.add(item.fileId);
      page.items.push(item);
    }
  }
  const c = body.cursor;
  const next = typeof c === 'number' && Number.isFinite(c) ? String(c) : str(c);
  // A repeated cursor would loop for ever; an empty page cannot lead anywhere either.
  page.next = next !== null && next !== after && body.items.length > 0 ? next : null;
  return page;
}
