/**
 * The UI's icons (issue 13 §5): small inline SVGs drawn here, in the text colour, hidden from
 * screen readers (the button's own text or `aria-label` names it). Nothing is fetched.
 * Each icon is a list of 24×24 path strings stroked with `currentColor`.
 */

const PATHS = {
  gallery: ['M4 4h7v7H4z', 'M13 4h7v7h-7z', 'M4 13h7v7H4z', 'M13 13h7v7h-7z'],
  export: ['M12 3v12', 'M7 10l5 5 5-5', 'M4 17v3h16v-3'],
  import: ['M12 15V3', 'M7 8l5-5 5 5', 'M4 17v3h16v-3'],
  settings: [
    'M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7z',
    'M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1',
  ],
  search: ['M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13z', 'M15.5 15.5L21 21'],
  filter: ['M3 5h18l-7 8v6l-4 2v-8z'],
  close: ['M6 6l12 12', 'M18 6L6 18'],
  left: ['M15 5l-7 7 7 7'],
  right: ['M9 5l7 7-7 7'],
  star: ['M12 3l2.8 5.8 6.2.9-4.5 4.4 1.1 6.2L12 17.4 6.4 20.3l1.1-6.2L3 9.7l6.2-.9z'],
  zoomIn: ['M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13z', 'M15.5 15.5L21 21', 'M10.5 7.5v6M7.5 10.5h6'],
  zoomOut: ['M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13z', 'M15.5 15.5L21 21', 'M7.5 10.5h6'],
  fit: ['M4 9V4h5', 'M20 9V4h-5', 'M4 15v5h5', 'M20 15v5h-5'],
  download: ['M12 3v12', 'M7 10l5 5 5-5', 'M5 21h14'],
  trash: ['M4 7h16', 'M9 7V4h6v3', 'M6 7l1 13h10l1-13', 'M10 11v6M14 11v6'],
  copy: ['M9 9h11v11H9z', 'M5 15H4V4h11v1'],
  external: ['M14 4h6v6', 'M20 4l-9 9', 'M18 14v6H4V6h6'],
  pause: ['M8 5v14', 'M16 5v14'],
  play: ['M7 4l13 8-13 8z'],
  check: ['M4 12.5l5 5L20 6.5'],
  alert: ['M12 3L2 20h20z', 'M12 10v4', 'M12 17v.01'],
  info: ['M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z', 'M12 11v6', 'M12 7.5v.01'],
  keyboard: ['M3 6h18v12H3z', 'M7 10h.01M11 10h.01M15 10h.01M7 14h10'],
  select: ['M4 4h16v16H4z', 'M8 12l3 3 5-6'],
  chevronDown: ['M6 9l6 6 6-6'],
  undo: ['M9 5L4 10l5 5', 'M4 10h10a6 6 0 0 1 0 12h-3'],
} as const;

export type IconName = keyof typeof PATHS;

const NS = 'http://www.w3.org/2000/svg';

/** An icon as an `<svg>` (1em square by default), `aria-hidden`, stroked in the text colour. */
export function icon(name: IconName, opts: { size?: number; filled?: boolean } = {}): SVGSVGElement {
  const svg = document.createElementNS(NS, 'svg');
  const size = opts.size ? String(opts.size) : '1em';
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', size);
  svg.setAttribute('height', size);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', `icon icon-${name}`);
  svg.setAttribute('fill', opts.filled ? 'currentColor' : 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '2');
  svg.setAttribute('stroke-linecap', 'round');
  svg.setAttribute('stroke-linejoin', 'round');
  for (const d of PATHS[name]) {
    const p = document.createElementNS(NS, 'path');
    p.setAttribute('d', d);
    svg.append(p);
  }
  return svg;
}
