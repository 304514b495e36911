/** "20,000 images": how many images are shown, of how many, in the filter bar. */
import { formatNumber, t, tn } from '../platform/i18n';
import { h } from '../ui/dom';

export interface Summary {
  el: HTMLElement;
  /** `promptOnly`: how many of `total` are prompts without images. */
  setCount(shown: number, total: number, promptOnly?: number): void;
}

export function createSummary(): Summary {
  const count = h('span', { 'data-testid': 'gallery-count' }, '0');
  const ofTotal = h('span', null);
  const el = h(
    'p',
    { class: 'count', 'aria-live': 'polite', 'data-testid': 'gallery-summary' },
    count,
    ofTotal,
  );
  return {
    el,
    setCount(shown, total, promptOnly = 0) {
      count.textContent = formatNumber(shown);
      ofTotal.textContent = countSuffix(shown, total, promptOnly);
      el.dataset.promptOnly = String(promptOnly);
    },
  };
}

/**
 * The words after the shown count: " images", " of 40 images", or, when some records are
 * prompts without images, " records: 1,234 images · 56 prompts without images".
 */
export function countSuffix(shown: number, total: number, promptOnly: number): string {
  if (!promptOnly)
    return ` ${shown === total ? tn('gallery_suffix_images', total) : t('gallery_suffix_of', { total: formatNumber(total) })}`;
  const parts = `${tn('gallery_images', total - promptOnly)} · ${tn('gallery_prompts_without', promptOnly)}`;
  return shown === total
    ? ` ${tn('gallery_suffix_records', total, { parts })}`
    : ` ${t('gallery_suffix_of_records', { total: formatNumber(total), parts })}`;
}
