/**
 * Export, end to end in the built extension: click through the gallery, catch the
 * download, and check the archive with tools we did not write (Python's zipfile and csv,
 * Ajv against the published JSON Schema), then browse its index.html from disk.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import Ajv from 'ajv';
import { expect, test } from './harness/fixtures';
import { vaultWith } from './support/capture';
import { seedSynthetic } from './support/seed';

const GALLERY = 'src/gallery/index.html';
const schema = JSON.parse(
  readFileSync(new URL('../docs/export-format.schema.json', import.meta.url), 'utf8'),
);

interface Inspection {
  names: string[];
  /** archive path → SHA-256 of its bytes */
  sha: Record<string, string>;
  /** first entry whose CRC fails, or null */
  bad: string | null;
  manifest: {
    count: number;
    images: { file: string; sha256: string; revisedPrompt: string; embeddedCopy?: string }[];
  };
  csvRows: string[][];
}

/** Python's zipfile extracts (checking every CRC) into `dir`; csv parses the inventory. */
function inspect(zipPath: string, dir: string): Inspection {
  const script = `import csv,hashlib,io,json,sys,zipfile
z=zipfile.ZipFile(sys.argv[1]); bad=z.testzip(); z.extractall(sys.argv[2])
sha={n:hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()}
rows=list(csv.reader(io.StringIO(z.read("inventory.csv").decode("utf-8-sig"),newline="")))
print(json.dumps({"names":z.namelist(),"sha":sha,"bad":bad,"manifest":json.loads(z.read("manifest.json")),"csvRows":rows}))`;
  return JSON.parse(execFileSync('python3', ['-c', script, zipPath, dir], { maxBuffer: 1 << 28 }).toString());
}

/** Opens the gallery with `?action=export-all`, exports, and saves the download. */
async function exportAll(page: Page, embed = false): Promise<{ path: string; name: string }> {
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  if (embed) await dialog.getByTestId('export-embed').check();
  await dialog.getByTestId('export-start').click();
  const link = dialog.getByTestId('export-download');
  await expect(link).toBeVisible({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'iv-export-')), download.suggestedFilename());
  await download.saveAs(path);
  return { path, name: download.suggestedFilename() };
}

test.describe('export', () => {
  let work: string;
  test.beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'iv-unzip-'));
  });
  test.afterEach(() => rmSync(work, { recursive: true, force: true }));

  test('"Export all" in the popup writes an archive another unzipper verifies, byte for byte', async ({
    openExtensionPage,
  }) => {
    const seedPage = await openExtensionPage(GALLERY);
    await expect(seedPage.locator('body[data-ready]')).toBeAttached();
    const stored = await seedSynthetic(seedPage, 12);
    // The popup's "Export all" opens the gallery with the export dialog.
    const popup = await openExtensionPage('src/popup/index.html');
    await expect(popup.locator('body[data-ready]')).toBeAttached();
    const [page] = await Promise.all([
      popup.context().waitForEvent('page'),
      popup.getByTestId('export-all').click(),
    ]);
    const { path, name } = await exportAll(page);
    expect(name).toMatch(/^image-vault-\d{4}-\d\d-\d\d\.zip$/);

    const z = inspect(path, work);
    expect(z.bad).toBeNull();
    const validate = new Ajv({ allErrors: true, validateFormats: false }).compile(schema);
    expect(validate(z.manifest), JSON.stringify(validate.errors)).toBe(true);
    expect(z.manifest.count).toBe(stored.length);
    for (const e of z.manifest.images) expect(z.sha[e.file], e.file).toBe(e.sha256);
    // …and the manifest's hashes are those of the bytes that were stored.
    expect(new Set(z.manifest.images.map((e) => e.sha256))).toEqual(new Set(stored.map((r) => r.sha256)));
    for (const e of z.manifest.images)
      expect(e.file).toMatch(/^images\/\d{4}-\d\d-\d\d_[a-z0-9-]+_[A-Za-z0-9]{1,8}\.png$/);
    expect(z.names).toEqual(
      expect.arrayContaining(['manifest.json', 'prompts.md', 'inventory.csv', 'index.html']),
    );
    expect(z.names.some((n) => n.startsWith('images-with-prompts/'))).toBe(false); // off by default
    expect(z.csvRows.length).toBe(1 + stored.length);
    expect(new Set(z.csvRows.slice(1).map((r) => r[4]))).toEqual(
      new Set(z.manifest.images.map((e) => e.file)),
    );
    expect(readFileSync(join(work, 'prompts.md'), 'utf8')).toContain(stored[0]!.prompt);

    // The offline gallery, from disk, with nothing but file: URLs.
    const viewer = await page.context().newPage();
    const remote: string[] = [];
    viewer.on('request', (r) => void (r.url().startsWith('file:') || remote.push(r.url())));
    await viewer.goto(pathToFileURL(join(work, 'index.html')).href);
    await expect(viewer.locator('body[data-ready]')).toBeAttached();
    const cards = viewer.locator('.card');
    await expect(cards).toHaveCount(stored.length);
    await expect(viewer.locator('#more')).toBeHidden(); // all shown: nothing more to show
    await expect
      .poll(() =>
        viewer.$$eval(
          '.card img',
          (imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length,
        ),
      )
      .toBe(stored.length);
    const target = z.manifest.images[5]!;
    await viewer.locator('#q').fill(target.revisedPrompt);
    await expect(cards).toHaveCount(1);
    await expect(cards.first()).toHaveAttribute('data-file', target.file);
    await cards.first().click();
    await expect(viewer.locator('#d-revised')).toHaveText(target.revisedPrompt);
    expect(remote).toEqual([]);
  });

  test('images captured on the simulator export as the exact bytes ChatGPT served', async ({
    page,
    sim,
    readVault,
    openExtensionPage,
  }) => {
    const conv = sim.conversation({ title: 'Brand "mockups", v2' });
    await sim.open(page, conv);
    const png = await sim.generate(page, conv, {
      prompt: 'Make a logo for a coffee shop called Vault',
      gptImage: {
        title: 'Vault coffee logo',
        revisedPrompt: 'A minimalist coffee cup inside a bank vault door',
      },
    });
    await png.done;
    const webp = await sim.generate(page, conv, {
      prompt: 'A retro travel poster of Lisbon',
      dalle: {
        revisedPrompt: 'A 1950s travel poster of Lisbon trams at sunset </script>',
        size: '1024x1024',
      },
    });
    await webp.done;
    const images = [...png.images, ...webp.images];
    await vaultWith(readVault, images.length);

    const gallery = await openExtensionPage(`${GALLERY}?action=export-all`);
    const z = inspect((await exportAll(gallery, true)).path, work);
    expect(z.bad).toBeNull();
    for (const img of images) {
      const entry = z.manifest.images.find((e) => e.sha256 === sim.served(img.fileId).sha256);
      expect(entry, `${img.fileId} is in the manifest`).toBeDefined();
      expect(z.sha[entry!.file], 'the archived file is the served bytes').toBe(sim.served(img.fileId).sha256);
      // The prompt-embedded copy (PNG iTXt, WebP XMP) still decodes to the same picture size.
      const copy = readFileSync(join(work, entry!.embeddedCopy!));
      expect(copy.includes(Buffer.from(img.revisedPrompt.replace('<', '&lt;').replace('>', '&gt;')))).toBe(
        true,
      );
      const size = await gallery.evaluate(async (b64) => {
        const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
        return [bmp.width, bmp.height];
      }, copy.toString('base64'));
      expect(size).toEqual([img.width, img.height]);
    }
    expect(z.manifest.images.map((e) => e.file).some((f) => f.endsWith('.webp'))).toBe(true);
  });

  test('optional copies carry the prompts in PNG iTXt and still decode', async ({ openExtensionPage }) => {
    const seedPage = await openExtensionPage(GALLERY);
    await expect(seedPage.locator('body[data-ready]')).toBeAttached();
    const stored = await seedSynthetic(seedPage, 3);
    const page = await openExtensionPage(`${GALLERY}?action=export-all`);
    const z = inspect((await exportAll(page, true)).path, work);
    expect(z.bad).toBeNull();
    for (const e of z.manifest.images) {
      expect(e.embeddedCopy).toMatch(/^images-with-prompts\//);
      expect(z.sha[e.file]).toBe(e.sha256); // the original is untouched
      const copy = readFileSync(join(work, e.embeddedCopy!));
      expect(copy.includes(Buffer.from(`Revised Prompt\0\0\0\0\0${e.revisedPrompt}`))).toBe(true);
      const size = await page.evaluate(async (b64) => {
        const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
        return [bmp.width, bmp.height];
      }, copy.toString('base64'));
      expect(size).toEqual([512, 512]);
    }
    expect(z.manifest.images.length).toBe(stored.length);
  });

  test('the gallery exports just the images its search shows', async ({ openExtensionPage }) => {
    const page = await openExtensionPage(GALLERY);
    await expect(page.locator('body[data-ready]')).toBeAttached();
    const stored = await seedSynthetic(page, 8);
    const word = stored[2]!.prompt.split(' ').slice(0, 3).join(' ');
    const expected = stored.filter((r) => `${r.title ?? ''} ${r.prompt} ${r.revisedPrompt}`.includes(word));
    await page.reload();
    await page.getByTestId('search-input').fill(`"${word}"`);
    await expect(page.getByTestId('gallery-item')).toHaveCount(expected.length);
    await page.getByTestId('export-button').click();
    const z = inspect((await exportAll(page)).path, work);
    expect(new Set(z.manifest.images.map((e) => e.sha256))).toEqual(new Set(expected.map((r) => r.sha256)));
  });

  /**
   * The sink, slowed or broken from the test: every OPFS write waits `delayMs`, and write
   * number `failAt` throws the browser's QuotaExceededError (a full disk). The export writes
   * its archive every 16 images and its text files at the end.
   */
  async function patchSink(page: Page, delayMs: number, failAt = 0): Promise<void> {
    await page.evaluate(
      ({ delayMs, failAt }) => {
        const proto = FileSystemWritableFileStream.prototype;
        const write = proto.write;
        let n = 0;
        proto.write = async function (this: FileSystemWritableFileStream, data: FileSystemWriteChunkType) {
          await new Promise((r) => setTimeout(r, delayMs));
          if (++n === failAt) throw new DOMException('The disk is full.', 'QuotaExceededError');
          return write.call(this, data);
        };
      },
      { delayMs, failAt },
    );
  }

  async function exportFiles(page: Page): Promise<string[]> {
    return page.evaluate(async () => {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('exports', {
        create: true,
      });
      const names: string[] = [];
      for await (const n of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(n);
      return names;
    });
  }

  test('cancel stops the export and leaves no archive behind', async ({ openExtensionPage }) => {
    const seedPage = await openExtensionPage(GALLERY);
    await expect(seedPage.locator('body[data-ready]')).toBeAttached();
    await seedSynthetic(seedPage, 40);
    const page = await openExtensionPage(`${GALLERY}?action=export-all`);
    const dialog = page.getByTestId('export-dialog');
    let downloads = 0;
    page.on('download', () => downloads++);
    await patchSink(page, 2000); // the archive is written every 16 images: a pause after 16
    await dialog.getByTestId('export-start').click();
    await expect(dialog.getByTestId('export-progress')).toContainText(/^[1-9]\d* of 40 images/);
    await dialog.getByTestId('export-cancel').click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => exportFiles(page)).toEqual([]);
    expect(downloads).toBe(0);
  });

  test('a failed export says why and leaves no archive behind', async ({ openExtensionPage }) => {
    const seedPage = await openExtensionPage(GALLERY);
    await expect(seedPage.locator('body[data-ready]')).toBeAttached();
    await seedSynthetic(seedPage, 10);
    const page = await openExtensionPage(`${GALLERY}?action=export-all`);
    const dialog = page.getByTestId('export-dialog');
    await patchSink(page, 0, 1);
    await dialog.getByTestId('export-start').click();
    await expect(dialog.getByTestId('export-error')).toContainText('not enough free disk space');
    await expect(dialog.getByTestId('export-download')).toHaveCount(0);
    await expect.poll(() => exportFiles(page)).toEqual([]);
  });
});
