/**
 * The keyboard shortcut sheet, opened with `?` (issue 13 §7). The list is data: a new
 * shortcut in the gallery (app.ts, grid.ts, grid-math.ts) or the lightbox (lightbox.ts)
 * gets a line here.
 */
import { t } from '../platform/i18n';
import { h } from '../ui/dom';
import { icon } from '../ui/icons';

/** Keys (each one a <kbd>: a symbol, or the message key of a key's name), and the message key of what they do. */
const GALLERY: readonly (readonly [readonly string[], string])[] = [
  [['/'], 'gallery_key_search'],
  [['←', '→', '↑', '↓'], 'gallery_key_move'],
  [['gallery_kbd_pageup', 'gallery_kbd_pagedown'], 'gallery_key_page'],
  [['gallery_kbd_home', 'gallery_kbd_end'], 'gallery_key_ends'],
  [['gallery_kbd_enter'], 'gallery_key_open'],
  [['gallery_kbd_space'], 'gallery_key_select'],
  [['gallery_kbd_shift_click'], 'gallery_key_range'],
  [['gallery_kbd_ctrl_click'], 'gallery_key_toggle'],
  [['F'], 'gallery_key_favourite'],
  [['gallery_kbd_delete'], 'gallery_key_delete_selected'],
  [['gallery_kbd_esc'], 'gallery_key_clear'],
  [['?'], 'gallery_key_help'],
];

const LIGHTBOX: readonly (readonly [readonly string[], string])[] = [
  [['←', '→'], 'gallery_key_lb_step'],
  [['F'], 'gallery_key_lb_favourite'],
  [['gallery_kbd_delete'], 'gallery_key_lb_delete'],
  [['gallery_kbd_esc'], 'gallery_key_lb_close'],
];

function table(caption: string, rows: typeof GALLERY): HTMLElement {
  return h(
    'table',
    { class: 'shortcuts' },
    h('caption', null, caption),
    h(
      'tbody',
      null,
      ...rows.map(([keys, what]) =>
        h(
          'tr',
          null,
          h(
            'th',
            { scope: 'row' },
            ...keys.flatMap((k, i) => [i ? ' ' : '', h('kbd', null, k.startsWith('gallery_') ? t(k) : k)]),
          ),
          h('td', null, t(what)),
        ),
      ),
    ),
  );
}

/** Opens the sheet (a modal dialog: Esc or its close button closes it). */
export function openShortcuts(): HTMLDialogElement {
  const dlg = h(
    'dialog',
    { class: 'panel shortcut-sheet', 'data-testid': 'shortcut-sheet', 'aria-labelledby': 'shortcuts-title' },
    h(
      'div',
      { class: 'row' },
      h('h2', { id: 'shortcuts-title' }, t('gallery_shortcuts')),
      h(
        'button',
        { type: 'button', class: 'icon', 'aria-label': t('gallery_close'), onclick: () => dlg.close() },
        icon('close'),
      ),
    ),
    table(t('gallery_shortcuts_gallery'), GALLERY),
    table(t('gallery_shortcuts_lightbox'), LIGHTBOX),
  );
  dlg.addEventListener('close', () => dlg.remove());
  document.body.append(dlg);
  dlg.showModal();
  return dlg;
}
