/**
 * Every fragile ChatGPT selector lives here, as ordered lists of fallbacks
 * (style.md: host-site knowledge in one place). Source: docs/chatgpt.md §Live DOM.
 * When a list stops matching, the content script reports it (pageHealth) and the popup
 * says "ChatGPT's page changed". Review these every few months.
 */

/** A conversation turn. */
export const TURN = [
  // 2026 markup — TODO(2027-03): re-check against chatgpt.com
  'section[data-testid^="conversation-turn-"]',
  // 2024–25 markup
  'article[data-testid^="conversation-turn-"]',
  // last resort: any element carrying the turn test id
  '[data-testid^="conversation-turn-"]',
].join(',');

/** Marks a user turn (uploads live there: never generations). */
export const USER_TURN_MARKERS = ['[data-turn="user"]', '[data-message-author-role="user"]'];

/** The element that carries the message id joining a DOM turn to the conversation JSON. */
export const MESSAGE_ID = '[data-message-id]';

/**
 * A generated-image tile. Search the whole turn: the tile is not necessarily inside the
 * `[data-message-author-role]` element.
 */
export const IMAGE_TILE = [
  // GPT-4o / gpt-image, 2025–26: <div id="image-…" class="… group/imagegen-image …">
  'div[id^="image-"][class*="imagegen-image"]',
  // same family, id dropped — TODO(2027-03): seen in one replica only
  '[class*="group/imagegen-image"]',
  // DALL·E 3 era (uncertain, page replica): container class group/dalle-image
  '[class*="group/dalle-image"]',
].join(',');

/** DALL·E 3 era images outside any container (uncertain): img#dalle-image-{messageId}-{index}. */
export const DALLE_IMG = 'img[id^="dalle-image-"]';

/** Containers whose images are never generations (web-search thumbnails). */
export const NOT_GENERATION = ['[class*="search-image"]', '[data-testid*="search-result"]'].join(',');

/** Present while the assistant is still generating. */
export const STOP_BUTTON = [
  'button[data-testid="stop-button"]',
  // aria-labels, should the test id go: 2024–25 wording, then 2025–26 (docs/chatgpt.md §Live DOM)
  'button[aria-label="Stop streaming"]',
  'button[aria-label="Stop answering"]',
].join(',');

/** URL shapes of ChatGPT-served images (generated or uploaded). */
export const IMAGE_SRC_PATTERNS: RegExp[] = [
  /^https:\/\/(?:chatgpt\.com|chat\.openai\.com)\/backend-api\/estuary\/content\?/,
  /^https:\/\/files\.oaiusercontent\.com\//,
  /^https:\/\/[a-z0-9]+\.blob\.core\.windows\.net\/private\//,
];

export function isChatGptImageSrc(src: string): boolean {
  return IMAGE_SRC_PATTERNS.some((re) => re.test(src));
}

/**
 * A `blob:` URL the ChatGPT page itself made (docs/chatgpt.md §Live DOM, one userscript sees
 * such finals). It names no file: the id must come from elsewhere in the tile.
 */
const PAGE_BLOB_SRC = /^blob:https:\/\/(?:chatgpt\.com|chat\.openai\.com)\//;

/** True for a `blob:` src made by a ChatGPT page. */
export function isPageBlobSrc(src: string): boolean {
  return PAGE_BLOB_SRC.test(src);
}

/**
 * Links inside a tile that may name its file (download / open-in-new-tab), read when the
 * frame's own src names none (a `blob:` final, an old DALL·E blob URL).
 */
export const TILE_LINK = 'a[href]';

/** A frame counts as final-candidate only when loaded and bigger than a placeholder. */
export const MIN_FINAL_WIDTH = 100;
