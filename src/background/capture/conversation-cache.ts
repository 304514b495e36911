/**
 * Parsed conversations, briefly cached: several images of one turn cost one API call.
 * An image missing from a cached copy triggers one fresh fetch (the turn may have just ended).
 */

import type { GeneratedImageMeta } from '../../core/types';
import { type ApiOptions, getConversation } from '../../sites/chatgpt/api';
import { findImage, type ParsedConversation, parseConversation } from '../../sites/chatgpt/conversation';

const TTL_MS = 10_000;
const cache = new Map<string, { at: number; parsed: Promise<ParsedConversation> }>();

function load(conversationId: string, opts: ApiOptions): Promise<ParsedConversation> {
  const parsed = getConversation(conversationId, opts).then(parseConversation);
  cache.set(conversationId, { at: Date.now(), parsed });
  parsed.catch(() => cache.delete(conversationId));
  return parsed;
}

export async function lookupImage(
  conversationId: string,
  fileId: string,
  opts: ApiOptions,
): Promise<{ parsed: ParsedConversation; meta: GeneratedImageMeta | undefined }> {
  const hit = cache.get(conversationId);
  const fresh = !hit || Date.now() - hit.at > TTL_MS;
  let parsed = await (fresh ? load(conversationId, opts) : hit.parsed);
  let meta = findImage(parsed, fileId);
  if (!meta && !fresh) {
    parsed = await load(conversationId, opts);
    meta = findImage(parsed, fileId);
  }
  return { parsed, meta };
}
