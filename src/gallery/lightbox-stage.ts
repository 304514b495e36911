/**
 * The lightbox's stage: the picture, previous/next targets on its sides (48 × 96 px, shown
 * on hover and on focus, lightbox.css), and a toolbar with the zoom toggle and Close in its
 * corner, so they stay at hand at any width.
 */
import { t } from '../platform/i18n';
import { h } from '../ui/dom';
import { icon } from '../ui/icons';
import { Zoom } from './lightbox-zoom';

/** The stage's parts that the lightbox updates per image. */
export interface Stage {
  el: HTMLElement;
  figure: HTMLElement;
  zoom: Zoom;
  /** Shows or hides the previous/next targets. */
  setNeighbours(hasPrev: boolean, hasNext: boolean): void;
}

/** Builds the stage; `step` goes to the previous/next image, `close` closes. */
export function lightboxStage(step: (d: -1 | 1) => void, close: () => void): Stage {
  const figure = h('figure', { class: 'lb-figure' });
  const nav = (d: -1 | 1) =>
    h(
      'button',
      {
        type: 'button',
        class: `lb-nav ${d < 0 ? 'lb-prev' : 'lb-next'}`,
        'data-testid': d < 0 ? 'lightbox-prev' : 'lightbox-next',
        'aria-label': d < 0 ? t('lightbox_previous') : t('lightbox_next'),
        title: d < 0 ? `${t('lightbox_previous')} (←)` : `${t('lightbox_next')} (→)`,
        onclick: () => step(d),
      },
      icon(d < 0 ? 'left' : 'right', { size: 28 }),
    );
  const prev = nav(-1);
  const next = nav(1);
  const zoomButton = h('button', { type: 'button', class: 'lb-tool', 'data-testid': 'lightbox-zoom' });
  const closeButton = h(
    'button',
    {
      type: 'button',
      class: 'lb-tool',
      'data-testid': 'lightbox-close',
      'aria-label': t('lightbox_close'),
      title: `${t('lightbox_close')} (Esc)`,
      onclick: close,
    },
    icon('close', { size: 20 }),
  );
  const el = h(
    'div',
    { class: 'lb-stage' },
    figure,
    prev,
    next,
    h('div', { class: 'lb-tools' }, zoomButton, closeButton),
  );
  return {
    el,
    figure,
    zoom: new Zoom(figure, zoomButton),
    setNeighbours(hasPrev, hasNext) {
      // Hidden, not disabled: a target that does nothing should not be a Tab stop either.
      prev.hidden = !hasPrev;
      next.hidden = !hasNext;
    },
  };
}
