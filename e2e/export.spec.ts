/**
 * Export, end to end in the built extension: one click on Export all, the archive saved to
 * the Downloads folder without a second click (issue 13 §3), checked with tools we did not
 * write (Python's zipfile and csv, Ajv against the published JSON Schema), then its
 * index.html browsed from disk.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import Ajv from 'ajv';
import { expect } from './harness/fixtures';
import { axeViolations } from './support/axe';
import { vaultWith } from './support/capture';
import { filesUnder, sha256Of, testWithDownloads } from './support/mirror';
import { seedSynthetic } from './support/seed';

const test = testWithDownloads;

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

/**
 * Waits for the export the dialog started by itself (no Export button, no Download click)
 * to be saved, and returns the file it wrote to Downloads. At Done the bar is full and the
 * dialog names that file's path.
 */
async function savedExport(page: Page, downloads: string): Promise<{ path: string; name: string }> {
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('export-start')).toHaveCount(0);
  await expect(dialog).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const bar = dialog.getByTestId('export-progress').locator('progress');
  expect(await bar.evaluate((b: HTMLProgressElement) => [b.value, b.max])).toEqual([1, 1]);
  const zips = filesUnder(downloads).filter((n) => n.endsWith('.zip'));
  expect(zips).toHaveLength(1);
  const path = join(downloads, zips[0]!);
  await expect(dialog.getByTestId('export-saved')).toHaveText(`Saved to ${path}`);
  return { path, name: zips[0]! };
}

/**
 * Opens `url` with the export's disk writes slowed or broken, from before the page's first
 * script (the export starts as the dialog opens): every OPFS write waits `delayMs`, and
 * write number `failAt` throws the browser's QuotaExceededError (a full disk). The export
 * writes its archive every 16 images and its text files at the end.
 */
async function openWithSink(
  context: BrowserContext,
  url: string,
  delayMs: number,
  failAt = 0,
): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(
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
  await page.goto(url);
  return page;
}

/** axe on the export dialog, in light and in dark: nothing to flag. */
async function axeBoth(page: Page): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page, '[data-testid="export-dialog"]'), scheme).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
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

/** The embed-prompts choice as a previous export left it (the dialog remembers it). */
async function rememberEmbed(page: Page, on: boolean): Promise<void> {
  await page.evaluate((v) => localStorage.setItem('image-vault:export-embed', v ? '1' : '0'), on);
}

test.describe('export', () => {
  let work: string;
  test.beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'iv-unzip-'));
  });
  test.afterEach(() => rmSync(work, { recursive: true, force: true }));

  test('one click on the popup\'s "Export all" saves an archive another unzipper verifies, byte for byte', async ({
    openExtensionPage,
    downloads,
  }) => {
    const seedPage = await openExtensionPage(GALLERY);
    await expect(seedPage.locator('body[data-ready]')).toBeAttached();
    const stored = await seedSynthetic(seedPage, 12);
    // The popup's "Export all" brings the open gallery tab forward with the export dialog
    // (one gallery tab: issue 13 §7), rather than opening a second one.
    const popup = await openExtensionPage('src/popup/index.html');
    await expect(popup.locator('body[data-ready]')).toBeAttached();
    await popup.getByTestId('export-all').click();
    const page = seedPage;
    const galleries = () =>
      page
        .context()
        .pages()
        .filter((p) => p.url().includes(GALLERY)).length;
    const { path, name } = await savedExport(page, downloads);
    expect(galleries()).toBe(1);
    await axeBoth(page); // at Done
    expect(name).toMatch(/^image-vault-\d{4}-\d\d-\d\d\.zip$/);
    // "Save another copy" saves the very same bytes again, beside the first (a new name).
    await page.getByTestId('export-download').click();
    const zips = () => filesUnder(downloads).filter((n) => n.endsWith('.zip'));
    await expect.poll(zips).toHaveLength(2);
    const copy = join(downloads, zips().find((n) => n !== name)!);
    await expect.poll(() => sha256Of(copy)).toBe(sha256Of(path));
    // Closing the dialog removes the browser's own copy of the saved archive.
    await page.getByTestId('export-cancel').click();
    await expect.poll(() => exportFiles(page)).toEqual([]);

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
    downloads,
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

    await rememberEmbed(await openExtensionPage(GALLERY), true);
    const gallery = await openExtensionPage(`${GALLERY}?action=export-all`);
    await expect(gallery.getByTestId('export-embed')).toBeChecked();
    const z = inspect((await savedExport(gallery, downloads)).path, work);
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

  test('optional copies carry the prompts in PNG iTXt and still decode', async ({
    openExtensionPage,
    downloads,
  }) => {
    const seedPage = await openExtensionPage(GALLERY);
    await expect(seedPage.locator('body[data-ready]')).toBeAttached();
    const stored = await seedSynthetic(seedPage, 3);
    await rememberEmbed(seedPage, true);
    const page = await openExtensionPage(`${GALLERY}?action=export-all`);
    const z = inspect((await savedExport(page, downloads)).path, work);
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

  test('the gallery exports just the images its search shows', async ({ openExtensionPage, downloads }) => {
    const page = await openExtensionPage(GALLERY);
    await expect(page.locator('body[data-ready]')).toBeAttached();
    const stored = await seedSynthetic(page, 8);
    const word = stored[2]!.prompt.split(' ').slice(0, 3).join(' ');
    const expected = stored.filter((r) => `${r.title ?? ''} ${r.prompt} ${r.revisedPrompt}`.includes(word));
    await page.reload();
    await page.getByTestId('search-input').fill(`"${word}"`);
    await expect(page.getByTestId('gallery-item')).toHaveCount(expected.length);
    await page.getByTestId('export-button').click();
    const z = inspect((await savedExport(page, downloads)).path, work);
    expect(new Set(z.manifest.images.map((e) => e.sha256))).toEqual(new Set(expected.map((r) => r.sha256)));
  });

  test('progress shows from the first images, and cancel stops the export and leaves nothing behind', async ({
    openExtensionPage,
    context,
    extensionId,
    downloads,
  }) => {
    const seedPage = await openExtensionPage(GALLERY);
    await expect(seedPage.locator('body[data-ready]')).toBeAttached();
    await seedSynthetic(seedPage, 40);
    // The archive is written every 16 images: a 2 s pause after 16.
    const page = await openWithSink(
      context,
      `chrome-extension://${extensionId}/${GALLERY}?action=export-all`,
      2000,
    );
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog.getByTestId('export-summary')).toContainText(/^40 images · about \d/);
    await expect(dialog.getByTestId('export-status')).toContainText(/^[1-9]\d* of 40 images/);
    const bar = dialog.getByTestId('export-progress').locator('progress');
    expect(await bar.evaluate((b: HTMLProgressElement) => b.value)).toBeGreaterThan(0);
    await axeBoth(page); // while running
    await dialog.getByTestId('export-cancel').click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => exportFiles(page)).toEqual([]);
    expect(filesUnder(downloads)).toEqual([]);
  });

  test('ticking "embed prompts" mid-export starts again, and the archive holds the copies', async ({
    openExtensionPage,
    context,
    extensionId,
    downloads,
  }) => {
    const seedPage = await openExtensionPage(GALLERY);
    await expect(seedPage.locator('body[data-ready]')).toBeAttached();
    const stored = await seedSynthetic(seedPage, 40);
    await rememberEmbed(seedPage, false);
    const page = await openWithSink(
      context,
      `chrome-extension://${extensionId}/${GALLERY}?action=export-all`,
      500,
    );
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog.getByTestId('export-status')).toContainText(/^[1-9]\d* of 40 images/);
    await dialog.getByTestId('export-embed').check();
    const z = inspect((await savedExport(page, downloads)).path, work);
    expect(z.manifest.images).toHaveLength(stored.length);
    for (const e of z.manifest.images) expect(e.embeddedCopy, e.file).toMatch(/^images-with-prompts\//);
    // Remembered for the next export.
    expect(await page.evaluate(() => localStorage.getItem('image-vault:export-embed'))).toBe('1');
  });

  test('a failed export says why and leaves no archive behind', async ({
    openExtensionPage,
    context,
    extensionId,
    downloads,
  }) => {
    const seedPage = await openExtensionPage(GALLERY);
    await expect(seedPage.locator('body[data-ready]')).toBeAttached();
    await seedSynthetic(seedPage, 10);
    const page = await openWithSink(
      context,
      `chrome-extension://${extensionId}/${GALLERY}?action=export-all`,
      0,
      1,
    );
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog.getByTestId('export-error')).toContainText('not enough free disk space');
    await expect(dialog.getByTestId('export-download')).toHaveCount(0);
    await expect(dialog.getByTestId('export-retry')).toBeVisible();
    await expect.poll(() => exportFiles(page)).toEqual([]);
    expect(filesUnder(downloads)).toEqual([]);
  });

  test('an export of nothing is refused in words, and nothing is saved', async ({
    openExtensionPage,
    downloads,
  }) => {
    const page = await openExtensionPage(`${GALLERY}?action=export-all`);
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog.getByTestId('export-summary')).toHaveText(
      'There is nothing to export: no images are chosen.',
    );
    await expect(dialog).toHaveAttribute('data-state', 'failed');
    await expect(dialog.getByTestId('export-retry')).toHaveCount(0);
    await axeBoth(page);
    expect(await exportFiles(page)).toEqual([]);
    expect(filesUnder(downloads)).toEqual([]);
  });
});
