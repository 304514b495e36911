/** Where each browser lets the user change an extension's keyboard shortcuts. Pure. */

/** The sentence under the shortcuts list, in each browser's words. */
export function shortcutsWhere(firefox: boolean): string {
  return firefox
    ? 'To change them, open about:addons, click the gear, then “Manage Extension Shortcuts”.'
    : 'To change them, open chrome://extensions/shortcuts (copy it into the address bar).';
}
