/** What an empty grid says: how to get started, or that the filters match nothing. */
import { h } from '../ui/dom';

export function firstRunState(importBackup: (() => void) | null): HTMLElement {
  return h(
    'section',
    { class: 'empty', 'data-testid': 'empty-state', 'data-kind': 'first-run' },
    h('h2', null, 'Your vault is empty'),
    h(
      'p',
      null,
      'Image Vault saves every image you create in ChatGPT, with your prompt and the prompt ChatGPT actually used. Nothing to set up: generate an image and it appears here.',
    ),
    h(
      'ol',
      null,
      h('li', null, 'Open ChatGPT in this browser.'),
      h('li', null, 'Ask for an image, for example “a lighthouse at dusk, watercolor”.'),
      h('li', null, 'Come back here: it is already saved, ready to search by any word of either prompt.'),
    ),
    h(
      'p',
      { class: 'row' },
      h(
        'a',
        { class: 'button primary', href: 'https://chatgpt.com/', target: '_blank', rel: 'noopener' },
        'Open ChatGPT',
      ),
      importBackup ? h('button', { type: 'button', onclick: importBackup }, 'Import a backup') : null,
    ),
  );
}

export function noMatchState(clear: () => void): HTMLElement {
  return h(
    'section',
    { class: 'empty', 'data-testid': 'empty-state', 'data-kind': 'no-match' },
    h('h2', null, 'No images match'),
    h('p', null, 'Try other words, or widen the date range and filters.'),
    h('p', null, h('button', { type: 'button', onclick: clear }, 'Clear search and filters')),
  );
}
