/**
 * Keeps Tab and Shift+Tab inside the lightbox (issue 13 §6). A modal `<dialog>` makes the
 * page behind it inert, but Chromium still lets Tab leave the last control for the browser's
 * own UI (or `<body>`), from where the next key lands nowhere useful; here the last control
 * wraps to the first and back.
 */

const FOCUSABLE =
  'a[href], button:not(:disabled), summary, input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/** The controls Tab visits in `root`, in order: focusable, not disabled, rendered. */
export function tabStops(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.hidden && el.checkVisibility() && !el.closest('[inert]'),
  );
}

/** Handles a Tab keydown inside `root`: wraps at either end, pulls stray focus back in. */
export function trapTab(root: HTMLElement, e: KeyboardEvent): void {
  if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
  const stops = tabStops(root);
  const first = stops[0];
  const last = stops.at(-1);
  if (!first || !last) {
    e.preventDefault();
    return;
  }
  const at = document.activeElement;
  const inside = at instanceof HTMLElement && root.contains(at) && at !== root;
  // Also past either end: a scroll box the browser makes focusable is not in `stops`.
  const before = inside && !!(first.compareDocumentPosition(at) & Node.DOCUMENT_POSITION_PRECEDING);
  const after = inside && !!(last.compareDocumentPosition(at) & Node.DOCUMENT_POSITION_FOLLOWING);
  if (e.shiftKey && (!inside || at === first || before)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (!inside || at === last || after)) {
    e.preventDefault();
    first.focus();
  }
}
