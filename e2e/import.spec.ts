/**
 * Import, end to end: our own archive back into a fresh profile (round trip through the
 * UI on both sides), merging with what is stored, and one test per kind of bad input, each
 * checking that the vault is exactly as before.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { BrowserContext, Page } from '@playwright/test';
import { manifestJson, toManifestEntry } from '../src/core/export-format/manifest';
import { crc32 } from '../src/core/image-bytes';
import type { ImageRecord } from '../src/core/types';
import { ZipWriter } from '../src/core/zip/writer';
import { expect, test } from './harness/fixtures';
import { launchBrowser } from './harness/launch';
import { readVault } from './harness/vault';
import { seedImages, seedSynthetic, syntheticRecord } from './support/seed';

const GALLERY = 'src/gallery/index.html';
const dir = mkdtempSync(join(tmpdir(), 'iv-import-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small real PNG, different for every `i`. */
function png(i: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(32, 0);
  ihdr.writeUInt32BE(32, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc(32 * (1 + 96));
  for (let y = 0; y < 32; y++)
    for (let x = 0; x < 96; x++) rows[y * 97 + 1 + x] = (x * 3 + y * 5 + i * 40) & 0xff;
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    sig,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Record `i` of the synthetic set, describing png(i). */
function imageRecord(i: number, over: Partial<ImageRecord> = {}): { record: ImageRecord; bytes: Buffer } {
  const bytes = png(i);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const record = syntheticRecord(i, {
    sha256,
    crc32: crc32(bytes),
    bytes: bytes.length,
    mimeType: 'image/png',
    width: 32,
    height: 32,
    ...over,
  });
  return { record, bytes };
}

interface Tweaks {
  /** Changes an image's bytes after its hash went into the manifest. */
  damage?: (i: number, bytes: Buffer) => Buffer;
  manifest?: (json: Record<string, unknown>) => void;
  extra?: Record<string, string>;
}

/** An archive in our format, built in Node with the extension's own writer and manifest code. */
async function archive(images: { record: ImageRecord; bytes: Buffer }[], t: Tweaks = {}): Promise<Buffer> {
  const parts: BlobPart[] = [];
  const zip = new ZipWriter({ write: async (p) => void parts.push(...p) });
  const entries = images.map(({ record }, i) => toManifestEntry(record, `images/${i}-${record.id}.png`));
  for (const [i, { bytes }] of images.entries()) {
    const data = t.damage ? t.damage(i, Buffer.from(bytes)) : bytes;
    await zip.add({
      name: entries[i]!.file!,
      data: new Blob([new Uint8Array(data)]),
      crc32: null,
      modified: 0,
    });
  }
  const json = JSON.parse(
    manifestJson.head(Date.now()) +
      entries.map(manifestJson.entry).join('') +
      manifestJson.tail(entries.length),
  );
  t.manifest?.(json);
  for (const [name, text] of Object.entries({ 'manifest.json': JSON.stringify(json), ...t.extra }))
    await zip.add({ name, data: new Blob([text]), crc32: null, modified: 0 });
  await zip.finish();
  return Buffer.from(await new Blob(parts).arrayBuffer());
}

function save(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Opens the import dialog from the gallery's URL action and feeds it `file`. */
async function importFile(page: Page, file: string): Promise<void> {
  await page.goto(`${page.url().replace(/\?.*$/, '')}?action=import`);
  await page.getByTestId('import-input').setInputFiles(file);
}

/** What must not change on a refused import: every record and every stored original. */
async function vaultState(ctx: BrowserContext, extensionId: string) {
  const v = await readVault(ctx, extensionId);
  return { images: v.images.sort((a, b) => a.id.localeCompare(b.id)), originals: v.sha256 };
}

test.describe('import', () => {
  test('round trip: export, import into a fresh profile, same images, prompts and favourites', async ({
    openExtensionPage,
    readVault: readA,
  }) => {
    test.setTimeout(120_000);
    const seedPage = await openExtensionPage(GALLERY);
    await expect(seedPage.locator('body[data-ready]')).toBeAttached();
    const stored = await seedSynthetic(seedPage, 15); // record 3 is a favourite
    expect(stored.some((r) => r.favorite)).toBe(true);
    const page = await openExtensionPage(`${GALLERY}?action=export-all`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-download').click(),
    ]);
    const zipPath = join(dir, 'roundtrip.zip');
    await download.saveAs(zipPath);
    const before = await readA();

    const profile = mkdtempSync(join(tmpdir(), 'iv-profile-b-'));
    const b = await launchBrowser(profile);

    try {
      const worker = b.serviceWorkers()[0] ?? (await b.waitForEvent('serviceworker'));
      const idB = new URL(worker.url()).host;
      const gallery = await b.newPage();
      await gallery.goto(`chrome-extension://${idB}/${GALLERY}`);
      await expect(gallery.locator('body[data-ready]')).toBeAttached();
      await importFile(gallery, zipPath);
      const report = gallery.getByTestId('import-report');
      await expect(report).toBeVisible({ timeout: 30_000 });
      await expect(report).toHaveAttribute('data-added', String(stored.length));
      await expect(report).toHaveAttribute('data-rejected', '0');
      const after = await readVault(b, idB);
      const pick = (r: ImageRecord) => [
        r.id,
        r.sha256,
        r.prompt,
        r.revisedPrompt,
        r.title,
        r.favorite,
        r.createdAt,
        r.conversationUrl,
      ];
      const byId = (x: ImageRecord, y: ImageRecord) => x.id.localeCompare(y.id);
      expect(after.images.sort(byId).map(pick)).toEqual(before.images.sort(byId).map(pick));
      expect(after.sha256).toEqual(before.sha256);
      expect(after.thumbs.length).toBe(stored.length);
      // The gallery shows them (it refreshes on its own after the import).
      await gallery.getByTestId('import-cancel').click();
      await expect(gallery.getByTestId('gallery-item')).toHaveCount(stored.length);
      // Importing the same archive again adds nothing.
      await importFile(gallery, zipPath);
      await expect(report).toHaveAttribute('data-skipped', String(stored.length));
      await expect(report).toHaveAttribute('data-added', '0');
    } finally {
      await b.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test('merges with what is stored: duplicates skipped, favourites kept either way', async ({
    openExtensionPage,
    readVault,
  }) => {
    const page = await openExtensionPage(GALLERY);
    await expect(page.locator('body[data-ready]')).toBeAttached();
    const [a, b, c] = [
      imageRecord(0, { favorite: 0 }),
      imageRecord(1, { favorite: 1 }),
      imageRecord(2, { favorite: 1 }),
    ];
    await seedImages(page, [a.record, b.record]);
    // The archive has a as a favourite, b as not one, and c, new. (The seeded originals are
    // other pictures than png(i): a and b are known to the vault by their ids.)
    const file = save(
      'merge.zip',
      await archive([
        { ...a, record: { ...a.record, favorite: 1 } },
        { ...b, record: { ...b.record, favorite: 0 } },
        c,
      ]),
    );
    await importFile(page, file);
    const report = page.getByTestId('import-report');
    await expect(report).toHaveAttribute('data-added', '1');
    await expect(report).toHaveAttribute('data-skipped', '2');
    const fav = Object.fromEntries((await readVault()).images.map((r) => [r.id, r.favorite]));
    expect(fav).toEqual({ [a.record.id]: 1, [b.record.id]: 1, [c.record.id]: 1 });
  });

  test('an image deleted in the gallery is not brought back by an import, and the report says why, by title', async ({
    openExtensionPage,
    readVault,
  }) => {
    const page = await openExtensionPage(GALLERY);
    await expect(page.locator('body[data-ready]')).toBeAttached();
    const [a, b] = [imageRecord(0), imageRecord(1)];
    await seedImages(page, [a.record]);
    await page.locator(`[data-testid="gallery-item"][data-image-id="${a.record.id}"] .tile-btn`).click();
    await page.getByTestId('delete-button').click();
    // Closing the undo message ends the undo window: the deletion is remembered.
    await page.getByTestId('toast').getByRole('button', { name: 'Close message' }).click();
    await expect
      .poll(() => page.evaluate(() => chrome.runtime.sendMessage({ type: 'getStatus', payload: {} })))
      .toMatchObject({ deletedRemembered: 1 });

    await importFile(page, save('deleted.zip', await archive([a, b])));
    const report = page.getByTestId('import-report');
    await expect(report).toHaveAttribute('data-added', '1');
    await expect(report).toHaveAttribute('data-skipped', '1');
    // In words, with the details collapsed; inside, the image by its title, never its file id.
    await expect(report.getByTestId('import-summary')).toHaveText(
      'Added 1 image, skipped 1 already in the vault or deleted by you, and rejected 0.',
    );
    const details = report.getByTestId('import-details');
    await expect(details).not.toHaveAttribute('open');
    await expect(details.getByTestId('import-reason')).toBeHidden();
    await details.locator('summary').click();
    const title = a.record.title || a.record.prompt;
    await expect(details.getByTestId('import-reason')).toHaveText(
      `You deleted this image earlier (1)“${title}”`,
    );
    await expect(report).not.toContainText(a.record.id);
    expect((await readVault()).images.map((r) => r.id)).toEqual([b.record.id]);
  });
});

test('reads the unzipped folder zipped again by another tool (deflate, one top folder)', async ({
  openExtensionPage,
}) => {
  const page = await openExtensionPage(GALLERY);
  await expect(page.locator('body[data-ready]')).toBeAttached();
  const ours = save('ours.zip', await archive([imageRecord(7), imageRecord(8)]));
  const rezipped = join(dir, 'rezipped.zip');
  const script = `import sys,zipfile
src=zipfile.ZipFile(sys.argv[1])
with zipfile.ZipFile(sys.argv[2],"w",zipfile.ZIP_DEFLATED) as z:
  for n in src.namelist(): z.writestr("image-vault-export/"+n, src.read(n))`;
  execFileSync('python3', ['-c', script, ours, rezipped]);
  await importFile(page, rezipped);
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-added', '2');
  await expect(page.getByTestId('gallery-item')).toHaveCount(2);
});

test.describe('import refuses bad input and changes nothing', () => {
  const cases: [string, () => Promise<Buffer>, RegExp][] = [
    [
      'not a ZIP',
      async () => Buffer.from('<html>this is a web page, not an archive</html>'),
      /not a ZIP archive/,
    ],
    [
      'a truncated ZIP',
      async () => (await archive([imageRecord(5), imageRecord(6)])).subarray(0, 900),
      /incomplete/,
    ],
    [
      'a manifest of another version',
      () =>
        archive([imageRecord(5)], {
          manifest: (m) => {
            m.version = 2;
          },
        }),
      /newer Image Vault \(format version 2\)/,
    ],
    [
      'an image whose hash does not match (the others are not imported either)',
      () =>
        archive([imageRecord(5), imageRecord(6), imageRecord(7)], {
          damage: (i, b) => (i === 1 ? flipByte(b) : b),
        }),
      /1 of 3 images failed verification/,
    ],
    [
      'a path-traversal name',
      () => archive([imageRecord(5)], { extra: { '../../evil.sh': 'rm -rf ~' } }),
      /".." path segment/,
    ],
    ['a zip bomb (absurd size)', async () => pythonBomb(), /zip bomb/],
  ];

  for (const [what, make, message] of cases) {
    test(what, async ({ openExtensionPage, context, extensionId }) => {
      const page = await openExtensionPage(GALLERY);
      await expect(page.locator('body[data-ready]')).toBeAttached();
      await seedImages(page, [imageRecord(1).record, imageRecord(2).record]);
      const before = await vaultState(context, extensionId);
      await importFile(page, save(`${what.replace(/\W+/g, '-')}.zip`, await make()));
      await expect(page.getByTestId('import-error')).toContainText(message, { timeout: 20_000 });
      await expect(page.getByTestId('import-error')).toContainText('Your vault was not changed');
      await expect(page.getByTestId('import-report')).toBeHidden();
      expect(await vaultState(context, extensionId)).toEqual(before);
    });
  }

  test('a write failing halfway is rolled back', async ({ openExtensionPage, context, extensionId }) => {
    const page = await openExtensionPage(GALLERY);
    await expect(page.locator('body[data-ready]')).toBeAttached();
    await seedImages(page, [imageRecord(1).record]);
    const before = await vaultState(context, extensionId);
    const file = save(
      'halfway.zip',
      await archive(Array.from({ length: 40 }, (_, i) => imageRecord(10 + i))),
    );
    await page.goto(`${page.url().replace(/\?.*$/, '')}?action=import`);
    // The 25th add (in the second batch of 16) fails as a full disk would.
    await page.evaluate(() => {
      const add = IDBObjectStore.prototype.add;
      let n = 0;
      IDBObjectStore.prototype.add = function (
        this: IDBObjectStore,
        ...args: Parameters<IDBObjectStore['add']>
      ) {
        if (this.name === 'images' && ++n === 25)
          throw new DOMException('The disk is full.', 'QuotaExceededError');
        return add.apply(this, args);
      };
    });
    await page.getByTestId('import-input').setInputFiles(file);
    await expect(page.getByTestId('import-error')).toContainText('the import was undone', {
      timeout: 20_000,
    });
    expect(await vaultState(context, extensionId)).toEqual(before);
  });
});

/** 200 MB of zeros deflated to ~200 KB, next to a valid manifest: Python writes it. */
function pythonBomb(): Buffer {
  const path = join(dir, 'bomb-src.zip');
  const script = `import sys,zipfile
with zipfile.ZipFile(sys.argv[1],"w",zipfile.ZIP_DEFLATED) as z:
  z.writestr("manifest.json",'{"format":"image-vault","version":1,"exportedAt":"2025-01-01T00:00:00Z","count":0,"images":[]}')
  with z.open("images/bomb.png","w") as f:
    for _ in range(200): f.write(bytes(1<<20))`;
  execFileSync('python3', ['-c', script, path]);
  return readFileSync(path);
}

/** The same length, one bit different: only the hash can tell. */
function flipByte(b: Buffer): Buffer {
  b[b.length - 20] = b[b.length - 20]! ^ 1;
  return b;
}
