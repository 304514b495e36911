/**
 * The one wrapper around the extension API (style.md: business logic never calls
 * chrome.* directly). webextension-polyfill gives Firefox and Chrome one promise API.
 */
import browser from 'webextension-polyfill';

export type { Runtime, Tabs } from 'webextension-polyfill';
export { browser };
