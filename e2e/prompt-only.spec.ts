/**
 * Prompt-only records (issue 10 §5), end to end in the built extension: a record whose
 * bytes the vault does not hold is a gallery card with its prompt and why there is no
 * image, search and the filter find it, Fetch shows what the background answers, the
 * lightbox shows its prompts; the archive export lists it as "no image" and importing that
 * archive into a fresh profile brings it back prompt-only; once its bytes arrive, the card
 * turns into the image.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import Ajv from 'ajv';
import type { ImageRecord } from '../src/core/types';
import { expect, test } from './harness/fixtures';
import { launchBrowser } from './harness/launch';
import { readVault } from './harness/vault';
import { seedImages, syntheticRecords } from './support/seed';

const GALLERY = 'src/gallery/index.html';
const SHOTS = new URL('../screenshots/', import.meta.url).pathname;
const schema = JSON.parse(
  readFileSync(new URL('../docs/export-format.schema.json', import.meta.url), 'utf8'),
);
const dir = mkdtempSync(join(tmpdir(), 'iv-prompt-only-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXPIRED = Date.UTC(2025, 2, 15, 12);
/** The record ChatGPT's export knew but whose bytes it lacked (contract: no bytes, sha256 ''). */
const promptOnly: ImageRecord = {
  ...syntheticRecords(5)[4]!,
  id: 'file-PromptOnly0001Dalle3',
  sha256: '',
  crc32: 0,
  bytes: 0,
  mimeType: '',
  width: 1024,
  height: 1024,
  prompt: 'a copper lighthouse keeper reading by lamplight',
  revisedPrompt:
    'A weathered copper automaton lighthouse keeper reads a leather-bound logbook by the glow of a brass lamp, zanzibar charts pinned to the wall.',
  title: null,
  model: 'dalle3',
  source: 'chatgpt-export',
  favorite: 0,
  promptOnly: 1,
  linkExpiresAt: EXPIRED,
};

/** Tells open gallery pages that these records changed (as the background does). */
async function announce(page: Page, ids: string[]): Promise<void> {
  await page.evaluate((ids) => {
    new BroadcastChannel('image-vault').postMessage({ type: 'images-changed', ids });
  }, ids);
}

/** Python's zipfile and csv read the archive: manifest, prompts.md, inventory rows. */
function inspect(zipPath: string) {
  const script = `import csv,io,json,sys,zipfile
z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None
rows=list(csv.reader(io.StringIO(z.read("inventory.csv").decode("utf-8-sig"),newline="")))
print(json.dumps({"names":z.namelist(),"manifest":json.loads(z.read("manifest.json")),"md":z.read("prompts.md").decode(),"rows":rows}))`;
  return JSON.parse(execFileSync('python3', ['-c', script, zipPath], { maxBuffer: 1 << 26 }).toString()) as {
    names: string[];
    manifest: { count: number; images: Record<string, unknown>[] };
    md: string;
    rows: string[][];
  };
}

test('a prompt-only record: card, search, filter, Fetch, lightbox, export, import, and its bytes arriving', async ({
  openExtensionPage,
}) => {
  test.setTimeout(120_000);
  const page = await openExtensionPage(GALLERY);
  await page.setViewportSize({ width: 1200, height: 800 });
  await expect(page.locator('body[data-ready]')).toBeAttached();
  const images = syntheticRecords(4);
  await seedImages(page, [...images, promptOnly]);
  const items = page.getByTestId('gallery-item');
  await expect(items).toHaveCount(5);

  // The card: the prompt, why there is no image (the day the link died), and no image asked for.
  const card = page.locator(`[data-testid="gallery-item"][data-image-id="${promptOnly.id}"]`);
  await expect(card).toHaveAttribute('data-has-image', 'false');
  await expect(page.locator('[data-testid="gallery-item"][data-has-image="true"]')).toHaveCount(4);
  await expect(card.locator('.tile-noimg-prompt')).toHaveText(promptOnly.prompt);
  const message = card.getByTestId('missing-message');
  await expect(message).toHaveText('Image not saved: the link expired on Mar 15, 2025');
  await expect(card.getByTestId('fetch-missing')).toHaveText('Try anyway');
  await expect(card.locator('img')).toHaveCount(0);
  await expect(card).not.toHaveClass(/no-original|is-missing/);
  // The other cards show their thumbnails.
  for (const rec of images)
    await expect(page.locator(`[data-image-id="${rec.id}"] img`)).toHaveJSProperty('complete', true);
  await expect(page.getByTestId('gallery-summary')).toContainText('4 images · 1 prompt without an image');
  await page.screenshot({ path: join(SHOTS, 'gallery-1200-expired.png') });

  // Search finds it by a word only its revised prompt has.
  await page.getByTestId('search-input').fill('zanzibar');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAttribute('data-image-id', promptOnly.id);
  await page.getByTestId('search-input').fill('');
  await expect(items).toHaveCount(5);

  // The filter, with the count in its label.
  const filter = page.getByTestId('filter-prompt-only');
  await expect(page.locator('label[for="f-noimg"]')).toHaveText('Without image (1)');
  await filter.selectOption('only');
  await expect(items).toHaveCount(1);
  await expect(page.getByTestId('gallery-count')).toHaveText('1');
  await filter.selectOption('hide');
  await expect(items).toHaveCount(4);
  await expect(page.locator('[data-has-image="false"]')).toHaveCount(0);
  await filter.selectOption('all');
  await expect(items).toHaveCount(5);

  // A link not known to be dead: "not saved yet" and Fetch. The change channel re-renders the card.
  const live = { ...promptOnly, linkExpiresAt: Date.now() + 10 * 86_400_000 };
  await seedImages(page, [live], { announce: false });
  await announce(page, [live.id]);
  await expect(message).toHaveText('Image not saved yet');
  const fetch = card.getByTestId('fetch-missing');
  await expect(fetch).toHaveText('Fetch');
  // Fetch: whatever the background answers when it fails is shown on the card.
  await fetch.click();
  await expect(message).toHaveText(/^Image not saved: \S.+/);
  await expect(message).not.toHaveText('Image not saved yet');
  await expect(fetch).toHaveText('Try again');
  await expect(fetch).toBeEnabled();
  await page.setViewportSize({ width: 800, height: 800 });
  await expect(card).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'gallery-800-fetch-error.png') });
  await page.setViewportSize({ width: 1200, height: 800 });

  // The lightbox: the placeholder and both prompts, no download.
  await card.locator('.tile-btn').click();
  const lightbox = page.getByTestId('lightbox');
  await expect(lightbox).toBeVisible();
  await expect(lightbox.getByTestId('lightbox-no-image')).toContainText(promptOnly.revisedPrompt);
  await expect(lightbox.getByTestId('lightbox-prompt')).toContainText(promptOnly.prompt);
  await expect(lightbox.getByTestId('download-original')).toHaveCount(0);
  await expect(lightbox.getByTestId('fetch-missing')).toBeVisible();
  await expect(lightbox.getByTestId('lightbox-meta')).toContainText('not saved');
  await page.screenshot({ path: join(SHOTS, 'lightbox-1200.png') });
  await lightbox.getByTestId('lightbox-close').click();
  await expect(lightbox).toBeHidden();

  // Export: the archive lists it without a file, marked "no image" everywhere.
  const exporter = await openExtensionPage(`${GALLERY}?action=export-all`);
  const [download] = await Promise.all([
    exporter.waitForEvent('download'),
    exporter.getByTestId('export-download').click(),
  ]);
  const zipPath = join(dir, 'with-prompt-only.zip');
  await download.saveAs(zipPath);
  await exporter.close();
  const zip = inspect(zipPath);
  const validate = new Ajv({ allErrors: true, validateFormats: false }).compile(schema);
  expect(validate(zip.manifest), JSON.stringify(validate.errors)).toBe(true);
  expect(zip.manifest.count).toBe(5);
  const entry = zip.manifest.images.find((e) => e.id === promptOnly.id);
  expect(entry).toMatchObject({ noImage: true, file: null, sha256: '', bytes: 0, prompt: promptOnly.prompt });
  expect(entry?.linkExpiresAt).toBe(new Date(live.linkExpiresAt).toISOString());
  expect(zip.names.filter((n) => n.startsWith('images/'))).toHaveLength(4);
  expect(zip.md).toContain('**no image**');
  const [head, ...rows] = zip.rows;
  const row = rows.find((r) => r[head!.indexOf('Prompt')] === promptOnly.prompt)!;
  expect(row[head!.indexOf('Image')]).toBe('no image');
  expect(rows.filter((r) => r[head!.indexOf('Image')] === 'saved')).toHaveLength(4);

  // Import into a fresh profile: it comes back prompt-only, next to the four images.
  const profile = mkdtempSync(join(tmpdir(), 'iv-profile-po-'));
  const b = await launchBrowser(profile);
  try {
    const worker = b.serviceWorkers()[0] ?? (await b.waitForEvent('serviceworker'));
    const idB = new URL(worker.url()).host;
    const gallery = await b.newPage();
    await gallery.goto(`chrome-extension://${idB}/${GALLERY}?action=import`);
    await gallery.getByTestId('import-input').setInputFiles(zipPath);
    const report = gallery.getByTestId('import-report');
    await expect(report).toBeVisible({ timeout: 30_000 });
    await expect(report).toHaveAttribute('data-added', '4');
    await expect(report).toHaveAttribute('data-rejected', '0');
    await gallery.getByTestId('import-cancel').click();
    await expect(gallery.getByTestId('gallery-item')).toHaveCount(5);
    const back = gallery.locator(`[data-testid="gallery-item"][data-image-id="${promptOnly.id}"]`);
    await expect(back).toHaveAttribute('data-has-image', 'false');
    await expect(back.getByTestId('missing-message')).toHaveText('Image not saved yet');
    const vault = await readVault(b, idB);
    const rec = vault.images.find((r) => r.id === promptOnly.id);
    expect(rec).toMatchObject({
      promptOnly: 1,
      sha256: '',
      bytes: 0,
      prompt: promptOnly.prompt,
      revisedPrompt: promptOnly.revisedPrompt,
      linkExpiresAt: live.linkExpiresAt,
    });
    expect(vault.originals.map((o) => o.id)).not.toContain(promptOnly.id);
    expect(vault.originals).toHaveLength(4);
  } finally {
    await b.close();
    rmSync(profile, { recursive: true, force: true });
  }

  // Its bytes arrive (as Fetch or capture would store them): the card becomes the image.
  const { promptOnly: _p, linkExpiresAt: _l, ...withBytes } = live;
  await seedImages(page, [{ ...withBytes, source: 'capture' }], { announce: false });
  await announce(page, [live.id]);
  await expect(card).toHaveAttribute('data-has-image', 'true');
  await expect(card.locator('img')).toHaveJSProperty('complete', true);
  await expect(card.getByTestId('missing-message')).toHaveCount(0);
  await expect(card.getByTestId('fetch-missing')).toBeHidden();
  await expect(page.getByTestId('gallery-summary')).not.toContainText('without');
});
