/**
 * What a link to an image the vault does not hold says (`#img=<id>`, issue 13 §7): a
 * notice above the grid until dismissed, instead of ignoring the link silently.
 */
import { t } from '../platform/i18n';
import { h } from '../ui/dom';

/** Shows the notice just before `before` (one at a time). */
export function unknownImage(before: Element): void {
  document.querySelector('[data-testid="unknown-image"]')?.remove();
  const el = h(
    'div',
    { class: 'notice', role: 'status', 'data-testid': 'unknown-image' },
    h('p', null, t('gallery_unknown_image')),
    h(
      'div',
      { class: 'notice-actions' },
      h('button', { type: 'button', onclick: () => el.remove() }, t('gallery_dismiss')),
    ),
  );
  before.before(el);
}
