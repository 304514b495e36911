/** What the toolbar badge reads for each badge setting (settings.badge). Pure. */
import type { BadgeMode } from '../../settings/schema';

/** The badge's text: the session's or the vault's count, empty for none or `off`. */
export function badgeText(mode: BadgeMode, counts: { session: number; total: number }): string {
  const n = mode === 'session' ? counts.session : mode === 'total' ? counts.total : 0;
  if (n <= 0) return '';
  // The badge fits about four characters; beyond that a rounded count reads better than a cut one.
  return n < 10_000 ? String(n) : `${Math.floor(n / 1000)}k`;
}
