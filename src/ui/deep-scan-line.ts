/**
 * The deep scan's line on the library card (issue 9 §7): secondary to the backlog, with its
 * own buttons. Hooks (docs/testing.md §Stable hooks): `library-deepscan` (`data-done`,
 * `data-total`, `data-state`) and `library-deepscan-start`.
 */
import type { LibraryJobProgress } from '../messaging/protocol';
import { t } from '../platform/i18n';
import { deepScanSentence } from './deep-scan-words';
import { h } from './dom';

/** What the deep scan's buttons ask of the background (`libraryDeepScan`). */
export type DeepScanAction = 'start' | 'pause' | 'resume' | 'cancel';

function button(label: string, testid: string, act: () => void, kind = ''): HTMLButtonElement {
  const b = h('button', { type: 'button', class: kind, 'data-testid': testid }, label);
  b.addEventListener('click', () => {
    b.disabled = true;
    act();
  });
  return b;
}

/** The line for `p`. */
export function renderDeepScanLine(
  p: LibraryJobProgress,
  act: (a: DeepScanAction) => void,
  now = Date.now(),
): HTMLElement {
  const active = p.state === 'running' || p.state === 'waiting';
  const startLabel = t(p.state === 'idle' ? 'library_deep_start' : 'library_deep_again');
  return h(
    'div',
    {
      class: `library-deepscan library-${p.state}`,
      'data-testid': 'library-deepscan',
      'data-done': p.done,
      'data-total': p.total,
      'data-state': p.state,
      'data-found': p.found ?? 0,
    },
    h('p', { class: 'library-figures' }, deepScanSentence(p, now)),
    h(
      'p',
      { class: 'library-actions' },
      p.state === 'idle' || p.state === 'done'
        ? button(startLabel, 'library-deepscan-start', () => act('start'))
        : null,
      active ? button(t('library_pause'), 'library-deepscan-pause', () => act('pause')) : null,
      p.state === 'paused' || p.state === 'failed'
        ? button(t('library_resume'), 'library-deepscan-resume', () => act('resume'))
        : null,
      p.state !== 'idle' && p.state !== 'done'
        ? button(t('library_cancel'), 'library-deepscan-cancel', () => act('cancel'), 'link')
        : null,
    ),
  );
}
