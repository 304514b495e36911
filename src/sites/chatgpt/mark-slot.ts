/**
 * Where the "saved" mark goes on a generated-image tile (issue 13 §1; docs/chatgpt.md §Saved
 * mark). The mark's host is a zero-size, absolutely positioned element with no offsets: it
 * takes no room and moves nothing, and sits at its static position, the top-left corner of
 * the image, from where the badge is drawn inside its shadow root.
 *
 * - A tile container (`IMAGE_TILE`, 2025–26 and DALL·E-era containers): the host is its first
 *   child, so its static position is the container's top-left whatever the frames inside are
 *   (in flow or stacked absolutely). ChatGPT's own hover buttons sit top-right.
 * - A bare DALL·E-era `<img>` (the tile is the image): the host goes right before it.
 * React may put nodes in front of the host or drop it with a re-rendered tile: the caller
 * checks `inSlot` on every scan and places it again.
 */

/** The host goes first inside `anchor` (`inside`), or right before it. */
export interface MarkSlot {
  anchor: Element;
  inside: boolean;
}

/** The slot for `tile`'s mark. */
export function markSlot(tile: Element): MarkSlot {
  return { anchor: tile, inside: tile.tagName !== 'IMG' };
}

/** True when `host` already sits in `slot` (a cheap check on every scan). */
export function inSlot(host: Element, slot: MarkSlot): boolean {
  return slot.inside ? slot.anchor.firstChild === host : slot.anchor.previousSibling === host;
}

/** Puts `host` into `slot`, moving it when it is elsewhere. */
export function placeInSlot(host: Element, slot: MarkSlot): void {
  if (slot.inside) slot.anchor.prepend(host);
  else slot.anchor.before(host);
}
