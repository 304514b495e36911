/**
 * The lists of the user's conversations, for the deep scan (issue 9 §7): the main list
 * (`GET /backend-api/conversations?offset&limit`, at most 100 a page: 101 gives 422) and the
 * projects' lists (`gizmos/snorlax/sidebar`, then `gizmos/{id}/conversations`), whose
 * conversations the main list does not show. The pure part: paths and validated pages. Fields
 * are observed, not published (docs/chatgpt.md §Endpoints): an entry without an id is counted.
 */
import { secondsToMs } from './conversation-tree';

/** The largest page the main list accepts (docs/chatgpt.md §Endpoints: 101 → 422). */
export const LIST_LIMIT = 100;
/** Page size of a project's conversations, as ChatGPT's own sidebar asks. */
export const PROJECT_LIMIT = 50;

/** One conversation as a list names it. */
export interface ListedConversation {
  id: string;
  /** epoch ms of its last change; null when the list gives none (then it is always read). */
  updateTime: number | null;
}

/** One page of a list, parsed. `next`: the offset or cursor of the next page, null at the end. */
export interface ListPage<C> {
  items: ListedConversation[];
  invalid: number;
  next: C | null;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const nonEmpty = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** An ISO string (the lists) or epoch seconds (the conversation itself), as epoch ms. */
export function timeMs(v: unknown): number | null {
  if (typeof v === 'string') {
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : t;
  }
  return secondsToMs(v);
}

function listed(raw: unknown[]): { items: ListedConversation[]; invalid: number } {
  const items: ListedConversation[] = [];
  const seen = new Set<string>();
  let invalid = 0;
  for (const r of raw) {
    const id = isObj(r) ? nonEmpty(r.id) : null;
    if (!id || !isObj(r)) invalid++;
    else if (!seen.has(id)) {
      seen.add(id);
      items.push({ id, updateTime: timeMs(r.update_time) });
    }
  }
  return { items, invalid };
}

/** The main list's page at `offset` (newest change first, as ChatGPT's sidebar asks). */
export function conversationListPath(offset: number, limit = LIST_LIMIT): string {
  const q = new URLSearchParams({ offset: String(offset), limit: String(Math.min(limit, LIST_LIMIT)) });
  q.set('order', 'updated');
  return `/backend-api/conversations?${q}`;
}

/**
 * Parses a main-list page read at `offset`: the next offset follows the raw item count; the
 * end is an empty page, or `total` reached when the answer gives one.
 */
export function parseConversationList(json: unknown, offset: number): ListPage<number> {
  if (!isObj(json) || !Array.isArray(json.items)) return { items: [], invalid: 1, next: null };
  const { items, invalid } = listed(json.items);
  const after = offset + json.items.length;
  const total = typeof json.total === 'number' && Number.isFinite(json.total) ? json.total : null;
  const end = json.items.length === 0 || (total !== null && after >= total);
  return { items, invalid, next: end ? null : after };
}

/** The projects (the sidebar's "snorlax" gizmos), without their conversations. */
export function projectSidebarPath(cursor: string | null): string {
  const q = new URLSearchParams({ conversations_per_gizmo: '0' });
  if (cursor !== null) q.set('cursor', cursor);
  return `/backend-api/gizmos/snorlax/sidebar?${q}`;
}

/** A project id where observed shapes put it: `gizmo.gizmo.id`, `gizmo.id` or `resource.gizmo.id`. */
function projectId(item: unknown): string | null {
  if (!isObj(item)) return null;
  const g = isObj(item.gizmo)
    ? item.gizmo
    : isObj(item.resource) && isObj(item.resource.gizmo)
      ? item.resource.gizmo
      : null;
  if (!g) return null;
  return nonEmpty(isObj(g.gizmo) ? g.gizmo.id : null) ?? nonEmpty(g.id);
}

/** A cursor as sent back: a string or number; null, missing, empty or repeated ends the walk. */
function nextCursor(c: unknown, sent: string | null, count: number): string | null {
  const next = typeof c === 'number' && Number.isFinite(c) ? String(c) : nonEmpty(c);
  return next !== null && next !== sent && count > 0 ? next : null;
}

/** Parses a sidebar page read with `cursor`: the project ids. */
export function parseProjectSidebar(
  json: unknown,
  cursor: string | null,
): { projects: string[]; invalid: number; next: string | null } {
  if (!isObj(json) || !Array.isArray(json.items)) return { projects: [], invalid: 1, next: null };
  const ids = json.items.map(projectId);
  return {
    projects: [...new Set(ids.filter((x): x is string => x !== null))],
    invalid: ids.filter((x) => x === null).length,
    next: nextCursor(json.cursor, cursor, json.items.length),
  };
}

/** A project's conversations from `cursor` ('0' first, as ChatGPT's own page sends). */
export function projectConversationsPath(projectId: string, cursor: string): string {
  const q = new URLSearchParams({ cursor, limit: String(PROJECT_LIMIT) });
  return `/backend-api/gizmos/${encodeURIComponent(projectId)}/conversations?${q}`;
}

/** Parses a project's conversation page read with `cursor`. */
export function parseProjectConversations(json: unknown, cursor: string): ListPage<string> {
  if (!isObj(json) || !Array.isArray(json.items)) return { items: [], invalid: 1, next: null };
  const { items, invalid } = listed(json.items);
  return { items, invalid, next: nextCursor(json.cursor, cursor, json.items.length) };
}
