/**
 * The middle test layer (issue #8 point 10, as Dark Reader keeps one): the REAL tile scanner
 * (src/content/tile-scanner.ts, bundled now with vite) runs over sanitised snapshots of
 * ChatGPT turns (test/fixtures/dom/*.html) in a real Chromium page, without the extension.
 * Each snapshot's images really load at the size its JSON lists (the scanner reads
 * `complete` and `naturalWidth`), and the scan must equal the JSON's expected sightings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, expect, type Page, test } from '@playwright/test';
import { build } from 'vite';
import type { ScanResult } from '../src/content/tile-scanner';
import { findChromium } from './harness/chromium';
import { CHROMIUM_ARGS } from './harness/launch';
import { makePng } from './sim/images';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = join(ROOT, 'test/fixtures/dom');

interface Fixture {
  about: string;
  pageUrl: string;
  /** URL → [naturalWidth, naturalHeight]; `blob:` URLs are made in the page. */
  images: Record<string, [number, number]>;
  expected: Omit<ScanResult, 'sightings'> & {
    sightings: Omit<ScanResult['sightings'][number], 'pageUrl' | 'accountId'>[];
  };
}

/** tile-scanner.ts and its imports as one classic script defining `ImageVaultScanner`. */
async function bundleScanner(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      write: false,
      minify: false,
      lib: { entry: join(ROOT, 'src/content/tile-scanner.ts'), name: 'ImageVaultScanner', formats: ['iife'] },
    },
  });
  const first = (Array.isArray(out) ? out[0] : out) as { output: { type: string; code?: string }[] };
  const chunk = first.output.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error('vite produced no scanner bundle');
  return chunk.code;
}

const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length))
  .sort();

let browser: Browser;
let scanner: string;

test.beforeAll(async () => {
  [browser, scanner] = await Promise.all([
    chromium.launch({ headless: true, executablePath: findChromium(), args: CHROMIUM_ARGS }),
    bundleScanner(),
  ]);
});

test.afterAll(async () => {
  await browser?.close();
});

/** Serves the snapshot at its page URL and its images as PNGs of the listed sizes; nothing else. */
async function loadFixture(page: Page, fx: Fixture, html: string): Promise<void> {
  let seed = 1;
  const pngs = new Map<string, Buffer>();
  for (const [url, [width, height]] of Object.entries(fx.images))
    if (!url.startsWith('blob:')) pngs.set(new URL(url).href, makePng({ width, height, seed: seed++ }));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === fx.pageUrl)
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`,
      });
    const png = pngs.get(url);
    return png ? route.fulfill({ contentType: 'image/png', body: png }) : route.fulfill({ status: 404 });
  });
  await page.goto(fx.pageUrl);
  // blob: frames: the page makes a PNG of the listed size and points the img at it.
  const blobs = Object.entries(fx.images).filter(([url]) => url.startsWith('blob:'));
  await page.evaluate(async (blobs) => {
    for (const [placeholder, [w, h]] of blobs) {
      const canvas = new OffscreenCanvas(w, h);
      canvas.getContext('2d')!.fillRect(0, 0, w, h);
      const url = URL.createObjectURL(await canvas.convertToBlob({ type: 'image/png' }));
      for (const img of document.querySelectorAll<HTMLImageElement>(`img[src="${placeholder}"]`)) {
        img.dataset.fixtureBlob = placeholder; // read back below to map expected srcs
        img.src = url;
      }
    }
  }, blobs);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
}

for (const name of names) {
  test(`tile scanner over the ${name} snapshot`, async () => {
    const fx = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as Fixture;
    const html = readFileSync(join(DIR, `${name}.html`), 'utf8');
    const page = await browser.newPage();
    try {
      await loadFixture(page, fx, html);
      const sizes = await page.evaluate(() =>
        [...document.images].map((i) => `${i.naturalWidth}x${i.naturalHeight}`),
      );
      expect(
        sizes.every((s) => s !== '0x0'),
        'every fixture image loaded',
      ).toBe(true);

      await page.addScriptTag({ content: scanner });
      const result = await page.evaluate(() => {
        const api = (window as unknown as { ImageVaultScanner: typeof import('../src/content/tile-scanner') })
          .ImageVaultScanner;
        const scan = api.scanDocument(document, location.href);
        // A blob: src made here is random: report it as the fixture's placeholder name.
        const blobName = new Map(
          [...document.querySelectorAll<HTMLImageElement>('img[data-fixture-blob]')].map((i) => [
            i.src,
            i.dataset.fixtureBlob!,
          ]),
        );
        for (const s of scan.sightings) s.src = blobName.get(s.src) ?? s.src;
        return scan;
      });

      const expected: ScanResult = {
        ...fx.expected,
        sightings: fx.expected.sightings.map((s) => ({ ...s, pageUrl: fx.pageUrl, accountId: null })),
      };
      expect(result).toEqual(expected);
    } finally {
      await page.close();
    }
  });
}
