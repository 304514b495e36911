/**
 * The disk mirror's test double of a Downloads folder (issue 12 §1). Playwright's persistent
 * context routes every download into its artifacts folder under a GUID name
 * (`Browser.setDownloadBehavior: allowAndName`), which would hide the names the extension
 * chose. So the profile gets `download.default_directory` in its Preferences before launch,
 * and the browser's own behaviour is put back (`default`) through the DevTools protocol: the
 * `downloads` API then writes `<downloads>/Image Vault/…` exactly as a user's Chrome would.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { MirrorStatus } from '../../src/messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/schema';
import { test as base } from '../harness/fixtures';
import { launchBrowser } from '../harness/launch';
import { sendFrom } from './capture';

/** Launches the profile with its Downloads folder at `downloads` (no Save dialog). */
export async function launchWithDownloads(profile: string, downloads: string): Promise<BrowserContext> {
  mkdirSync(join(profile, 'Default'), { recursive: true });
  mkdirSync(downloads, { recursive: true });
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ download: { default_directory: downloads, prompt_for_download: false } }),
  );
  const context = await launchBrowser(profile);
  const cdp = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  await cdp.detach();
  return context;
}

/**
 * The e2e `test` with a Downloads folder of its own per test (`downloads`): files the
 * extension saves land there under the names it gave them.
 */
export const testWithDownloads = base.extend<{ downloads: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures need the destructuring.
  downloads: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'image-vault-downloads-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ downloads }, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'image-vault-e2e-'));
    const context = await launchWithDownloads(profile, downloads);
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
});

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** SHA-256 (hex) of a file on disk. */
export const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Turns the mirror on with `pattern` (both sidecars), as the settings page would store it. */
export async function mirrorOn(ext: Page, pattern: string): Promise<void> {
  await ext.evaluate((settings) => chrome.storage.local.set({ settings }), mirrorSettings(pattern));
}

/** The default settings with the mirror on under `pattern` (both sidecars). */
export function mirrorSettings(pattern: string): Settings {
  return { ...DEFAULT_SETTINGS, mirror: { enabled: true, pattern, sidecars: ['xmp', 'json'] } };
}

/** "Write everything now" ('start') or its progress ('status'). */
export function mirrorAll(ext: Page, action: 'start' | 'status'): Promise<MirrorStatus> {
  return sendFrom(ext, 'mirrorAll', { action }) as Promise<MirrorStatus>;
}
