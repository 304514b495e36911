/**
 * Which stored conversation address the archive's files may turn into a link: only
 * ChatGPT's own pages (https://chatgpt.com, https://chat.openai.com). An imported
 * archive can carry anything there, `javascript:` included; anything else is written as
 * plain text.
 *
 * Why a copy of sites/chatgpt/routes.ts isChatGptUrl and not an import: core/ knows
 * nothing of ChatGPT's pages and imports nothing from sites/ (README, Architecture), and
 * the offline index.html needs the rule as source it can carry (index-html.ts serializes
 * isChatGptLink into the page). test/unit/chatgpt-link.test.ts checks the two agree.
 */

/**
 * True when `url` is an https address on chatgpt.com or chat.openai.com. Self-contained
 * (no reference outside its body): index-html.ts serializes it into the offline page.
 */
export function isChatGptLink(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (u.hostname === 'chatgpt.com' || u.hostname === 'chat.openai.com');
  } catch {
    return false;
  }
}

/**
 * The address to link to, or null when `url` may not become a link. Normalized by the
 * URL parser (spaces, `<`, `>` and line breaks percent-encoded or dropped), so that it
 * cannot break out of a Markdown link.
 */
export function chatGptHref(url: string): string | null {
  return isChatGptLink(url) ? new URL(url).href : null;
}
