/**
 * The settings page in German (issue 13 §9): Chromium started with a German UI. The messages
 * an extension gets follow the browser's UI language; Chromium on Linux takes it from the
 * process's `LANGUAGE`/`LANG`, and only when its German resources are installed (Debian:
 * `chromium-l10n`; without them it stays en-US).
 * axe: 0 violations on the settings page, light and dark (English and German).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, test as plain } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { launchBrowser } from './harness/launch';
import { Simulator } from './sim';
import { axeViolations } from './support/axe';

const SETTINGS = 'src/settings/index.html';

let profile = '';
let context: BrowserContext | null = null;

plain.afterEach(async () => {
  await context?.close();
  context = null;
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** The settings page in a Chromium whose UI language is German. */
async function germanSettings(): Promise<Page> {
  profile = mkdtempSync(join(tmpdir(), 'image-vault-e2e-'));
  // Found by trying (Debian Chromium 156, headless): `--lang=de` alone leaves it en-US on Linux;
  // LANGUAGE or LANG in the browser's environment switch it (with no LC_ALL naming a locale
  // libc lacks). Chromium needs its German resources: Debian's `chromium-l10n` package.
  // `chrome.i18n.getUILanguage()` in a page still said en-US at times while the catalog the
  // extension got was German: `@@ui_locale` (the catalog's own locale) is what is asserted.
  context = await launchBrowser(profile, { env: { LANGUAGE: 'de', LANG: 'de_DE.UTF-8' } });
  await new Simulator(context).install();
  const ours = (w: { url(): string }) => w.url().startsWith('chrome-extension://');
  const worker =
    context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours }));
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/${SETTINGS}`);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  return page;
}

// Without the fixtures: this test starts only its own (German) browser.
plain('with a German browser the settings page speaks German', async () => {
  const page = await germanSettings();
  expect(await page.evaluate(() => chrome.i18n.getMessage('@@ui_locale'))).toMatch(/^de/);
  await expect(page).toHaveTitle('Image Vault-Einstellungen');
  await expect(page.locator('html')).toHaveAttribute('lang', /^de/);
  await expect(page.getByRole('heading', { name: 'Speichern', exact: true })).toBeVisible();
  await expect(page.getByText('Die Bilder speichern, die ich in ChatGPT erzeuge')).toBeVisible();
  await expect(page.getByText('Gespeicherte Bilder in ChatGPT mit einem Haken markieren')).toBeVisible();
  await expect(page.getByTestId('settings-sync-every').locator('option[value="60"]')).toHaveText(
    'jede Stunde',
  );
  await expect(page.getByTestId('settings-shortcuts')).toContainText('Speichern pausieren oder fortsetzen');
  // A change is confirmed in German, and a refused pattern says why in German.
  await page.getByTestId('settings-saved-mark').uncheck();
  await expect(page.getByTestId('settings-status')).toHaveText('Gespeichert');
  await page.getByTestId('settings-mirror').check();
  await page.getByTestId('settings-mirror-pattern').fill('../{fileid}.{ext}');
  await expect(page.getByTestId('settings-mirror-pattern-problem')).toHaveText(
    'Das Muster darf keine Ordner „.“ oder „..“ enthalten.',
  );
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
});

test('the settings page has no axe violations in English, light and dark', async ({ openExtensionPage }) => {
  const page = await openExtensionPage(SETTINGS);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(page.getByTestId('settings-saved-mark')).toBeChecked();
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
});
