/** One of the popup's latest-capture thumbnails: a button that opens it in the gallery. */
import type { ImageRecord } from '../core/types';
import { h } from '../ui/dom';

export function latestTile(rec: ImageRecord, open: () => void): HTMLElement {
  const words = (rec.title || rec.prompt || rec.revisedPrompt || 'Image saved without a prompt').slice(
    0,
    160,
  );
  return h(
    'li',
    null,
    h(
      'button',
      {
        type: 'button',
        title: words,
        'aria-label': `Open in the gallery: ${words}`,
        'data-testid': 'popup-item',
        'data-image-id': rec.id,
        onclick: open,
      },
      h('img', { alt: words, 'data-image-id': rec.id }),
    ),
  );
}
