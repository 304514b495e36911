/**
 * Finds final generated images in the live DOM (docs/chatgpt.md §Live DOM). The DOM is only the
 * trigger: metadata comes from the conversation JSON in the background. A final tile in an
 * image-generation container (not in a user turn, not a search thumbnail) is sighted
 * whatever else is missing (alt text, message id, conversation id): the background decides
 * what the JSON says about it. Partial and placeholder frames never are.
 */
import type { ImageSighting } from '../core/types';
import { conversationIdFromUrl, fileIdFromImageUrl } from '../sites/chatgpt/routes';
import {
  DALLE_IMG,
  IMAGE_TILE,
  isChatGptImageSrc,
  isPageBlobSrc,
  MESSAGE_ID,
  MIN_FINAL_WIDTH,
  NOT_GENERATION,
  STOP_BUTTON,
  TURN,
  USER_TURN_MARKERS,
} from '../sites/chatgpt/selectors';
import { tileFileId } from './tile-file-id';

export interface ScanResult {
  sightings: ImageSighting[];
  /** Tiles recognised (final or not yet). */
  tiles: number;
  /** Tiles skipped because their turn is still generating or no frame has loaded yet. */
  waiting: number;
  /** Final tiles whose file id the tile does not carry anywhere (not sighted). */
  unnamed: number;
}

export function isGenerating(doc: Document): boolean {
  return doc.querySelector(STOP_BUTTON) !== null;
}

function isUserTurn(turn: Element): boolean {
  return USER_TURN_MARKERS.some((sel) => turn.matches(sel) || turn.querySelector(sel) !== null);
}

/**
 * The largest loaded frame of a tile; on ties the later one (the final is stacked last).
 * While any frame of the tile is still loading, the final may be that one: 'loading'.
 */
function finalFrame(tile: Element): HTMLImageElement | 'loading' | null {
  const imgs = tile instanceof HTMLImageElement ? [tile] : Array.from(tile.getElementsByTagName('img'));
  if (imgs.length === 0 || imgs.some((img) => !img.complete)) return 'loading';
  let best: HTMLImageElement | null = null;
  for (const img of imgs) {
    if (!img.complete || img.naturalWidth <= MIN_FINAL_WIDTH) continue;
    const src = img.currentSrc || img.src;
    if (!isChatGptImageSrc(src) && !isPageBlobSrc(src)) continue;
    if (!best || img.naturalWidth * img.naturalHeight >= best.naturalWidth * best.naturalHeight) best = img;
  }
  return best;
}

/** All tiles in the document: containers plus DALL·E-era bare images. */
function findTiles(doc: Document): Element[] {
  const tiles = new Set<Element>(doc.querySelectorAll(IMAGE_TILE));
  for (const img of doc.querySelectorAll(DALLE_IMG)) {
    if (!img.closest(IMAGE_TILE)) tiles.add(img);
  }
  // A nested match (tile inside tile) counts once: keep the outermost.
  return [...tiles].filter((t) => !t.parentElement?.closest(IMAGE_TILE));
}

/** Team/Enterprise workspace id from the `_account` cookie (docs/chatgpt.md §Internal API), if any. */
function workspaceId(doc: Document): string | null {
  const m = /(?:^|;\s*)_account=([^;]+)/.exec(doc.cookie);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

/**
 * Scans the document for final generated images; `onFinal` hears each sighted tile and the
 * file it shows (the "saved" marks are placed from it).
 */
export function scanDocument(
  doc: Document,
  pageUrl: string,
  onFinal?: (fileId: string, tile: Element) => void,
): ScanResult {
  const generating = isGenerating(doc);
  // Only a generating page needs the newest turn; listing thousands of turns costs.
  const turns = generating ? doc.querySelectorAll(TURN) : null;
  const lastTurn = turns?.[turns.length - 1] ?? null;
  const conversationId = conversationIdFromUrl(pageUrl);
  const result: ScanResult = { sightings: [], tiles: 0, waiting: 0, unnamed: 0 };
  for (const tile of findTiles(doc)) {
    if (tile.closest(NOT_GENERATION)) continue;
    const turn = tile.closest(TURN);
    if (turn && isUserTurn(turn)) continue;
    result.tiles++;
    // While the stop button shows, the newest turn may still hold partial frames.
    if (generating && (turn === null || turn === lastTurn)) {
      result.waiting++;
      continue;
    }
    const img = finalFrame(tile);
    if (img === 'loading') {
      result.waiting++;
      continue;
    }
    if (!img) continue; // every frame settled, none usable (broken or a tiny placeholder)
    const fileId = tileFileId(tile, img);
    if (!fileId) {
      // A final nobody names (a blob: frame with no id anywhere in its tile): say so in the
      // page health rather than guess from another frame.
      result.unnamed++;
      continue;
    }
    const src = img.currentSrc || img.src;
    onFinal?.(fileId, tile);
    result.sightings.push({
      fileId,
      src,
      alt: img.alt.slice(0, 2000),
      conversationId,
      turnMessageId: turn?.querySelector(MESSAGE_ID)?.getAttribute('data-message-id') ?? null,
      pageUrl,
      naturalWidth: img.naturalWidth,
      naturalHeight: img.naturalHeight,
      accountId: workspaceId(doc),
    });
  }
  return result;
}

/** Distinct ChatGPT-served images (by file id) in assistant turns that sit in no recognised tile. */
export function countUnrecognised(doc: Document): number {
  const ids = new Set<string>();
  for (const img of doc.images) {
    const src = img.currentSrc || img.src;
    if (img.naturalWidth <= MIN_FINAL_WIDTH || !isChatGptImageSrc(src)) continue;
    if (img.closest(IMAGE_TILE) || img.matches(DALLE_IMG) || img.closest(NOT_GENERATION)) continue;
    const turn = img.closest(TURN);
    if (turn && isUserTurn(turn)) continue;
    ids.add(fileIdFromImageUrl(src) ?? src);
  }
  return ids.size;
}

export function countTurns(doc: Document): number {
  return doc.querySelectorAll(TURN).length;
}
