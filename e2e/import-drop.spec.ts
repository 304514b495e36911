/**
 * The import dialog of issue 13 §4, end to end: a file dropped on the gallery (an overlay
 * shows while it is dragged over) or on the dialog is imported; Image Vault's archive and
 * ChatGPT's own export alike; the report is a sentence with collapsed details that name
 * images by title, grouped by reason; axe finds nothing in light and dark.
 */
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { manifestJson, toManifestEntry } from '../src/core/export-format/manifest';
import { crc32 } from '../src/core/image-bytes';
import { ZipWriter } from '../src/core/zip/writer';
import { buildV2Export } from '../test/support/official-export';
import { sampleExportSpec } from '../test/support/official-export-sample';
import { expect, test } from './harness/fixtures';
import { makePng } from './sim/images';
import { axeViolations } from './support/axe';
import { syntheticRecord } from './support/seed';

const GALLERY = 'src/gallery/index.html';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** An Image Vault archive of `n` small PNGs, built with the extension's own writer. */
async function vaultArchive(n: number) {
  const images = Array.from({ length: n }, (_, i) => {
    const bytes = makePng({ width: 24, height: 24, seed: i + 1 });
    const record = syntheticRecord(i, {
      ...{ sha256: sha(bytes), crc32: crc32(bytes), bytes: bytes.length },
      ...{ mimeType: 'image/png', width: 24, height: 24 },
    });
    return { record, bytes };
  });
  const parts: BlobPart[] = [];
  const zip = new ZipWriter({ write: async (p) => void parts.push(...p) });
  const entries = images.map(({ record }, i) => toManifestEntry(record, `images/${i}.png`));
  for (const [i, { bytes }] of images.entries())
    await zip.add({
      name: `images/${i}.png`,
      data: new Blob([new Uint8Array(bytes)]),
      crc32: null,
      modified: 0,
    });
  const json =
    manifestJson.head(Date.now()) + entries.map(manifestJson.entry).join('') + manifestJson.tail(n);
  await zip.add({ name: 'manifest.json', data: new Blob([json]), crc32: null, modified: 0 });
  await zip.finish();
  return { images, zip: new Uint8Array(await new Blob(parts).arrayBuffer()) };
}

/** Drags a file over `selector` and drops it there, as the browser would (a DataTransfer with a File). */
async function dropFile(
  page: Page,
  selector: string,
  name: string,
  bytes: Uint8Array,
  check?: () => Promise<void>,
) {
  const dt = await page.evaluateHandle(
    ({ b64, name }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const t = new DataTransfer();
      t.items.add(new File([data], name, { type: 'application/zip' }));
      return t;
    },
    { b64: Buffer.from(bytes).toString('base64'), name },
  );
  await page.dispatchEvent(selector, 'dragenter', { dataTransfer: dt });
  await page.dispatchEvent(selector, 'dragover', { dataTransfer: dt });
  await check?.();
  await page.dispatchEvent(selector, 'drop', { dataTransfer: dt });
}

async function bothSchemes(page: Page, selector: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page, selector), scheme).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('an archive dropped on the gallery is imported; dropped again, the report names every image by title', async ({
  openExtensionPage,
  readVault,
}) => {
  const { images, zip } = await vaultArchive(6);
  const page = await openExtensionPage(GALLERY);
  await expect(page.locator('body[data-ready]')).toBeAttached();
  await dropFile(page, 'body', 'backup.zip', zip, async () => {
    await expect(page.getByTestId('page-drop')).toBeVisible();
  });
  await expect(page.getByTestId('page-drop')).toBeHidden();
  const dialog = page.getByTestId('import-dialog');
  const report = dialog.getByTestId('import-report');
  await expect(report).toHaveAttribute('data-added', '6', { timeout: 30_000 });
  const vault = await readVault();
  for (const { record, bytes } of images) expect(vault.sha256[record.id], record.id).toBe(sha(bytes));

  // The same file again, dropped on the dialog this time: all six are already there.
  await dropFile(page, '[data-testid="import-drop"]', 'backup.zip', zip);
  await expect(report).toHaveAttribute('data-skipped', '6', { timeout: 30_000 });
  await expect(report).toHaveAttribute('data-added', '0');
  await expect(dialog.getByTestId('import-summary')).toHaveText(
    'Added 0 images, skipped 6 already in the vault or deleted by you, and rejected 0.',
  );
  const details = report.getByTestId('import-details');
  await expect(details).not.toHaveAttribute('open');
  await expect(details.locator('summary')).toHaveText('Details (6)');
  await bothSchemes(page, '[data-testid="import-dialog"]');
  await details.locator('summary').click();
  const group = details.getByTestId('import-reason');
  await expect(group).toHaveCount(1); // six identical reasons, one group
  await expect(group.locator('p')).toHaveText('Already in the vault (6)');
  await expect(group.locator('li')).toHaveText(
    images.map(({ record }) => `“${record.title || record.prompt}”`),
  );
  for (const { record } of images) await expect(report).not.toContainText(record.id);
  await bothSchemes(page, '[data-testid="import-dialog"]');
});

test('ChatGPT’s own export dropped on the import dialog is imported, bytes and prompts', async ({
  openExtensionPage,
  readVault,
}) => {
  const sample = sampleExportSpec();
  const page = await openExtensionPage(`${GALLERY}?action=import`);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  // Empty: a visible label on the file button, the drop area, nothing for axe to flag.
  await expect(dialog.getByText('Choose a file…')).toBeVisible();
  await expect(dialog.getByLabel('Choose a file…')).toHaveAttribute('type', 'file');
  await bothSchemes(page, '[data-testid="import-dialog"]');
  await dropFile(page, '[data-testid="import-drop"]', 'chatgpt-export.zip', await buildV2Export(sample.spec));
  const report = dialog.getByTestId('import-report');
  await expect(report).toBeVisible({ timeout: 60_000 });
  expect(Number(await report.getAttribute('data-added'))).toBeGreaterThan(0);
  const vault = await readVault();
  const carried = sample.spec.assets.filter((a) => vault.sha256[a.fileId]);
  expect(carried.length).toBe(Number(await report.getAttribute('data-added')));
  for (const a of carried) expect(vault.sha256[a.fileId], a.fileId).toBe(sha(a.bytes));
  expect(vault.images.find((r) => r.id === 'file-ZnRyxInT0FWkxBz4qa3AmvXq')?.prompt).toBe(
    'a cozy reading nook in a treehouse, rainy afternoon',
  );
  await expect(dialog.getByTestId('import-summary')).toContainText(/^Added \d+ images/);
});
