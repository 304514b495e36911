/**
 * The disk mirror end to end (issue 12 §1): with the mirror on, a saved image lands under the
 * pattern in the Downloads folder, byte for byte, with the prompt in its sidecars; nothing is
 * written twice; "Write everything now" copies the existing vault and resumes after the
 * worker stops; hostile names come out safe.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mirrorPath, sidecarPath } from '../src/core/mirror-path';
import { DEFAULT_PATTERN } from '../src/settings/schema';
import { expect } from './harness/fixtures';
import { vaultWith } from './support/capture';
import { filesUnder, mirrorAll, mirrorOn, sha256Of, testWithDownloads } from './support/mirror';
import { seedImages, syntheticRecords } from './support/seed';

const test = testWithDownloads;

/** Waits until the mirror has written `n` images and has nothing left to write. */
async function mirrored(ext: Parameters<typeof mirrorAll>[0], n: number) {
  await expect
    .poll(
      async () => {
        const s = await mirrorAll(ext, 'status');
        return `${s.written} written, ${s.pending} pending, ${s.lastError ?? 'no error'}`;
      },
      { timeout: 60_000 },
    )
    .toBe(`${n} written, 0 pending, no error`);
}

test('a captured image is written under the pattern, byte for byte, with its prompt in both sidecars, once', async ({
  page,
  sim,
  readVault,
  openExtensionPage,
  downloads,
}) => {
  const ext = await openExtensionPage('src/popup/index.html');
  await mirrorOn(ext, DEFAULT_PATTERN);
  const conv = sim.conversation({ title: 'Brand mockups' });
  await sim.open(page, conv);
  const gen = await sim.generate(page, conv, {
    prompt: 'Make a logo for a coffee shop called "Vault" & <friends>',
    gptImage: {
      title: 'Vault coffee logo',
      revisedPrompt: 'A minimalist logo of a coffee cup in a vault door',
    },
  });
  await gen.done;
  const img = gen.images[0]!;
  const rec = (await vaultWith(readVault, 1)).images[0]!;
  await mirrored(ext, 1);

  const path = mirrorPath(rec, DEFAULT_PATTERN);
  expect(path).toBe(
    `Image Vault/${new Date(rec.createdAt).toISOString().slice(0, 7)}/Brand mockups/Vault coffee logo_${img.fileId}.png`,
  );
  expect(filesUnder(downloads)).toEqual([sidecarPath(path, 'json'), path, sidecarPath(path, 'xmp')].sort());
  expect(sha256Of(join(downloads, path)), 'the file on disk is the served original').toBe(
    sim.served(img.fileId).sha256,
  );
  const json = JSON.parse(readFileSync(join(downloads, sidecarPath(path, 'json')), 'utf8'));
  expect(json).toMatchObject({
    id: img.fileId,
    prompt: img.prompt,
    revisedPrompt: img.revisedPrompt,
    sha256: rec.sha256,
  });
  const xmp = readFileSync(join(downloads, sidecarPath(path, 'xmp')), 'utf8');
  expect(xmp).toContain(
    '<rdf:li xml:lang="x-default">Make a logo for a coffee shop called &quot;Vault&quot; &amp; &lt;friends&gt;</rdf:li>',
  );

  // The same image seen again (page reloaded) and a "Write everything now": nothing new on disk.
  await page.reload();
  await expect(page.locator('html[data-image-vault="ready"]')).toBeAttached();
  await vaultWith(readVault, 1);
  expect(await mirrorAll(ext, 'start')).toMatchObject({ total: 1, written: 1, pending: 0 });
  await mirrored(ext, 1);
  expect(filesUnder(downloads)).toHaveLength(3);
});

test('names with / \\ : * ? " < > |, emoji, RTL text and 300 characters come out safe and complete', async ({
  page,
  sim,
  readVault,
  openExtensionPage,
  downloads,
}) => {
  const ext = await openExtensionPage('src/popup/index.html');
  await mirrorOn(ext, '{conversation}/{title}_{fileid}.{ext}');
  const conv = sim.conversation({ title: 'Q1: "plans" <draft> | a/b\\c * ?' });
  await sim.open(page, conv);
  const title = `\u202Bשלום עולם\u202C 🦊🌲 ${'long '.repeat(60)}`.slice(0, 300);
  const gen = await sim.generate(page, conv, {
    prompt: 'A fox',
    gptImage: { title, revisedPrompt: 'A fox in a forest' },
  });
  await gen.done;
  const img = gen.images[0]!;
  const rec = (await vaultWith(readVault, 1)).images[0]!;
  expect(rec.title).toBe(title);
  await mirrored(ext, 1);

  const [folder, file] = mirrorPath(rec, '{conversation}/{title}_{fileid}.{ext}').split('/');
  expect(folder).toBe('Q1_ _plans_ _draft_ _ a_b_c _ _');
  expect(file).toMatch(/^שלום עולם 🦊🌲 long long .*_file_[0-9a-f]+\.png$/);
  expect(Buffer.byteLength(file!)).toBeLessThanOrEqual(100);
  expect(file).toContain(img.fileId);
  const files = filesUnder(downloads);
  expect(files).toContain(`${folder}/${file}`);
  expect(files).toHaveLength(3);
  expect(sha256Of(join(downloads, folder!, file!))).toBe(sim.served(img.fileId).sha256);
});

test('"Write everything now" copies the existing vault, and resumes after the worker is stopped', async ({
  readVault,
  openExtensionPage,
  stopServiceWorker,
  downloads,
}) => {
  const gallery = await openExtensionPage('src/gallery/index.html');
  await expect(gallery.locator('body[data-ready]')).toBeAttached();
  const records = syntheticRecords(12);
  // A prompt-only record is no file: it is neither counted nor written.
  const promptOnly = {
    ...syntheticRecords(13)[12]!,
    promptOnly: 1 as const,
    sha256: '',
    bytes: 0,
    mimeType: '',
  };
  await seedImages(gallery, [...records, promptOnly]);
  await mirrorOn(gallery, DEFAULT_PATTERN);
  expect(await mirrorAll(gallery, 'status'), 'switching on does not copy the old vault').toMatchObject({
    total: 12,
    written: 0,
    pending: 0,
  });

  expect(await mirrorAll(gallery, 'start')).toMatchObject({ enabled: true, total: 12 });
  await expect.poll(async () => (await mirrorAll(gallery, 'status')).written).toBeGreaterThanOrEqual(2);
  await stopServiceWorker();
  const stopped = filesUnder(downloads).length;
  expect(stopped, 'stopped in the middle').toBeLessThan(36);

  // Any message wakes the worker (as the settings page's progress does); the queue goes on.
  await mirrored(gallery, 12);
  const vault = await readVault();
  const files = filesUnder(downloads);
  expect(files, 'three files per image, none twice').toHaveLength(36);
  expect(
    files.some((f) => / \(\d+\)\./.test(f)),
    'no "name (1).png" duplicates',
  ).toBe(false);
  for (const rec of vault.images.filter((r) => !r.promptOnly)) {
    const path = mirrorPath(rec, DEFAULT_PATTERN);
    expect(sha256Of(join(downloads, path))).toBe(vault.sha256[rec.id]);
    expect(JSON.parse(readFileSync(join(downloads, sidecarPath(path, 'json')), 'utf8')).prompt).toBe(
      rec.prompt,
    );
  }
});

test('the settings page’s "Write everything now" button copies the vault and says so', async ({
  openExtensionPage,
  downloads,
}) => {
  const gallery = await openExtensionPage('src/gallery/index.html');
  await expect(gallery.locator('body[data-ready]')).toBeAttached();
  await seedImages(gallery, syntheticRecords(3));
  const settings = await openExtensionPage('src/settings/index.html');
  await expect(settings.locator('body[data-ready]')).toBeAttached();
  await expect(settings.getByTestId('settings-mirror-all')).toBeHidden();
  await settings.getByTestId('settings-mirror').check();
  await expect(settings.getByTestId('settings-mirror-progress')).toHaveText('Written 0 of 3 images');
  await settings.getByTestId('settings-mirror-all').click();
  await expect(settings.getByTestId('settings-mirror-progress')).toHaveText(
    'Written 3 of 3 images · all on disk',
    { timeout: 60_000 },
  );
  expect(filesUnder(downloads)).toHaveLength(9);
});
