/**
 * The small adapter that lets the Chromium simulator (e2e/sim, unforked) drive Firefox:
 * its requests come through the proxy (`sim.respond`), its session cookie is set over BiDi,
 * and its page helpers (`open`, `navigate`, `generate`) get a Puppeteer page, which has the
 * same `goto` / `evaluate` / `waitForFunction` they use.
 */
import type { BrowserContext, Page as PlaywrightPage } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { SESSION_COOKIE, Simulator, type SimulatorOptions } from '../../sim';
import type { Bidi } from './bidi';

/** Stands for the Playwright context the simulator never gets here: any use is a harness bug. */
const NO_CONTEXT = new Proxy(
  {},
  {
    get: (_t, key) => {
      throw new Error(`Firefox harness: the simulator's Playwright-only \`context.${String(key)}\` was used`);
    },
  },
) as BrowserContext;

/** A simulator with no Playwright context: answer its requests through `startProxy`. */
export function firefoxSimulator(options: Partial<SimulatorOptions> = {}): Simulator {
  return new Simulator(NO_CONTEXT, options);
}

/** The Puppeteer page as the simulator's page helpers see it (they use goto, evaluate, waitForFunction). */
export function simPage(page: Page): PlaywrightPage {
  return page as unknown as PlaywrightPage;
}

/** Sets the simulator's session cookie for both hosts, as `sim.login()` does in Chromium. */
export async function login(sim: Simulator, bidi: Bidi): Promise<void> {
  const sameSite = sim.options.sessionCookieSameSite.toLowerCase();
  for (const domain of ['.chatgpt.com', '.chat.openai.com'])
    await bidi.send('storage.setCookie', {
      cookie: {
        name: SESSION_COOKIE,
        value: { type: 'string', value: sim.sessionToken },
        domain,
        path: '/',
        secure: true,
        httpOnly: true,
        sameSite,
      },
    });
}
