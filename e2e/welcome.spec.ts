/**
 * The first-run welcome tab (issue 13 §7): opened once by the install (not again when the
 * browser starts on the same profile), saying what Image Vault does, what it may do and why,
 * and that nothing leaves the browser, with the three ways on. axe: 0 violations, light and dark.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { launchBrowser } from './harness/launch';
import { WELCOME_PATH, welcomePage } from './harness/welcome';
import { Simulator } from './sim';
import { axeViolations } from './support/axe';

let profile = '';
let context: BrowserContext | null = null;

test.beforeEach(() => {
  profile = mkdtempSync(join(tmpdir(), 'image-vault-e2e-'));
});

test.afterEach(async () => {
  await context?.close();
  context = null;
  rmSync(profile, { recursive: true, force: true });
});

/** Launches on `profile`, keeping the welcome tab, with the simulator in front of chatgpt.com. */
async function launch(): Promise<BrowserContext> {
  context = await launchBrowser(profile, { keepWelcome: true });
  await new Simulator(context).install();
  return context;
}

const welcomeTabs = (ctx: BrowserContext) => ctx.pages().filter((p) => p.url().endsWith(`/${WELCOME_PATH}`));

test('the install opens the welcome tab once, and a restart does not open it again', async () => {
  const ctx = await launch();
  const welcome = await welcomePage(ctx);
  await expect(welcome.locator('body[data-ready="true"]')).toBeAttached();
  expect(welcomeTabs(ctx)).toHaveLength(1);
  await welcome.close(); // read and closed, as a user would

  await ctx.close();
  context = null;
  const again = await launch();
  // The background has started and answered a page of its own: the start is behind us.
  const [worker] = again.serviceWorkers().length
    ? again.serviceWorkers()
    : [await again.waitForEvent('serviceworker')];
  const settings = await again.newPage();
  await settings.goto(`chrome-extension://${new URL(worker!.url()).host}/src/settings/index.html`);
  await expect(settings.getByTestId('settings-capture')).toBeEnabled();
  expect(welcomeTabs(again)).toHaveLength(0);
});

test('the welcome tab says what Image Vault does, what it may do and why, and leads on', async () => {
  const ctx = await launch();
  const page: Page = await welcomePage(ctx);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(page).toHaveTitle('Welcome to Image Vault');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Image Vault');

  const does = page.getByTestId('welcome-does').getByRole('listitem');
  await expect(does).toHaveCount(3);
  await expect(does.nth(0)).toContainText('Saves your images as you generate them');
  await expect(does.nth(0)).toContainText('both prompts');
  await expect(does.nth(1)).toContainText('Fills in from your ChatGPT image library');
  await expect(does.nth(2)).toContainText('Imports ChatGPT’s data export');

  // Every permission the manifest asks for is named with its reason.
  const perms = page.getByTestId('welcome-permissions');
  for (const what of [
    'chatgpt.com',
    'files.oaiusercontent.com',
    'without a size limit',
    'downloads',
    'Alarms',
    'Context menus',
    'Scripting',
  ])
    await expect(perms.locator('dt', { hasText: what })).toHaveCount(1);
  await expect(perms.locator('dd')).toHaveCount(7);
  await expect(page.getByRole('region', { name: 'Your images stay with you' })).toContainText(
    'Nothing leaves your browser.',
  );

  await expect(page.getByRole('link', { name: 'Open ChatGPT' })).toHaveAttribute(
    'href',
    'https://chatgpt.com/',
  );
  await expect(page.getByRole('link', { name: 'Open gallery' })).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/src\/settings\/index\.html$/);
  await expect(page.getByTestId('settings-capture')).toBeVisible();
  await page.goBack();
  await page.getByRole('link', { name: 'Open gallery' }).click();
  await expect(page).toHaveURL(/\/src\/gallery\/index\.html/);
});

test('the welcome tab has no axe violations, light and dark', async () => {
  const ctx = await launch();
  const page = await welcomePage(ctx);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
});
