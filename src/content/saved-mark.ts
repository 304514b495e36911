/**
 * The "saved" mark's element (issue 13 §1): a zero-size host that takes no room in ChatGPT's
 * layout (absolute, no offsets, 0×0, `all: initial` against the page's styles), with the badge
 * in its own shadow root so neither side's CSS reaches the other. The host ignores the pointer;
 * only the small badge takes it, for its hover title (a click on it still bubbles to the tile).
 */
import { t } from '../platform/i18n';

/** The host's tag: a name ChatGPT's own CSS and React never use. */
export const MARK_TAG = 'image-vault-mark';

const HOST_STYLE =
  'all:initial;display:block;position:absolute;width:0;height:0;overflow:visible;pointer-events:none;z-index:2';

const BADGE_CSS = `
.badge {
  position: absolute; top: 8px; left: 8px; box-sizing: border-box;
  width: 22px; height: 22px; border-radius: 50%;
  display: grid; place-items: center;
  background: #15803d; color: #fff; border: 1.5px solid rgba(255, 255, 255, 0.9);
  box-shadow: 0 1px 3px rgba(0, 0, 0, 0.35);
  opacity: 0.92; pointer-events: auto; cursor: default;
}
svg { width: 14px; height: 14px; }`;

/** A new mark for the image with `fileId` (not yet in the page). */
export function createMark(fileId: string): HTMLElement {
  const host = document.createElement(MARK_TAG);
  // Through the CSSOM, which a page's CSP does not govern (a style attribute it may refuse).
  host.style.cssText = HOST_STYLE;
  host.dataset.fileId = fileId;
  const root = host.attachShadow({ mode: 'open' });
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.setAttribute('role', 'img');
  const label = t('mark_saved');
  badge.setAttribute('aria-label', label);
  badge.title = label;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M4 12.5l5 5L20 6.5');
  const strokes: [string, string][] = [
    ['fill', 'none'],
    ['stroke', 'currentColor'],
    ['stroke-width', '3'],
    ['stroke-linecap', 'round'],
    ['stroke-linejoin', 'round'],
  ];
  for (const [k, v] of strokes) path.setAttribute(k, v);
  svg.append(path);
  badge.append(svg);
  root.append(badge);
  style(root);
  return host;
}

/** One constructed sheet for every mark of the page (parsed once, adopted by each root). */
let sheet: CSSStyleSheet | null = null;

/**
 * The badge's styles: a constructed sheet (no inline <style> for the page's CSP to refuse);
 * a <style> element where the sheet cannot be adopted (a Firefox content script's sheet
 * belongs to another compartment).
 */
function style(root: ShadowRoot): void {
  try {
    if (!sheet) {
      const made = new CSSStyleSheet();
      made.replaceSync(BADGE_CSS);
      sheet = made;
    }
    root.adoptedStyleSheets = [sheet];
  } catch {
    const el = document.createElement('style');
    el.textContent = BADGE_CSS;
    root.prepend(el);
  }
}
