/** What an empty grid says: how to get started, or that the filters match nothing. */
import { t } from '../platform/i18n';
import { h } from '../ui/dom';

export function firstRunState(importBackup: (() => void) | null): HTMLElement {
  return h(
    'section',
    { class: 'empty', 'data-testid': 'empty-state', 'data-kind': 'first-run' },
    h('h2', null, t('gallery_empty_title')),
    h('p', null, t('gallery_empty_body')),
    h(
      'ol',
      null,
      h('li', null, t('gallery_empty_step1')),
      h('li', null, t('gallery_empty_step2')),
      h('li', null, t('gallery_empty_step3')),
    ),
    h(
      'p',
      { class: 'row' },
      h(
        'a',
        { class: 'button primary', href: 'https://chatgpt.com/', target: '_blank', rel: 'noopener' },
        t('gallery_open_chatgpt'),
      ),
      importBackup
        ? h('button', { type: 'button', onclick: importBackup }, t('gallery_import_backup'))
        : null,
    ),
  );
}

export function noMatchState(clear: () => void): HTMLElement {
  return h(
    'section',
    { class: 'empty', 'data-testid': 'empty-state', 'data-kind': 'no-match' },
    h('h2', null, t('gallery_nomatch_title')),
    h('p', null, t('gallery_nomatch_body')),
    h('p', null, h('button', { type: 'button', onclick: clear }, t('gallery_clear_all'))),
  );
}
