/**
 * Importing ChatGPT's own data export (issue 10), end to end through the gallery's import
 * dialog: both layouts, bytes carried and missing, expired and live links, a captured image
 * that lacks its prompts, a deleted image, uploads and charts; then each kind of hostile file,
 * each ending with a clear message and the vault exactly as before.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ImageRecord } from '../src/core/types';
import {
  type BuildOptions,
  buildV1Export,
  buildV2Export,
  declareSize,
  type ExportAsset,
  wavBytes,
} from '../test/support/official-export';
import { sampleExportSpec } from '../test/support/official-export-sample';
import { expect, test } from './harness/fixtures';
import type { VaultSnapshot } from './harness/vault';
import { makePng } from './sim/images';
import { seedImages, syntheticRecord } from './support/seed';

const GALLERY = 'src/gallery/index.html';
const dir = mkdtempSync(join(tmpdir(), 'iv-official-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sample = sampleExportSpec();
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bytesOf = (id: string) => sample.spec.assets.find((a) => a.fileId === id)!.bytes;

/** The first DALL·E image of dalle3-code.json and the prompt the user typed for it. */
const NOOK = {
  id: 'file-ZnRyxInT0FWkxBz4qa3AmvXq',
  prompt: 'a cozy reading nook in a treehouse, rainy afternoon',
};
/** Its edit, which the vault holds already (captured), without prompts. */
const EDIT = {
  id: 'file-G7nZhz9QfjpAf0Cqk76D5GFQ',
  prompt: 'make the blanket on the window seat bright orange',
};
/** A carried gpt-image image the user deleted earlier. */
const DELETED = 'file_00000000b855bffb1c1c4c76a580d248';

function save(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function openGallery(openExtensionPage: (p: string) => Promise<Page>): Promise<Page> {
  const page = await openExtensionPage(GALLERY);
  await expect(page.locator('body[data-ready]')).toBeAttached();
  return page;
}

/** Opens the import dialog from the gallery's URL action and feeds it `file`. */
async function importFile(page: Page, file: string): Promise<void> {
  await page.goto(`${page.url().replace(/\?.*$/, '')}?action=import`);
  await page.getByTestId('import-input').setInputFiles(file);
}

async function reportOf(page: Page) {
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible({ timeout: 60_000 });
  const n = async (attr: string) => Number(await report.getAttribute(`data-${attr}`));
  return {
    added: await n('added'),
    promptsFilled: await n('prompts-filled'),
    promptOnly: await n('prompt-only'),
    skipped: await n('skipped'),
    rejected: await n('rejected'),
    text: (await page.getByTestId('import-summary').textContent()) ?? '',
  };
}

/** Writes a tombstone as the gallery leaves one once a deletion's undo window has passed. */
async function tombstone(page: Page, id: string): Promise<void> {
  await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('image-vault');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const tx = db.transaction('tombstones', 'readwrite');
    tx.objectStore('tombstones').put({ id, sha256: 'f'.repeat(64), deletedAt: Date.now() });
    await new Promise((res) => {
      tx.oncomplete = res;
    });
    db.close();
  }, id);
}

const byId = (v: VaultSnapshot) => new Map(v.images.map((r) => [r.id, r]));

/** What every layout must give for the sample: bytes by hash, prompts, prompt-only records. */
function expectSampleImported(v: VaultSnapshot, carriedNew: string[]): void {
  const recs = byId(v);
  for (const id of carriedNew) {
    expect(recs.get(id)?.promptOnly, id).toBeUndefined();
    expect(v.sha256[id], id).toBe(sha(bytesOf(id)));
  }
  expect(recs.get(NOOK.id)?.prompt).toBe(NOOK.prompt);
  expect(recs.get(NOOK.id)?.revisedPrompt).toMatch(/^Wide interior view of a cozy reading nook/);
  expect(recs.get(NOOK.id)?.source).toBe('chatgpt-export');
  for (const id of sample.missing) {
    expect(recs.get(id)?.promptOnly, id).toBe(1);
    expect(v.sha256[id], id).toBeUndefined();
  }
  expect(recs.get(sample.expiredLink.fileId)?.linkExpiresAt).toBe(sample.expiredLink.expiresAt);
  expect(recs.get(sample.liveLink.fileId)?.linkExpiresAt).toBe(sample.liveLink.expiresAt);
  expect(recs.get(sample.expiredLink.fileId)?.prompt).not.toBe('');
  // Uploads and Code Interpreter charts are not generations.
  expect(recs.has(sample.upload)).toBe(false);
  expect(recs.has(sample.chart)).toBe(false);
}

test.describe('import of ChatGPT’s export', () => {
  test('v2: adds carried images byte for byte, fills a captured image’s prompts, keeps prompt-only records, respects a deletion', async ({
    openExtensionPage,
    readVault,
  }) => {
    test.setTimeout(120_000);
    const page = await openGallery(openExtensionPage);
    const captured: ImageRecord = syntheticRecord(0, {
      id: EDIT.id,
      prompt: '',
      revisedPrompt: '',
      title: null,
    });
    await seedImages(page, [captured]);
    const capturedSha = (await readVault()).sha256[EDIT.id];
    await tombstone(page, DELETED);

    await importFile(page, save('v2.zip', await buildV2Export(sample.spec, { shardSize: 3 })));
    const r = await reportOf(page);
    expect(r).toMatchObject({
      added: sample.carried.length - 2,
      promptsFilled: 1,
      promptOnly: sample.missing.length,
      skipped: 1,
      rejected: 0,
    });
    expect(r.text).toContain(`kept ${sample.missing.length} prompts`);

    const v = await readVault();
    expectSampleImported(
      v,
      sample.carried.filter((id) => id !== EDIT.id && id !== DELETED),
    );
    const edit = byId(v).get(EDIT.id)!;
    expect(edit.prompt).toBe(EDIT.prompt);
    expect(edit.revisedPrompt).toMatch(/bright orange/);
    expect(v.sha256[EDIT.id]).toBe(capturedSha); // its bytes were never touched
    expect(byId(v).has(DELETED)).toBe(false);

    // The gallery shows the prompt-only records as cards, found by search, with their message.
    await page.getByTestId('import-cancel').click();
    await expect(page.locator('[data-testid="gallery-item"][data-has-image="false"]')).toHaveCount(
      sample.missing.length,
    );
    await page.getByTestId('search-input').fill('cat astronaut, again');
    const live = page.locator('[data-testid="gallery-item"][data-has-image="false"]');
    await expect(live).toHaveCount(1);
    await expect(live.getByTestId('fetch-missing')).toBeVisible();
  });

  test('v1: the same content in one conversations.json gives the same vault', async ({
    openExtensionPage,
    readVault,
  }) => {
    test.setTimeout(120_000);
    const page = await openGallery(openExtensionPage);
    await importFile(page, save('v1.zip', await buildV1Export(sample.spec, { topFolder: 'export' })));
    const r = await reportOf(page);
    expect(r).toMatchObject({
      added: sample.carried.length,
      promptsFilled: 0,
      promptOnly: sample.missing.length,
      skipped: 0,
      rejected: 0,
    });
    const v = await readVault();
    expectSampleImported(v, sample.carried);
    expect(v.images).toHaveLength(sample.carried.length + sample.missing.length);

    // Importing it again changes nothing: everything is already in the vault.
    await importFile(page, save('v1-again.zip', await buildV1Export(sample.spec)));
    const again = await reportOf(page);
    expect(again).toMatchObject({
      added: 0,
      promptOnly: 0,
      skipped: sample.carried.length + sample.missing.length,
    });
    expect((await readVault()).images).toHaveLength(v.images.length);
  });

  test('a bare conversations.json keeps every image as its prompts', async ({
    openExtensionPage,
    readVault,
  }) => {
    const page = await openGallery(openExtensionPage);
    const json = new TextEncoder().encode(JSON.stringify(sample.spec.conversations));
    await importFile(page, save('conversations.json', json));
    const r = await reportOf(page);
    const all = sample.carried.length + sample.missing.length;
    expect(r).toMatchObject({ added: 0, promptOnly: all, rejected: 0 });
    const v = await readVault();
    expect(v.images.filter((i) => i.promptOnly === 1)).toHaveLength(all);
    expect(v.originals).toHaveLength(0);
    expect(byId(v).get(NOOK.id)?.prompt).toBe(NOOK.prompt);
  });

  test('a .dat that is a WAV, and one the name map lists but the ZIP lacks: rejected or noted, the prompts kept', async ({
    openExtensionPage,
    readVault,
  }) => {
    const page = await openGallery(openExtensionPage);
    const spec = {
      ...sample.spec,
      assets: sample.spec.assets.map((a) => (a.fileId === NOOK.id ? { ...a, bytes: wavBytes() } : a)),
    };
    const opts: BuildOptions = { listedButMissing: [EDIT.id], omitBytes: [EDIT.id] };
    await importFile(page, save('wav.zip', await buildV2Export(spec, opts)));
    const r = await reportOf(page);
    expect(r.rejected).toBe(1);
    await expect(page.getByTestId('import-report')).toContainText('WAV');
    const v = await readVault();
    const nook = byId(v).get(NOOK.id)!;
    expect(nook.promptOnly).toBe(1);
    expect(nook.prompt).toBe(NOOK.prompt);
    expect(nook.fetchError).toMatch(/WAV/);
    expect(byId(v).get(EDIT.id)?.promptOnly).toBe(1);
  });

  test('cancel while images are being added: everything the import wrote is taken back', async ({
    openExtensionPage,
    readVault,
  }) => {
    test.setTimeout(120_000);
    const page = await openGallery(openExtensionPage);
    await seedImages(page, [syntheticRecord(2, { prompt: '' })]);
    const before = await readVault();
    // 300 copies of the gpt-image fixture, each with its own conversation and image file.
    const text = readFileSync(
      new URL('../test/fixtures/conversations/gpt-image-single.json', import.meta.url),
      'utf8',
    );
    const conversations: unknown[] = [];
    const assets: ExportAsset[] = [];
    for (let i = 0; i < 300; i++) {
      const hex = i.toString(16).padStart(4, '0');
      const fileId = `file_00000000dedb061ffadb15b9a398${hex}`;
      conversations.push(
        JSON.parse(
          text
            .replaceAll('file_00000000dedb061ffadb15b9a398142e', fileId)
            .replaceAll('a5dddf8e-a367-4b48-b39a-e31bdccd1fa1', `a5dddf8e-a367-4b48-b39a-e31bdccd${hex}`),
        ),
      );
      assets.push({
        fileId,
        kind: 'native',
        bytes: new Uint8Array(makePng({ width: 256, height: 256, seed: 1000 + i })),
      });
    }
    await importFile(page, save('many.zip', await buildV2Export({ conversations, assets })));
    const status = page.getByTestId('import-progress');
    await expect(status).toContainText(/Adding: [1-9]/, { timeout: 60_000 });
    await page.getByTestId('import-cancel').click();
    await expect(page.getByTestId('import-dialog')).toBeHidden();
    // The rollback runs after the dialog closed: the vault returns to exactly what it was.
    await expect
      .poll(async () => (await readVault()).images.map((r) => r.id).sort(), { timeout: 30_000 })
      .toEqual(before.images.map((r) => r.id).sort());
    const after = await readVault();
    expect(after.images).toEqual(before.images);
    expect(after.sha256).toEqual(before.sha256);
    expect(after.thumbs).toHaveLength(before.thumbs.length);
  });

  const hostile: [string, () => Promise<Uint8Array>, RegExp][] = [
    [
      'an entry named ../evil.png',
      () => buildV1Export(sample.spec, { extraEntries: [{ name: '../evil.png', data: 'x' }] }),
      /\.\./,
    ],
    [
      'a conversations.json that declares 2 GB',
      async () => {
        const zip = await buildV1Export(sample.spec, { compression: 'store' });
        declareSize(zip, 'conversations.json', 2 * 2 ** 30);
        return zip;
      },
      /conversations\.json|claims|large/i,
    ],
    [
      'a conversations.json that is an object, not a list',
      () => buildV1Export(sample.spec, { rawFiles: { 'conversations.json': '{"title":"not a list"}' } }),
      /not a list of conversations/,
    ],
    [
      'a shard that is not JSON',
      () =>
        buildV2Export(sample.spec, { shardSize: 3, rawFiles: { 'conversations-001.json': '[{"title": ' } }),
      /conversations-001\.json/,
    ],
  ];
  for (const [name, build, message] of hostile) {
    test(`refused with a clear message and nothing changed: ${name}`, async ({
      openExtensionPage,
      readVault,
    }) => {
      const page = await openGallery(openExtensionPage);
      await seedImages(page, [syntheticRecord(1)]);
      const before = await readVault();
      await importFile(page, save(`hostile-${name.replace(/\W+/g, '-')}.zip`, await build()));
      const error = page.getByTestId('import-error');
      await expect(error).toBeVisible({ timeout: 30_000 });
      await expect(error).toContainText(message);
      await expect(error).toContainText('Your vault was not changed');
      await expect(page.getByTestId('import-report')).toBeHidden();
      const after = await readVault();
      expect(after.images).toEqual(before.images);
      expect(after.sha256).toEqual(before.sha256);
    });
  }
});
