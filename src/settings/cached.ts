/**
 * The settings as the background reads them on hot paths (each thumbnail, each badge update):
 * read from storage.local once, then kept until any context changes them.
 */
import { DEFAULT_SETTINGS, type Settings } from './schema';
import { getSettings, onSettingsChanged } from './store';

let current: Promise<Settings> | null = null;

// Registered when this module loads, so before any listener of its importers: they read the new value.
onSettingsChanged((s) => {
  current = Promise.resolve(s);
});

/** The current settings, cheap to call per job; the defaults (not kept) if storage cannot be read. */
export function cachedSettings(): Promise<Settings> {
  current ??= getSettings().catch((err) => {
    console.warn('[image-vault] settings unreadable, using the defaults', err);
    current = null;
    return structuredClone(DEFAULT_SETTINGS);
  });
  return current;
}
