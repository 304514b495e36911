/**
 * The lightbox (issue 13 §6, §5, §8): prompts before the facts, technical metadata under a
 * collapsed Details, zoom to actual size with panning, large previous/next targets, a
 * favourite toggle that says its state, a focus trap, the image first at 800 px, and axe
 * with no violations in light and dark. LIGHTBOX_SHOTS=<dir> also saves screenshots.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ImageRecord } from '../src/core/types';
import { caBXChunkBase64 } from '../test/support/c2pa-fixtures';
import { expect, test } from './harness/fixtures';
import { axeViolations } from './support/axe';
import { readRecords, seedImages, syntheticRecords } from './support/seed';

const GALLERY = 'src/gallery/index.html';
const LB = '[data-testid="lightbox"]';
const SHOTS = process.env.LIGHTBOX_SHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

async function ready(page: Page): Promise<Page> {
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  return page;
}

const tile = (page: Page, id: string) =>
  page.locator(`[data-testid="gallery-item"][data-image-id="${id}"] .tile-btn`);

async function openLightbox(page: Page, id: string): Promise<void> {
  await tile(page, id).click();
  await expect(page.getByTestId('lightbox')).toBeVisible();
}

/** The shown original, once decoded: its natural and rendered sizes. */
async function imageSizes(page: Page) {
  const img = page.locator('.lb-figure img.lb-original');
  await expect(img).toBeVisible();
  return img.evaluate((el: HTMLImageElement) => {
    const r = el.getBoundingClientRect();
    return {
      naturalWidth: el.naturalWidth,
      naturalHeight: el.naturalHeight,
      width: r.width,
      height: r.height,
    };
  });
}

const figureScroll = (page: Page) =>
  page.locator('.lb-figure').evaluate((f) => ({ left: f.scrollLeft, top: f.scrollTop }));

test('the prompts come first; the technical metadata waits, grouped, under a closed Details', async ({
  openExtensionPage,
}) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(6);
  await seedImages(page, recs);
  // A gpt-image record with a gen id and no edit lineage.
  const rec = recs[4]!;
  await openLightbox(page, rec.id);
  const lb = page.getByTestId('lightbox');
  await expect(lb.getByTestId('lightbox-prompt')).toHaveText(rec.prompt);

  // In reading order: your prompt, the revised prompt, the facts, then Details.
  const order = await lb.evaluate((d) =>
    ['lightbox-prompt', 'lightbox-revised-prompt', 'lightbox-meta', 'lightbox-details'].map((id) => {
      const el = d.querySelector(`[data-testid="${id}"]`)!;
      return [...d.querySelectorAll('[data-testid]')].indexOf(el);
    }),
  );
  expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);

  // The facts a user cares about, in words; no identifiers among them.
  const facts = lb.getByTestId('lightbox-meta');
  await expect(facts).toContainText('Created');
  await expect(facts).toContainText('GPT-4o image');
  await expect(facts).toContainText('512 × 512 px');
  await expect(facts).toContainText(rec.conversationTitle);
  await expect(facts).not.toContainText(rec.id);
  await expect(lb.getByTestId('lightbox-credentials')).toHaveText('Content Credentials: none found');

  // Details: closed, its identifiers not shown until opened.
  const details = lb.getByTestId('lightbox-details');
  await expect(details).not.toHaveAttribute('open', '');
  await expect(details.getByText(rec.genId!)).toBeHidden();
  await details.locator('summary').click();
  await expect(details).toHaveAttribute('open', '');
  await expect(details.getByText(rec.genId!)).toBeVisible();
  await expect(details.getByText(rec.id, { exact: true })).toBeVisible();
  await expect(details.getByRole('heading', { name: 'Identifiers' })).toBeVisible();
  await expect(details).toContainText('Saved while you chatted');
  const [stored] = await readRecords(page, [rec.id]);
  await expect(details).toContainText(stored!.sha256);

  // A re-render (favourite) keeps Details as the user left it.
  await page.keyboard.press('f');
  await expect(lb.getByTestId('favorite-toggle')).toHaveAttribute('aria-pressed', String(rec.favorite === 0));
  await expect(details).toHaveAttribute('open', '');
});

test('zoom shows the stored original pixel for pixel and pans by drag and by keys', async ({
  openExtensionPage,
}) => {
  const page = await ready(await openExtensionPage(GALLERY));
  await page.setViewportSize({ width: 1440, height: 900 });
  const recs = syntheticRecords(3);
  await seedImages(page, recs, { originalSize: 2400 });
  const [stored] = await readRecords(page, [recs[1]!.id]);
  await openLightbox(page, recs[1]!.id);
  const lb = page.getByTestId('lightbox');
  const zoom = lb.getByTestId('lightbox-zoom');

  // Fit: scaled down to the stage.
  const fit = await imageSizes(page);
  expect(fit.naturalWidth).toBe(2400);
  expect(fit.width).toBeLessThan(1000);
  await expect(zoom).toHaveAttribute('aria-pressed', 'false');
  await expect(zoom).toHaveAccessibleName('Actual size (100%)');

  // The bytes on screen are the stored ones (an object URL of them, nothing re-encoded).
  const shown = await page.locator('.lb-figure img.lb-original').evaluate(async (img: HTMLImageElement) => {
    const buf = await (await fetch(img.src)).arrayBuffer();
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', buf));
    return [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
  });
  expect(shown).toBe(stored!.sha256);

  // Z: actual size, one image pixel per CSS pixel, centred.
  await page.keyboard.press('z');
  await expect(zoom).toHaveAttribute('aria-pressed', 'true');
  await expect(zoom).toHaveAccessibleName('Fit to window');
  const actual = await imageSizes(page);
  expect(actual.width).toBe(2400);
  expect(actual.height).toBe(2400);
  const centred = await figureScroll(page);
  expect(centred.left).toBeGreaterThan(0);
  expect(centred.top).toBeGreaterThan(0);

  // A drag pans (and is not a click: it stays zoomed).
  const box = (await page.locator('.lb-figure').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx - 150, cy - 100, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => figureScroll(page)).toEqual({ left: centred.left + 150, top: centred.top + 100 });
  await expect(zoom).toHaveAttribute('aria-pressed', 'true');

  // While zoomed the arrows pan and do not change the image.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => figureScroll(page)).toEqual({ left: centred.left + 230, top: centred.top + 180 });
  await expect(lb.getByTestId('lightbox-prompt')).toHaveText(recs[1]!.prompt);

  // 0: fit again; then the arrows navigate.
  await page.keyboard.press('0');
  await expect(zoom).toHaveAttribute('aria-pressed', 'false');
  expect((await imageSizes(page)).width).toBeCloseTo(fit.width, 0);
  await page.keyboard.press('ArrowRight');
  await expect(lb.getByTestId('lightbox-prompt')).toHaveText(recs[2]!.prompt);

  // A click on the picture zooms in at that point; a click while zoomed fits again.
  const img = page.locator('.lb-figure img.lb-original');
  await expect(img).toHaveCount(1);
  const r = (await img.boundingBox())!;
  await page.mouse.click(r.x + r.width * 0.25, r.y + r.height * 0.25);
  await expect(zoom).toHaveAttribute('aria-pressed', 'true');
  // The clicked point (a quarter in) stays under the pointer: scrolled to about 600 - offset.
  const at = await figureScroll(page);
  expect(Math.abs(at.left - (600 - (r.x + r.width * 0.25 - box.x)))).toBeLessThan(3);
  await page.mouse.click(r.x + r.width * 0.25, r.y + r.height * 0.25);
  await expect(zoom).toHaveAttribute('aria-pressed', 'false');
  // The button does the same.
  await zoom.click();
  await expect(zoom).toHaveAttribute('aria-pressed', 'true');
  expect((await imageSizes(page)).width).toBe(2400);
  // A new image opens fitted.
  await page.keyboard.press('0');
  await page.keyboard.press('ArrowLeft');
  await expect(lb.getByTestId('lightbox-prompt')).toHaveText(recs[1]!.prompt);
  await expect(zoom).toHaveAttribute('aria-pressed', 'false');
});

test('previous and next are large targets on the image and work by click and by keys', async ({
  openExtensionPage,
}) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(3);
  await seedImages(page, recs);
  await openLightbox(page, recs[0]!.id);
  const lb = page.getByTestId('lightbox');
  const prev = lb.getByTestId('lightbox-prev');
  const next = lb.getByTestId('lightbox-next');
  // The first image has no previous one: no target for it.
  await expect(prev).toBeHidden();
  await page.locator('.lb-figure').hover();
  await expect(next).toHaveCSS('opacity', '1');
  const nb = (await next.boundingBox())!;
  expect(nb.width).toBeGreaterThanOrEqual(44);
  expect(nb.height).toBeGreaterThanOrEqual(44);
  // On the image's right side, inside the stage.
  const stage = (await page.locator('.lb-stage').boundingBox())!;
  expect(nb.x + nb.width).toBeGreaterThan(stage.x + stage.width - 30);
  expect(nb.x + nb.width).toBeLessThanOrEqual(stage.x + stage.width);

  await next.click();
  await expect(lb.getByTestId('lightbox-prompt')).toHaveText(recs[1]!.prompt);
  await expect(prev).toBeVisible();
  const pb = (await prev.boundingBox())!;
  expect(Math.min(pb.width, pb.height)).toBeGreaterThanOrEqual(44);
  expect(pb.x).toBeLessThan(stage.x + 30);
  await prev.click();
  await expect(lb.getByTestId('lightbox-prompt')).toHaveText(recs[0]!.prompt);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(lb.getByTestId('lightbox-prompt')).toHaveText(recs[2]!.prompt);
  await expect(next).toBeHidden();
  await page.keyboard.press('ArrowLeft');
  await expect(lb.getByTestId('lightbox-prompt')).toHaveText(recs[1]!.prompt);
});

test('the favourite toggle says its state without a glyph, and the state persists', async ({
  openExtensionPage,
}) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(3).map((r) => ({ ...r, favorite: 0 as const }));
  await seedImages(page, recs);
  await openLightbox(page, recs[1]!.id);
  const fav = page.getByTestId('favorite-toggle');
  await expect(fav).toHaveAccessibleName('Favourite');
  await expect(fav).toHaveAttribute('aria-pressed', 'false');
  const look = () =>
    fav.evaluate((b) => ({
      background: getComputedStyle(b).backgroundColor,
      fill: b.querySelector('svg')!.getAttribute('fill'),
    }));
  const off = await look();
  expect(off.fill).toBe('none');
  await fav.click();
  await expect(fav).toHaveAttribute('aria-pressed', 'true');
  const on = await look();
  expect(on.fill).toBe('currentColor');
  expect(on.background).not.toBe(off.background);

  // Stored: a reload (the URL keeps the open image) shows it pressed.
  await expect.poll(() => new URL(page.url()).hash).toBe(`#img=${recs[1]!.id}`);
  await page.reload();
  await ready(page);
  await expect(page.getByTestId('lightbox')).toBeVisible();
  await expect(fav).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('f');
  await expect(fav).toHaveAttribute('aria-pressed', 'false');
});

test('Tab and Shift+Tab stay inside the lightbox; closing returns focus to the tile', async ({
  openExtensionPage,
}) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(4);
  await seedImages(page, recs);
  await tile(page, recs[1]!.id).focus();
  await page.keyboard.press('Enter');
  const lb = page.getByTestId('lightbox');
  await expect(lb.getByTestId('lightbox-prompt')).toHaveText(recs[1]!.prompt);
  await expect(lb.getByTestId('download-original')).toHaveAttribute('href', /^blob:/);
  const stops = await lb.evaluate(
    (d) =>
      [...d.querySelectorAll<HTMLElement>('a[href], button:not(:disabled), summary')].filter(
        (el) => !el.hidden && el.checkVisibility(),
      ).length,
  );
  expect(stops).toBeGreaterThan(8);
  const inside = () => lb.evaluate((d) => d.contains(document.activeElement) && document.activeElement !== d);
  const seen = new Set<string>();
  for (let i = 0; i < stops + 2; i++) {
    await page.keyboard.press('Tab');
    expect(await inside()).toBe(true);
    seen.add(await page.evaluate(() => document.activeElement!.outerHTML.slice(0, 120)));
  }
  // Every stop was visited, then it wrapped to the first.
  expect(seen.size).toBe(stops);
  for (let i = 0; i < stops + 2; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await inside()).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(lb).toBeHidden();
  await expect(tile(page, recs[1]!.id)).toBeFocused();
});

/** The lightbox's box layout: where the image's stage is, and the panel. */
const layout = (page: Page) =>
  page.evaluate(() => {
    const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().toJSON() as DOMRect;
    return { stage: box('.lb-stage'), side: box('.lb-side'), vw: innerWidth, vh: innerHeight };
  });

test('the image comes first at 800 px and the panel sits beside or below it; axe finds nothing, light and dark', async ({
  openExtensionPage,
}) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(4);
  const promptOnly: ImageRecord = {
    ...recs[3]!,
    id: 'file-PromptOnly0001Dalle3',
    sha256: '',
    crc32: 0,
    bytes: 0,
    mimeType: '',
    source: 'chatgpt-export',
    promptOnly: 1,
    linkExpiresAt: Date.UTC(2025, 2, 15, 12),
  };
  await seedImages(page, [
    recs[0]!,
    { record: recs[1]!, pngChunkAfterIhdr: caBXChunkBase64() },
    recs[2]!,
    promptOnly,
  ]);
  const lb = page.getByTestId('lightbox');

  // 800 × 800: the image on top with most of the height, the panel below.
  await page.setViewportSize({ width: 800, height: 800 });
  await openLightbox(page, recs[0]!.id);
  await imageSizes(page);
  let l = await layout(page);
  expect(l.stage.top).toBeLessThanOrEqual(1);
  expect(l.stage.height).toBeGreaterThanOrEqual(0.55 * l.vh);
  expect(l.side.top).toBeGreaterThanOrEqual(l.stage.bottom - 1);
  const img = (await page.locator('.lb-figure img.lb-original').boundingBox())!;
  expect(img.height).toBeGreaterThanOrEqual(0.55 * l.vh - 40);

  // 800 × 600 (landscape): beside, the image still the larger part.
  await page.setViewportSize({ width: 800, height: 600 });
  l = await layout(page);
  expect(l.side.left).toBeGreaterThanOrEqual(l.stage.right - 1);
  expect(l.stage.height).toBeGreaterThanOrEqual(0.9 * l.vh);
  expect(l.stage.width).toBeGreaterThan(l.side.width);

  // 1440 × 900: a side panel.
  await page.setViewportSize({ width: 1440, height: 900 });
  l = await layout(page);
  expect(l.side.left).toBeGreaterThanOrEqual(l.stage.right - 1);
  expect(l.side.width).toBeGreaterThanOrEqual(360);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [id, what] of [
      [recs[0]!.id, 'image'],
      [recs[1]!.id, 'credentials'],
      [promptOnly.id, 'prompt-only'],
    ] as const) {
      if ((await page.evaluate(() => location.hash)) !== `#img=${id}`) {
        await page.keyboard.press('Escape');
        await expect(lb).toBeHidden();
        await openLightbox(page, id);
      }
      if (what === 'prompt-only') {
        await expect(lb.getByTestId('lightbox-no-image')).toBeVisible();
        await expect(lb.getByTestId('lightbox-zoom')).toBeHidden(); // nothing to zoom
      } else await imageSizes(page);
      if (what === 'credentials')
        await expect(lb.getByTestId('lightbox-credentials')).toHaveAttribute('data-state', 'present');
      expect(await axeViolations(page, LB), `${what}, ${scheme}`).toEqual([]);
      await lb.getByTestId('lightbox-details').locator('summary').click();
      await expect(lb.getByTestId('lightbox-details')).toHaveAttribute('open', '');
      expect(await axeViolations(page, LB), `${what} with Details open, ${scheme}`).toEqual([]);
      if (SHOTS)
        for (const [w, h] of [
          [1440, 900],
          [800, 800],
          [800, 600],
        ] as const) {
          await page.setViewportSize({ width: w, height: h });
          await page.screenshot({ path: join(SHOTS, `lightbox-${what}-${w}x${h}-${scheme}.png`) });
        }
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    // Zoomed: the scroll box is a keyboard stop, still no violations.
    await page.keyboard.press('Escape');
    await openLightbox(page, recs[0]!.id);
    await imageSizes(page);
    await page.keyboard.press('z');
    await expect(lb.getByTestId('lightbox-zoom')).toHaveAttribute('aria-pressed', 'true');
    expect(await axeViolations(page, LB), `zoomed, ${scheme}`).toEqual([]);
    if (SHOTS) {
      await page.locator('.lb-figure').hover();
      await page.screenshot({ path: join(SHOTS, `lightbox-zoomed-hover-1440x900-${scheme}.png`) });
    }
    await page.keyboard.press('0');
  }
});
