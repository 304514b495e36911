/**
 * Starts Debian's Firefox ESR (`FIREFOX_PATH` overrides /usr/bin/firefox-esr) over WebDriver
 * BiDi with the built add-on (dist-firefox) installed as a temporary add-on, a fresh profile,
 * and every request going through the loopback proxy in front of the simulator.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Simulator, SimulatorOptions } from '../../sim';
import { DIST } from '../paths';
import { type VaultSnapshot, vaultInPage, withHashes } from '../vault';
import { WELCOME_PATH } from '../welcome';
import { type Bidi, bidiOf, navigate } from './bidi';
import { firefoxPrefs } from './prefs';
import { type SimProxy, startProxy } from './proxy';
import { firefoxSimulator, login, simPage } from './sim-adapter';

export const DIST_FIREFOX = `${DIST}-firefox`;

/** The Firefox binary: `FIREFOX_PATH`, else Debian's firefox-esr. */
export function findFirefox(): string {
  const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  if (!existsSync(path))
    throw new Error(`Firefox not found at ${path}: apt-get install firefox-esr, or set FIREFOX_PATH`);
  return path;
}

export interface FirefoxOptions {
  sim?: Simulator;
  simOptions?: Partial<SimulatorOptions>;
  /** Seconds of idleness before the background page is suspended. */
  backgroundIdleS?: number;
  /** Where downloads land (the prefs make Firefox save without asking). */
  downloadDir?: string;
  /** Log in on the simulator (default true). */
  loggedIn?: boolean;
  /** Keep the welcome tab the add-on opens on install (by default it is closed at launch). */
  keepWelcome?: boolean;
}

export interface FirefoxRun {
  browser: Browser;
  bidi: Bidi;
  sim: Simulator;
  proxy: SimProxy;
  /** The first tab. */
  page: Page;
  /** `moz-extension://{uuid}` */
  origin: string;
  /** Opens an extension page (e.g. 'src/gallery/index.html') in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Loads a conversation in `page` (default the first tab) and waits for the app's `sim-ready`. */
  open(target: Parameters<Simulator['open']>[1], page?: Page): Promise<Page>;
  /** The vault's IndexedDB now, read from an extension page. */
  readVault(): Promise<VaultSnapshot>;
  close(): Promise<void>;
}

/**
 * The welcome tab the install opens. Seen here: BiDi keeps reporting the tab an extension
 * opened as about:blank (`page.url()`) while it shows the welcome page, so each tab is asked
 * for its own location until one is the welcome page.
 */
async function welcomePage(browser: Browser, timeoutMs = 15_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  const href = (p: Page) => p.evaluate(() => location.href).catch(() => p.url());
  for (;;) {
    for (const p of await browser.pages()) if ((await href(p)).endsWith(`/${WELCOME_PATH}`)) return p;
    if (Date.now() > deadline) throw new Error(`no welcome tab within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Launches Firefox with the add-on on a fresh profile. */
export async function launchFirefox(o: FirefoxOptions = {}): Promise<FirefoxRun> {
  const manifest = JSON.parse(readFileSync(join(DIST_FIREFOX, 'manifest.json'), 'utf8'));
  const addonId: string = manifest.browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const sim = o.sim ?? firefoxSimulator(o.simOptions);
  const proxy = await startProxy(sim);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: true,
      acceptInsecureCerts: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: firefoxPrefs({
        proxyPort: proxy.port,
        addonId,
        uuid,
        backgroundIdleS: o.backgroundIdleS,
        downloadDir: o.downloadDir,
      }),
      protocolTimeout: 60_000,
    });
  } catch (e) {
    await proxy.close();
    throw e;
  }
  const bidi = bidiOf(browser);
  await browser.installExtension(DIST_FIREFOX);
  // The install opens the welcome tab (issue 13 §7); closed unless kept, before `page` is chosen.
  const welcomeTab = await welcomePage(browser);
  if (!o.keepWelcome) await welcomeTab.close();
  if (o.loggedIn ?? sim.options.loggedIn) await login(sim, bidi);
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  const origin = `moz-extension://${uuid}`;
  const openExtensionPage = async (path: string) => {
    const p = await browser.newPage();
    await navigate(bidi, p, `${origin}/${path.replace(/^\//, '')}`);
    return p;
  };
  return {
    browser,
    bidi,
    sim,
    proxy,
    page,
    origin,
    openExtensionPage,
    open: async (target, p = page) => {
      await sim.open(simPage(p), target);
      return p;
    },
    readVault: async () => {
      // An image of the add-on: a page of its origin that runs none of its code.
      const p = await openExtensionPage('icons/icon-16.png');
      try {
        return withHashes(await p.evaluate(vaultInPage));
      } finally {
        await p.close();
      }
    },
    close: async () => {
      await browser.close().catch(() => {});
      await proxy.close();
    },
  };
}
