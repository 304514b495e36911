/**
 * ChatGPT's URL rules: which page shows which conversation, and which image URL names
 * which file. Pure functions (no DOM); see docs/chatgpt.md §Pages and URLs and §Image bytes.
 */
import { fileIdIn, isFileId } from './ids';

/** Both hosts: chatgpt.com (current) and chat.openai.com (old, still redirects). */
const HOSTS = new Set(['chatgpt.com', 'chat.openai.com']);

/**
 * `/c/{uuid}`, `/g/{gizmo-id}/c/{uuid}` (custom GPTs, `g-p-{hex}[-slug]` for projects),
 * `/share/{id}`. Gizmo ids of custom GPTs are mixed case (`g-2fkFE8rbu-dall-e`), hence `i`.
 */
const CONVERSATION_PATH = /^\/(?:share|c|g\/([a-z0-9-]+)\/c)\/([a-z0-9-]+)/i;

function parse(url: string, base?: string): URL | null {
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
}

/** True for a page or API URL on one of ChatGPT's hosts (https only). */
export function isChatGptUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === 'https:' && HOSTS.has(u.hostname);
}

/** The conversation id a ChatGPT page shows; null for the home page and temporary chats. */
export function conversationIdFromUrl(url: string): string | null {
  if (!isChatGptUrl(url)) return null;
  const u = parse(url)!;
  return CONVERSATION_PATH.exec(u.pathname)?.[2] ?? null;
}

/**
 * The file id an `<img src>` points at:
 * - `https://chatgpt.com/backend-api/estuary/content?id=file_…&…` → the `id` parameter, or the
 *   file id inside a composite value (`{hash}#file_…#thumbnail`, URL-encoded);
 * - `https://files.oaiusercontent.com/file-…?se=…` → the path segment;
 * - older DALL·E blobs (`…/private/…/img-….png`) carry none → null.
 * Relative `src` values are read against chatgpt.com, as the page would.
 */
export function fileIdFromImageUrl(src: string): string | null {
  const u = parse(src, 'https://chatgpt.com');
  if (u?.protocol !== 'https:') return null;
  if (HOSTS.has(u.hostname) && u.pathname === '/backend-api/estuary/content') {
    return fileIdIn(u.searchParams.get('id'));
  }
  if (u.hostname === 'files.oaiusercontent.com' || u.hostname.endsWith('.blob.core.windows.net')) {
    return u.pathname.split('/').find((seg) => isFileId(seg)) ?? null;
  }
  return null;
}

/** ISO 8601 as Azure SAS writes `se`: a date, or a UTC time (seconds optional). */
const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

/** When a signed CDN URL stops working: its `se=` timestamp in epoch ms, or null if none. */
export function signedUrlExpiry(src: string): number | null {
  const se = parse(src)?.searchParams.get('se');
  if (!se || !ISO.test(se)) return null;
  const ms = Date.parse(se);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * The link stored with an image: `https://chatgpt.com/c/{id}`, or the
 * `https://chatgpt.com/g/{gizmo}/c/{id}` form when the page showed this very conversation
 * under a custom GPT or project (that form reopens it in the same GPT/project).
 */
export function conversationUrl(conversationId: string, pageUrl?: string): string {
  const id = encodeURIComponent(conversationId);
  const u = pageUrl && isChatGptUrl(pageUrl) ? parse(pageUrl) : null;
  const m = u ? CONVERSATION_PATH.exec(u.pathname) : null;
  if (m?.[1] && m[2] === conversationId) return `https://chatgpt.com/g/${m[1]}/c/${id}`;
  return `https://chatgpt.com/c/${id}`;
}
