/**
 * Tile captions: the image's title or prompt, or while searching, the part of the first
 * matching field around the match, highlighted. A prompt-only card already shows its
 * prompt in place of the image: its caption is the title or revised prompt instead. Cached per query: the grid asks for
 * every visible tile on every scroll frame.
 */
import { type ImageRecord, isPromptOnly } from '../core/types';
import { clipText, displayText } from '../ui/format';
import { CAPTION_SCAN, captionField, highlightRanges, parseQuery, type Range, snippet } from './search';

export interface Caption {
  text: string;
  ranges: Range[];
}

let cacheQuery = '';
let cacheTerms: string[] = [];
const cache = new Map<string, { rec: ImageRecord; caption: Caption }>();

export function captionFor(rec: ImageRecord, q: string): Caption {
  if (q !== cacheQuery) {
    cacheQuery = q;
    cacheTerms = parseQuery(q);
    cache.clear();
  }
  const hit = cache.get(rec.id);
  if (hit && hit.rec === rec) return hit.caption;
  const text =
    !cacheTerms.length && isPromptOnly(rec)
      ? rec.title || rec.revisedPrompt || rec.prompt
      : captionField(rec, cacheTerms);
  const caption = cacheTerms.length
    ? clip(snippet(text, highlightRanges(text, cacheTerms, CAPTION_SCAN)))
    : clip({ text, ranges: [] });
  if (cache.size > 2000) cache.clear();
  cache.set(rec.id, { rec, caption });
  return caption;
}

/**
 * Two lines show at most ~200 characters: keep the DOM text short, and make it safe to
 * show (ui/format.ts displayText keeps the length, so the ranges still fit).
 */
function clip(c: Caption, max = 240): Caption {
  if (c.text.length <= max) return { text: displayText(c.text), ranges: c.ranges };
  const text = clipText(c.text, max);
  const end = text.length - 1; // before the "…"
  return {
    text: displayText(text),
    ranges: c.ranges.filter(([a]) => a < end).map(([a, b]) => [a, Math.min(b, end)]),
  };
}
