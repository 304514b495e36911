/**
 * Which ChatGPT file a tile's final frame shows. The src usually says (estuary `id=`, also
 * composite values such as `{hash}#file_…#thumbnail`; the DALL·E CDN path), but a `blob:`
 * final or an old DALL·E blob URL names none: then the id is read from what the tile
 * carries about that same frame (docs/chatgpt.md §Live DOM).
 */
import { fileIdIn } from '../sites/chatgpt/ids';
import { fileIdFromImageUrl } from '../sites/chatgpt/routes';
import { TILE_LINK } from '../sites/chatgpt/selectors';

/** URLs of a `srcset` ("url 1x, url 2x" / "url 512w"). */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0] ?? '')
    .filter((u) => u.length > 0);
}

/** A file id in an element's `data-*` attributes (`data-file-id`, `data-asset-pointer`, …). */
function fileIdInData(el: Element): string | null {
  for (const attr of el.attributes) {
    if (!attr.name.startsWith('data-')) continue;
    const id = fileIdIn(attr.value);
    if (id) return id;
  }
  return null;
}

/**
 * The file id of `frame`, the final frame of `tile`, from the first carrier that names one:
 * 1. its own src (or currentSrc);
 * 2. its `srcset` (a `blob:` src may come with estuary URLs for other densities);
 * 3. its `data-*` attributes, then the tile's own;
 * 4. a link inside the tile (download / open), when exactly one file is linked.
 * Other frames of the tile are never read: progressive partials carry their own file ids,
 * and naming the final after one would store a partial.
 */
export function tileFileId(tile: Element, frame: HTMLImageElement): string | null {
  for (const url of [frame.currentSrc, frame.src]) {
    const id = url ? fileIdFromImageUrl(url) : null;
    if (id) return id;
  }
  for (const url of srcsetUrls(frame.getAttribute('srcset') ?? '')) {
    const id = fileIdFromImageUrl(url);
    if (id) return id;
  }
  const data = fileIdInData(frame) ?? (tile === frame ? null : fileIdInData(tile));
  if (data) return data;
  const linked = new Set<string>();
  for (const a of tile.querySelectorAll(TILE_LINK)) {
    const href = a.getAttribute('href') ?? '';
    const id = fileIdFromImageUrl(href) ?? fileIdIn(href); // also `…/files/download/file_…`
    if (id) linked.add(id);
  }
  return linked.size === 1 ? [...linked][0]! : null;
}
