/**
 * The conversation filter's option labels: "Title (4)", and when titles repeat (ChatGPT
 * lets many conversations share a name), "Title — 12 Oct 2026 (4)", by the date of each
 * one's newest image; the time too when that date repeats as well. Pure apart from
 * the locale's formatting, so it is unit-tested.
 */
import { formatNumber, t } from '../platform/i18n';
import { formatDate, formatDateTime } from '../ui/format';
import type { ConversationOption } from './catalog';

/**
 * One label per conversation, in the list's order. Linear: each date is formatted once and
 * the repeats are counted in maps (a vault can hold thousands of conversations that share a
 * handful of titles).
 */
export function conversationLabels(list: readonly ConversationOption[]): string[] {
  const titleOf = (c: ConversationOption) => c.title.trim() || t('gallery_conv_untitled');
  const keys = list.map((c) => titleOf(c).toLocaleLowerCase());
  const perTitle = new Map<string, number>();
  for (const k of keys) perTitle.set(k, (perTitle.get(k) ?? 0) + 1);
  const days = list.map((c, i) => ((perTitle.get(keys[i]!) ?? 0) > 1 ? formatDate(c.latest) : ''));
  const perTitleDay = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    if (!days[i]) continue;
    const k = `${keys[i]}\n${days[i]}`;
    perTitleDay.set(k, (perTitleDay.get(k) ?? 0) + 1);
  }
  return list.map((c, i) => {
    const title = titleOf(c);
    const count = formatNumber(c.count);
    const day = days[i]!;
    if (!day) return t('gallery_conv_option', { title, count });
    const sameDay = (perTitleDay.get(`${keys[i]}\n${day}`) ?? 0) > 1;
    const date = sameDay ? formatDateTime(c.latest) : day;
    return t('gallery_conv_option_dated', { title, date, count });
  });
}
