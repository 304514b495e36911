/**
 * The one way tests and benchmarks start Chromium with the built extension: a persistent
 * profile (extensions load only there), headless, system Chromium (no browser download
 * here), and the flags that keep Chromium off the network.
 */
import { readdirSync } from 'node:fs';
import { type BrowserContext, chromium } from '@playwright/test';
import { findChromium } from './chromium';
import { DIST } from './paths';
import { closeWelcome } from './welcome';

/** Flags for every run: no sandbox (root in CI), no GPU, no background network traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export interface LaunchOptions {
  /** Load the extension (default true). */
  extension?: boolean;
  dist?: string;
  /** More flags, e.g. `--js-flags=--expose-gc` for a benchmark. */
  extraArgs?: string[];
  viewport?: { width: number; height: number };
  /**
   * Let a test load the extension later, through the DevTools protocol (Extensions.loadUnpacked
   * needs this flag and a browser-level session: see e2e/harness/load-later.ts).
   */
  loadLater?: boolean;
  /**
   * Keep the welcome tab the extension opens on a fresh install (issue 13 §7). By default the
   * launch waits for it and closes it, so tests see only the tabs they open.
   */
  keepWelcome?: boolean;
  /** Environment of the browser process (e.g. `LANGUAGE` for its UI language), added to the test's. */
  env?: Record<string, string>;
}

/**
 * Launches Chromium on `profileDir`, with the extension from `dist` unless `extension` is false.
 * On an empty (fresh) profile the extension is installed, which opens the welcome tab: it is
 * closed before this resolves unless `keepWelcome`.
 */
export async function launchBrowser(
  profileDir: string,
  {
    extension = true,
    dist = DIST,
    extraArgs = [],
    viewport,
    loadLater = false,
    keepWelcome = false,
    env,
  }: LaunchOptions = {},
): Promise<BrowserContext> {
  const installs = extension && !loadLater && readdirSync(profileDir).length === 0;
  const ext = extension ? [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : [];
  if (loadLater) ext.push('--enable-unsafe-extension-debugging', '--remote-debugging-port=0');
  const context = await chromium.launchPersistentContext(profileDir, {
    headless: true,
    executablePath: process.env.CHROMIUM_PATH || findChromium(),
    args: [...ext, ...CHROMIUM_ARGS, ...extraArgs],
    ...(viewport ? { viewport } : {}),
    ...(env ? { env: { ...process.env, ...env } as Record<string, string> } : {}),
    // Playwright passes --disable-extensions by default: an extension loaded later would be blocked.
    ...(loadLater ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
  });
  if (installs && !keepWelcome) await closeWelcome(context);
  return context;
}
