/**
 * Installs (and re-installs, as an update does) the built extension into a Chromium that
 * is already running, through the DevTools protocol: `Extensions.loadUnpacked`.
 *
 * Found by experiment (Chromium 156, Playwright 1.65): the method needs the
 * `--enable-unsafe-extension-debugging` flag and a browser-level session. A page-level
 * session of the persistent context answers "Method not available", and a persistent
 * context has no `browser()` to open a browser-level session on. So the browser also gets
 * `--remote-debugging-port=0`; Chromium writes the port it chose to `DevToolsActivePort` in
 * the profile, and `chromium.connectOverCDP` opens a second connection whose
 * `newBrowserCDPSession()` can load extensions. Loading the same path again keeps the id and
 * fires `runtime.onInstalled` with reason "update" (a reload: the old content scripts detach).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type CDPSession, chromium } from '@playwright/test';
import { DIST } from './paths';

export interface LateInstaller {
  /** Loads (first time: installs; then: updates) the unpacked extension; resolves its id. */
  load(): Promise<string>;
  /** Closes the second DevTools connection (the browser keeps running). */
  close(): Promise<void>;
}

/** Connects to the browser running on `profileDir` (launched with `loadLater: true`). */
export async function lateInstaller(profileDir: string, dist = DIST): Promise<LateInstaller> {
  const port = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  if (!port) throw new Error(`no DevToolsActivePort in ${profileDir}: launch with loadLater: true`);
  const browser: Browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  return {
    async load() {
      const { id } = (await cdp.send(
        'Extensions.loadUnpacked' as never,
        { path: resolve(dist) } as never,
      )) as {
        id: string;
      };
      return id;
    },
    async close() {
      await cdp.detach().catch(() => {});
      await browser.close();
    },
  };
}
