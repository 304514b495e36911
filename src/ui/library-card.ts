/**
 * The library card (issue 9 §3), one component for the popup and the gallery: the backlog
 * offer ("Your ChatGPT library has 1,234 images that are not in the vault" + "Save them"),
 * then the backfill's progress, pause/resume/cancel, rate-limit waits, failures, the prompts
 * line and format problems. Hooks are documented in docs/testing.md §Stable hooks.
 */
import type { LibraryJobProgress, LibraryStatus } from '../messaging/protocol';
import { t, tn } from '../platform/i18n';
import { type DeepScanAction, renderDeepScanLine } from './deep-scan-line';
import { h } from './dom';
import { formatBytes } from './format';
import {
  backlogSentence,
  errorWords,
  etaWords,
  invalidSentence,
  ofWords,
  promptsSentence,
  sizeEstimate,
  waitingSentence,
} from './library-words';

/** What the card's buttons ask of the background. */
export type LibraryAction = 'start' | 'pause' | 'resume' | 'cancel' | 'dismiss';

/** Whether the card has anything to show: a backlog, a job, a problem. */
export function libraryCardShown(s: LibraryStatus | null): boolean {
  if (!s) return false;
  const jobs = s.backfill.state !== 'idle' || s.prompts.state !== 'idle';
  // The deep scan is offered once the library is counted, and shown while it has a state.
  const deep = s.deepScan !== undefined && (s.backlog !== null || s.deepScan.state !== 'idle');
  return (s.backlog ?? 0) > 0 || jobs || s.invalidItems > 0 || s.problem !== null || deep;
}

function button(label: string, testid: string, act: () => void, kind = ''): HTMLButtonElement {
  const b = h('button', { type: 'button', class: kind, 'data-testid': testid }, label);
  b.addEventListener('click', () => {
    b.disabled = true;
    act();
  });
  return b;
}

/** The bar: `role="progressbar"` with its values, drawn as a track and a fill. */
function bar(p: LibraryJobProgress): HTMLElement {
  const pct = p.total > 0 ? Math.min(100, (p.done / p.total) * 100) : 0;
  return h(
    'div',
    {
      class: 'library-bar',
      role: 'progressbar',
      'aria-label': t('library_bar_label'),
      'aria-valuemin': 0,
      'aria-valuemax': p.total,
      'aria-valuenow': Math.min(p.done, p.total),
      'aria-valuetext': t('library_images_of', { of: ofWords(p.done, p.total) }),
    },
    h('div', { class: 'library-bar-fill', style: `width: ${pct.toFixed(1)}%` }),
  );
}

/** The first line of the progress block, by state. */
function headline(p: LibraryJobProgress, now: number): string {
  switch (p.state) {
    case 'waiting':
      return waitingSentence(p.waitingUntil, now);
    case 'paused':
      return t('library_headline_paused');
    case 'done':
      return tn('library_headline_done', p.done);
    case 'failed':
      return t('library_headline_failed', { error: errorWords(p.error) });
    default:
      return t('library_headline_running');
  }
}

function progress(p: LibraryJobProgress, act: (a: LibraryAction) => void, now: number): HTMLElement {
  const figures = [
    t('library_images_of', { of: ofWords(p.done, p.total) }),
    p.bytes > 0 ? formatBytes(p.bytes) : null,
    p.state === 'running' ? etaWords(p.etaMs) : null,
  ].filter((x): x is string => !!x);
  const active = p.state === 'running' || p.state === 'waiting';
  return h(
    'div',
    {
      class: `library-progress library-${p.state}`,
      'data-testid': 'library-progress',
      'data-done': p.done,
      'data-total': p.total,
      'data-state': p.state,
    },
    h('p', { class: 'library-headline', 'data-testid': 'library-headline' }, headline(p, now)),
    p.state === 'done' ? null : bar(p),
    h('p', { class: 'library-figures', 'data-testid': 'library-figures' }, figures.join(' · ')),
    p.state === 'done' && p.error
      ? h('p', { class: 'library-note', 'data-testid': 'library-item-error' }, p.error)
      : null,
    h(
      'p',
      { class: 'library-actions' },
      active ? button(t('library_pause'), 'library-pause', () => act('pause')) : null,
      p.state === 'paused'
        ? button(t('library_resume'), 'library-resume', () => act('resume'), 'primary')
        : null,
      p.state === 'failed'
        ? button(t('library_try_again'), 'library-retry', () => act('start'), 'primary')
        : null,
      p.state === 'done'
        ? button(t('library_dismiss'), 'library-dismiss', () => act('dismiss'), 'link')
        : null,
      active || p.state === 'paused'
        ? button(t('library_cancel'), 'library-cancel', () => act('cancel'), 'link')
        : null,
    ),
  );
}

function offer(s: LibraryStatus, act: (a: LibraryAction) => void): HTMLElement {
  const known = sizeEstimate(s.backlogBytes) !== null;
  return h(
    'div',
    { class: 'library-offer' },
    h('p', { class: 'library-headline' }, t('library_sentence', { text: backlogSentence(s.backlog ?? 0) })),
    h(
      'p',
      { class: 'library-figures' },
      known ? t('library_offer_sized', { size: formatBytes(s.backlogBytes) }) : t('library_offer'),
    ),
    h(
      'p',
      { class: 'library-actions' },
      button(t('library_save_them'), 'library-backfill-start', () => act('start'), 'primary'),
    ),
  );
}

/**
 * The card for `s`, or null when there is nothing to show (no backlog, no job, no problem).
 * `act` is called with the action of the button pressed (Cancel asks first: see mount);
 * `deepAct` with the deep scan's (its line shows only when given and `s.deepScan` is known).
 */
export function renderLibraryCard(
  s: LibraryStatus | null,
  act: (a: LibraryAction) => void,
  now = Date.now(),
  deepAct?: (a: DeepScanAction) => void,
): HTMLElement | null {
  if (!s || !libraryCardShown(s)) return null;
  const b = s.backfill;
  const problem = s.problem !== null || s.invalidItems > 0 || b.state === 'failed';
  return h(
    'section',
    {
      class: `library-card${problem ? ' library-has-problem' : ''}`,
      'data-testid': 'library-backfill',
      'data-count': s.backlog ?? undefined,
      'aria-label': t('library_card_label'),
    },
    b.state === 'idle' && (s.backlog ?? 0) > 0 ? offer(s, act) : null,
    b.state !== 'idle' ? progress(b, act, now) : null,
    s.prompts.state !== 'idle'
      ? h(
          'p',
          {
            class: 'library-prompts',
            'data-testid': 'library-prompts',
            'data-done': s.prompts.done,
            'data-total': s.prompts.total,
            'data-state': s.prompts.state,
          },
          promptsSentence(s.prompts, now),
        )
      : null,
    s.invalidItems > 0
      ? h(
          'p',
          { class: 'library-problem', 'data-testid': 'library-invalid', 'data-count': s.invalidItems },
          t('library_sentence', { text: invalidSentence(s.invalidItems) }),
        )
      : null,
    s.problem ? h('p', { class: 'library-problem', 'data-testid': 'library-problem' }, s.problem) : null,
    s.deepScan && deepAct ? renderDeepScanLine(s.deepScan, deepAct, now) : null,
  );
}
