/** The edit lineage in the lightbox: the image this one was edited from, and its edits. */
import type { ImageRecord } from '../core/types';
import { lineage, readThumbs } from '../db/gallery';
import { t, tn } from '../platform/i18n';
import { releaseBlob, showBlob } from '../ui/blob-img';
import { fill, h } from '../ui/dom';
import { imageWords } from './tile';

/** Fills `host` with clickable lineage thumbnails; returns a cleanup that revokes their URLs. */
export async function renderLineage(
  host: HTMLElement,
  rec: ImageRecord,
  open: (id: string) => void,
  stillCurrent: () => boolean,
): Promise<() => void> {
  const { parent, children } = await lineage(rec);
  if (!stillCurrent() || (!parent && !children.length)) {
    host.replaceChildren();
    return () => {};
  }
  const all = [...(parent ? [parent] : []), ...children];
  const thumbs = await readThumbs(all.map((r) => r.id));
  const imgs: HTMLImageElement[] = [];
  const item = (r: ImageRecord) => {
    const img = h('img', { alt: imageWords(r), width: 56, height: 56 });
    const thumb = thumbs.get(r.id);
    if (thumb) showBlob(img, thumb);
    imgs.push(img);
    return h(
      'li',
      null,
      h(
        'button',
        {
          type: 'button',
          class: 'lineage-item',
          'data-testid': 'lineage-item',
          'data-image-id': r.id,
          onclick: () => open(r.id),
        },
        img,
        h('span', null, imageWords(r)),
      ),
    );
  };
  if (!stillCurrent()) return () => {};
  fill(
    host,
    h('h3', null, t('lightbox_lineage')),
    parent ? h('p', { class: 'muted' }, t('lightbox_edited_from')) : null,
    parent ? h('ul', { class: 'lineage' }, item(parent)) : null,
    children.length ? h('p', { class: 'muted' }, tn('lightbox_edited_into', children.length)) : null,
    children.length ? h('ul', { class: 'lineage' }, children.map(item)) : null,
  );
  return () => imgs.forEach(releaseBlob);
}
