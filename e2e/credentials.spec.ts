/**
 * Content Credentials and Copy image (issue 12 §2, §4), in the built extension: the
 * lightbox reads a real-shaped C2PA manifest from the stored original and names its claim
 * generator; Copy image puts a PNG on the clipboard; an export's prompt-embedded copy of a
 * C2PA image has no `caBX` chunk while the original in images/ stays byte-identical.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { caBXChunkBase64 } from '../test/support/c2pa-fixtures';
import { expect, test } from './harness/fixtures';
import { readRecords, seedImages, syntheticRecords } from './support/seed';

const GALLERY = 'src/gallery/index.html';

async function ready(page: Page): Promise<Page> {
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  return page;
}

async function openLightbox(page: Page, id: string): Promise<void> {
  await page.locator(`[data-testid="gallery-item"][data-image-id="${id}"] .tile-btn`).click();
  await expect(page.getByTestId('lightbox')).toBeVisible();
}

/** The chunk types of a PNG, walking its headers (and checking it is one). */
function pngChunkTypes(b: Buffer): string[] {
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const types: string[] = [];
  for (let at = 8; at + 12 <= b.length; at += 12 + b.readUInt32BE(at))
    types.push(b.toString('latin1', at + 4, at + 8));
  return types;
}

test('the lightbox says whether an image carries Content Credentials, and who signed them', async ({
  openExtensionPage,
}, info) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const [signed, plain] = syntheticRecords(2);
  await seedImages(page, [{ record: signed!, pngChunkAfterIhdr: caBXChunkBase64() }, plain!]);
  await openLightbox(page, signed!.id);
  const line = page.getByTestId('lightbox-credentials');
  await expect(line).toHaveText('Content Credentials: present (claim generator: ChatGPT)');
  await expect(page.getByTestId('download-original')).toHaveAttribute('href', /^blob:/);
  const shot = info.outputPath('lightbox-credentials.png');
  await page.screenshot({ path: shot, animations: 'disabled' });
  if (process.env.CREDENTIALS_SHOT) copyFileSync(shot, process.env.CREDENTIALS_SHOT);

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lightbox-prompt')).toHaveText(plain!.prompt);
  await expect(line).toHaveText('Content Credentials: none found');
});

for (const type of ['image/png', 'image/webp'] as const)
  test(`Copy image puts the original on the clipboard as a PNG (original ${type})`, async ({
    context,
    openExtensionPage,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await ready(await openExtensionPage(GALLERY));
    const [rec] = syntheticRecords(1);
    await seedImages(page, [{ record: rec!, originalType: type }]);
    expect((await readRecords(page, [rec!.id]))[0]!.mimeType).toBe(type);
    await openLightbox(page, rec!.id);
    const btn = page.getByTestId('lightbox-copy-image');
    await btn.click();
    await expect(btn).toHaveAttribute('data-state', 'copied');
    await expect(btn).toHaveText('Copied');
    const pasted = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const blob = await item!.getType('image/png');
      const bmp = await createImageBitmap(blob);
      const head = [...new Uint8Array(await blob.slice(0, 4).arrayBuffer())];
      return { types: item!.types, head, size: [bmp.width, bmp.height] };
    });
    expect(pasted.types).toContain('image/png');
    expect(pasted.head).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(pasted.size).toEqual([512, 512]);
  });

test('Copy image says in plain words why it could not copy', async ({ context, openExtensionPage }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await ready(await openExtensionPage(GALLERY));
  const [rec] = syntheticRecords(1);
  await seedImages(page, [{ record: rec!, original: 'missing' }]);
  await openLightbox(page, rec!.id);
  await expect(page.getByTestId('lightbox-credentials')).toHaveAttribute('data-state', 'error');
  const btn = page.getByTestId('lightbox-copy-image');
  await btn.click();
  await expect(btn).toHaveAttribute('data-state', 'failed');
  await expect(btn).toHaveText('Could not copy: the original file is missing');
});

test('a prompt-embedded copy of a C2PA image has no credential; the original keeps it byte for byte', async ({
  openExtensionPage,
}) => {
  const work = mkdtempSync(join(tmpdir(), 'iv-c2pa-'));
  try {
    const seedPage = await ready(await openExtensionPage(GALLERY));
    const [rec] = syntheticRecords(1);
    await seedImages(seedPage, [{ record: rec!, pngChunkAfterIhdr: caBXChunkBase64() }]);
    const [stored] = await readRecords(seedPage, [rec!.id]);
    // The export starts as its dialog opens, with the embed choice remembered from last time.
    await seedPage.evaluate(() => localStorage.setItem('image-vault:export-embed', '1'));
    const page = await openExtensionPage(`${GALLERY}?action=export-all`);
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog.getByTestId('export-embed-credentials')).toContainText(
      'the copies with prompts have them removed',
    );
    await expect(dialog.getByTestId('export-embed')).toBeChecked();
    const link = dialog.getByTestId('export-download');
    await expect(link).toBeVisible({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const zip = join(work, 'export.zip');
    await download.saveAs(zip);
    // Python's zipfile checks every CRC and extracts; Node reads the files it wrote.
    const script =
      'import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1]);bad=z.testzip();z.extractall(sys.argv[2]);print(json.dumps({"bad":bad,"m":json.loads(z.read("manifest.json"))}))';
    const out = JSON.parse(execFileSync('python3', ['-c', script, zip, work]).toString());
    expect(out.bad).toBeNull();
    const entry = out.m.images[0] as { file: string; embeddedCopy: string };
    const original = readFileSync(join(work, entry.file));
    expect(createHash('sha256').update(original).digest('hex')).toBe(stored!.sha256);
    expect(pngChunkTypes(original)).toContain('caBX');
    const copy = readFileSync(join(work, entry.embeddedCopy));
    const types = pngChunkTypes(copy);
    expect(types).not.toContain('caBX');
    expect(types).toContain('iTXt');
    const size = await page.evaluate(async (b64) => {
      const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
      return [bmp.width, bmp.height];
    }, copy.toString('base64'));
    expect(size).toEqual([512, 512]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
