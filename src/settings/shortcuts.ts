/**
 * The keyboard-shortcuts section: the extension's commands and their current keys as the
 * browser reports them (the user may have changed them), and where to change them.
 */

import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import { h } from '../ui/dom';
import { shortcutsWhere } from './shortcut-words';

/** A command's name in the page's language (the page's own words; the manifest's description is localised too). */
function commandName(name: string, description: string): string {
  if (name === 'open-gallery') return t('settings_command_open_gallery');
  if (name === 'toggle-capture') return t('settings_command_toggle_capture');
  return description;
}

/** Fills `list` (a <dl>) with each command and its key, and `where` with how to change them. */
export async function showShortcuts(list: HTMLElement, where: HTMLElement): Promise<void> {
  const firefox = browser.runtime.getURL('').startsWith('moz-extension:');
  where.textContent = shortcutsWhere(firefox);
  const commands = await browser.commands.getAll().catch(() => []);
  list.replaceChildren(
    ...commands
      .filter((c) => c.name && c.description)
      .flatMap((c) => [
        h('dt', null, commandName(c.name!, c.description!)),
        h(
          'dd',
          { 'data-command': c.name },
          c.shortcut ? h('kbd', null, c.shortcut) : h('span', { class: 'hint' }, t('settings_no_key')),
        ),
      ]),
  );
}
