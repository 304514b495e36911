/**
 * A ten-line `h()` instead of a UI library: both pages are a handful of static
 * controls plus one virtualized grid that must manage its own DOM nodes anyway, so a
 * framework would add kilobytes to the popup and a diffing layer the grid would bypass.
 */

type Child = Node | string | number | null | undefined | false;
export type Props = Record<string, unknown>;

/** Creates an element: `on*` functions become listeners, `data-*`/`aria-*`/`role` attributes, the rest properties. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else if (k === 'class') el.className = String(v);
    else if (/^(data-|aria-|role$|for$|list$|form$)/.test(k) || !(k in el)) el.setAttribute(k, String(v));
    else (el as unknown as Record<string, unknown>)[k] = v;
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'number' ? String(c) : c);
  }
}

/** Replaces all children. */
export function fill(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  append(el, children);
}

/** Text with `<mark>`s over the given ranges (search highlights); never parses HTML. */
export function marked(text: string, ranges: readonly (readonly [number, number])[]): DocumentFragment {
  const f = document.createDocumentFragment();
  let at = 0;
  for (const [a, b] of ranges) {
    if (a > at) f.append(text.slice(at, a));
    f.append(h('mark', null, text.slice(a, b)));
    at = b;
  }
  if (at < text.length) f.append(text.slice(at));
  return f;
}
