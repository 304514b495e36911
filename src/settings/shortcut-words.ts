/** Where each browser lets the user change an extension's keyboard shortcuts. Pure. */
import { t } from '../platform/i18n';

/** The sentence under the shortcuts list, in each browser's words. */
export function shortcutsWhere(firefox: boolean): string {
  return t(firefox ? 'settings_keys_firefox' : 'settings_keys_chrome');
}
