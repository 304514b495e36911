/**
 * What the toolbar badge shows (issue 13 §1): the count (settings.badge), or the state when
 * it needs attention — problems first, then pause — each with its own colour and symbol, so
 * it reads without colour too, and a tooltip that says why. Pure: the words come from t/tn.
 */
import { t, tn } from '../../platform/i18n';
import type { BadgeMode } from '../../settings/schema';

/** The badge's text: the session's or the vault's count, empty for none or `off`. */
export function badgeText(mode: BadgeMode, counts: { session: number; total: number }): string {
  const n = mode === 'session' ? counts.session : mode === 'total' ? counts.total : 0;
  if (n <= 0) return '';
  // The badge fits about four characters; beyond that a rounded count reads better than a cut one.
  return n < 10_000 ? String(n) : `${Math.floor(n / 1000)}k`;
}

/** Everything the badge depends on. */
export interface BadgeFacts {
  mode: BadgeMode;
  session: number;
  total: number;
  paused: boolean;
  /** Images seen while paused and not saved (yet). */
  skipped: number;
  /** Captures that gave up. */
  failed: number;
  /** ChatGPT's page no longer matches the selectors. */
  pageChanged: boolean;
  /** The database cannot be used (a full disk). */
  storageUnavailable: boolean;
}

/** The badge: its text, background colour and tooltip. */
export interface BadgeLook {
  text: string;
  color: string;
  title: string;
}

/** Colours with white text at ≥ 4.5:1 contrast, told apart by their symbol as well. */
export const BADGE_COLORS = { count: '#2f6fdd', paused: '#8a5300', problem: '#c5221f' } as const;

/** Problems win over pause, pause over the count (issue 13 §1). */
export function badgeLook(f: BadgeFacts): BadgeLook {
  const problems: string[] = [];
  if (f.storageUnavailable) problems.push(t('badge_problem_storage'));
  if (f.failed > 0) problems.push(tn('badge_problem_failed', f.failed));
  if (f.pageChanged) problems.push(t('badge_problem_page_changed'));
  if (problems.length) {
    return {
      text: '!',
      color: BADGE_COLORS.problem,
      title: t('badge_title', { state: problems.join(' · ') }),
    };
  }
  if (f.paused) {
    const state = f.skipped > 0 ? tn('badge_paused_skipped', f.skipped) : t('badge_paused');
    return { text: '❚❚', color: BADGE_COLORS.paused, title: t('badge_title', { state }) };
  }
  const state =
    f.mode === 'session'
      ? tn('badge_capturing_session', f.session)
      : f.mode === 'total'
        ? tn('badge_capturing_total', f.total)
        : t('badge_capturing');
  return { text: badgeText(f.mode, f), color: BADGE_COLORS.count, title: t('badge_title', { state }) };
}
