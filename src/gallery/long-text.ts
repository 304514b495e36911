/**
 * A prompt of any length in the lightbox, with bounded work per frame.
 *
 * Why: a 1 MB prompt mixing scripts, bidi overrides and control characters took Chromium
 * about ten seconds to lay out in one text node (the lightbox's grid measures it more
 * than once), and highlighting it cost another 200 ms per render. So the lightbox shows
 * the first PREVIEW_CHARS at once; "Show all" adds the rest in blocks of CHUNK_CHARS, one
 * block per animation frame, and blocks scrolled out of view skip layout
 * (`content-visibility: auto` in lightbox.css). The text shown goes through displayText
 * (ui/format.ts); the copy buttons copy the stored text itself.
 */

import { formatNumber, t } from '../platform/i18n';
import { h, marked } from '../ui/dom';
import { displayText } from '../ui/format';
import { highlightRanges } from './search';

/** Shown at once: more than the prompt box (about 600 characters) holds. */
export const PREVIEW_CHARS = 4_000;
/** Added per frame after "Show all": a few milliseconds of layout each. */
export const CHUNK_CHARS = 16_000;
/** Highlights per block: beyond this a one-letter search would mount thousands of <mark>s. */
const MAX_MARKS = 300;

/**
 * Where the block starting at `from` should end: at a line break or space in its last
 * quarter when there is one (a block boundary is a forced line break), never between the
 * two halves of a surrogate pair.
 */
export function blockEnd(text: string, from: number, size: number): number {
  let end = from + size;
  if (end >= text.length) return text.length;
  const floor = end - (size >> 2);
  const nl = text.lastIndexOf('\n', end - 1);
  const sp = text.lastIndexOf(' ', end - 1);
  if (nl >= floor) end = nl + 1;
  else if (sp >= floor) end = sp + 1;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return end;
}

function block(text: string, terms: readonly string[]): HTMLElement {
  const ranges = highlightRanges(text, terms).slice(0, MAX_MARKS);
  return h('span', { class: 'text-block' }, marked(displayText(text), ranges));
}

/**
 * The text element (`testid`, holding the text as shown) and, for a long text, a line
 * under it saying how much is shown, with "Show all".
 */
export function longText(text: string, terms: readonly string[], testid: string): HTMLElement[] {
  // dir="auto": the text's own direction, isolated, so overrides in it cannot reorder the panel.
  const box = h('div', { class: 'prompt-text', dir: 'auto', 'data-testid': testid });
  const first = blockEnd(text, 0, PREVIEW_CHARS);
  box.append(block(text.slice(0, first), terms));
  if (first === text.length) return [box];
  const total = formatNumber(text.length);
  const status = h('span', { 'data-testid': `${testid}-extent` });
  const more = h(
    'button',
    { type: 'button', class: 'small', 'data-testid': `${testid}-show-all` },
    t('lightbox_show_all'),
  );
  const say = (shown: number) => {
    status.textContent =
      shown < text.length
        ? t('lightbox_showing_first', { shown: formatNumber(shown), total })
        : t('lightbox_showing_all', { total });
  };
  say(first);
  let at = first;
  const step = () => {
    // The lightbox moved on to another image or closed: stop.
    if (!box.isConnected) return;
    const end = blockEnd(text, at, CHUNK_CHARS);
    box.append(block(text.slice(at, end), terms));
    at = end;
    say(at);
    if (at < text.length) requestAnimationFrame(step);
    else more.remove();
  };
  more.addEventListener('click', () => {
    more.disabled = true;
    more.textContent = t('lightbox_showing');
    requestAnimationFrame(step);
  });
  return [box, h('p', { class: 'prompt-extent muted' }, status, ' ', more)];
}
