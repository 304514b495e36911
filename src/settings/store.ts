/**
 * Reads and writes the settings in `storage.local` (schema.ts), for every context: the
 * background (mirror, badge, sync), the settings page, the popup and the gallery.
 */
import { browser } from '../platform/browser';
import { migrateSettings, SETTINGS_KEY, type Settings, validateSettings } from './schema';

/** The current settings (defaults for anything missing or damaged). */
export async function getSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return migrateSettings(got[SETTINGS_KEY]);
}

/** Validates and stores `next`; resolves with the problems (plain words) when refused, else []. */
export async function saveSettings(next: Settings): Promise<string[]> {
  const check = validateSettings(next);
  if (!check.ok) return check.problems;
  await browser.storage.local.set({ [SETTINGS_KEY]: check.settings });
  return [];
}

/** Calls `listener` with the new settings whenever any context changes them; returns a remover. */
export function onSettingsChanged(listener: (s: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes)
      listener(migrateSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
