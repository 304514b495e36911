// `npm run screenshots`: the screenshots in docs/screenshots/ (issue 13), from the built
// extension in headless Chromium. Not a test: it photographs what a user sees, so that
// people can look at every page in light and dark, at 800 and 1440 px, with an empty vault,
// 50 images and 20,000 images. Writes `<page>-<state>-<width>-<theme>.jpg` (the popup has
// its own fixed width) and prints the list.
//
//   SHOTS_OUT=dir      where to write (default docs/screenshots)
//   SHOTS_VAULTS=50    only some vaults (comma-separated: empty,50,20k)
//   SHOTS_PNG=1        PNG instead of JPEG for the pages
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runnerImport } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, process.env.SHOTS_OUT ?? 'docs/screenshots');
const VAULTS = (process.env.SHOTS_VAULTS ?? 'empty,50,20k').split(',');
const load = async (p) =>
  (await runnerImport(join(ROOT, p), { configFile: false, logLevel: 'silent' })).module;
const { launchWithDownloads } = await load('e2e/support/mirror.ts');
const seed = await load('e2e/support/seed.ts');

const WIDTHS = [
  { width: 800, height: 800 },
  { width: 1440, height: 900 },
];
const THEMES = ['light', 'dark'];
const written = [];
// Pages as JPEG: the synthetic thumbnails are noise that PNG cannot shrink (50 PNGs came to
// 19 MB). The popup (small, mostly text) stays PNG. SHOTS_PNG=1 writes PNG everywhere.
const PNG = Boolean(process.env.SHOTS_PNG);
const JPEG = PNG ? { type: 'png' } : { type: 'jpeg', quality: 85 };
const EXT = PNG ? 'png' : 'jpg';
mkdirSync(OUT, { recursive: true });

async function shot(page, name, opts = {}) {
  const path = join(OUT, `${name}.${EXT}`);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path, animations: 'disabled', ...JPEG, ...opts });
  written.push(path);
}

async function ready(page) {
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 60_000 });
  // Thumbnails are painted in the frames after "ready".
  await page.waitForTimeout(400);
}

/** A browser with the extension and `count` seeded images; returns it and the extension's base URL. */
async function vault(count) {
  const profile = mkdtempSync(join(tmpdir(), 'image-vault-shots-'));
  // A Downloads folder of its own, so the export's "Saved to" shows a real file name.
  const context = await launchWithDownloads(profile, join(profile, 'Downloads'));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const base = `chrome-extension://${new URL(worker.url()).host}/`;
  const page = await context.newPage();
  await page.goto(`${base}src/gallery/index.html`);
  await ready(page);
  if (count) {
    await seed.seedImages(page, seed.syntheticRecords(count), {
      exact: count <= 100,
      originalSize: count <= 100 ? 512 : 96,
      variants: Math.min(count, 240),
      batch: 1000,
    });
  }
  await page.close();
  return { context, base, profile };
}

async function photographPopup(context, base, state) {
  for (const theme of THEMES) {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width: 360, height: 600 });
    await page.goto(`${base}src/popup/index.html`);
    await ready(page);
    await page
      .locator('body')
      .screenshot({ path: join(OUT, `popup-${state}-${theme}.png`), animations: 'disabled' });
    written.push(join(OUT, `popup-${state}-${theme}.png`));
    await page.close();
  }
}

/** The gallery at each width and theme; `then(page)` may change the state before the photo. */
async function photographGallery(context, base, state, then) {
  for (const size of WIDTHS) {
    for (const theme of THEMES) {
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize(size);
      await page.goto(`${base}src/gallery/index.html`);
      await ready(page);
      if (then) await then(page);
      await shot(page, `gallery-${state}-${size.width}-${theme}`);
      await page.close();
    }
  }
}

/** Another extension page at each width and theme, the whole page. */
async function photographPage(context, url, name) {
  for (const size of WIDTHS) {
    for (const theme of THEMES) {
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize(size);
      await page.goto(url);
      await ready(page);
      await shot(page, `${name}-${size.width}-${theme}`, { fullPage: true });
      await page.close();
    }
  }
}

const STATES = {
  async empty({ context, base }) {
    await photographPopup(context, base, 'empty');
    await photographGallery(context, base, 'empty');
    for (const [name, path] of [
      ['welcome', 'src/welcome/index.html'],
      ['settings', 'src/settings/index.html'],
    ])
      await photographPage(context, `${base}${path}`, name);
  },
  async 50({ context, base }) {
    await photographPopup(context, base, '50');
    await photographGallery(context, base, '50');
    await photographGallery(context, base, 'selection', async (page) => {
      await page.getByTestId('select-mode').click();
      const tiles = page.getByTestId('gallery-item');
      for (const i of [0, 2, 3]) await tiles.nth(i).click();
      await page.waitForTimeout(200);
    });
    await photographGallery(context, base, 'lightbox', async (page) => {
      await page.getByTestId('gallery-item').first().click();
      await page.getByTestId('lightbox').waitFor();
      await page.waitForTimeout(800);
    });
    await photographGallery(context, base, 'import', async (page) => {
      await page.getByTestId('import-button').click();
      await page.waitForTimeout(300);
    });
    await photographGallery(context, base, 'export', async (page) => {
      await page.getByTestId('export-button').click();
      await page.getByTestId('export-saved').waitFor({ timeout: 60_000 });
      await page.waitForTimeout(300);
    });
    await photographGallery(context, base, 'filtered', async (page) => {
      const toggle = page.getByTestId('filters-toggle');
      if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
      await page.getByTestId('filter-model').selectOption('gpt-image');
      await page.getByTestId('search-input').fill('island');
      await page.waitForTimeout(500);
    });
  },
  async '20k'({ context, base }) {
    await photographPopup(context, base, '20k');
    await photographGallery(context, base, '20k');
    await photographGallery(context, base, '20k-filtered', async (page) => {
      await page.getByTestId('search-input').fill('neon alley');
      await page.waitForTimeout(1500);
    });
  },
};

for (const name of VAULTS) {
  const count = name === 'empty' ? 0 : name === '20k' ? 20_000 : Number(name);
  const t0 = Date.now();
  const v = await vault(count);
  try {
    await STATES[name](v);
  } finally {
    await v.context.close();
    rmSync(v.profile, { recursive: true, force: true });
  }
  console.log(`${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
console.log(`${written.length} screenshots in ${OUT}`);
