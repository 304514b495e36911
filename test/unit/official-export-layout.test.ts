/**
 * ChatGPT's data export is recognised by its entry names in both layouts, each image file is
 * tied to its file id (v1 names, v2 `.dat` through the name map), and hostile or damaged
 * archives end in a plain message.
 */
import { describe, expect, it } from 'vitest';
import { ZipError } from '../../src/core/zip/errors';
import { ZipArchive } from '../../src/core/zip/reader';
import { blobSource } from '../../src/core/zip/source';
import { ImportError } from '../../src/export/import-verify';
import { looksLikeChatGptExport, readExportLayout } from '../../src/sites/chatgpt/export/layout';
import { buildV1Export, buildV2Export, type ExportSpec } from '../support/official-export';
import { sampleExportSpec } from '../support/official-export-sample';

const open = (bytes: Uint8Array) => ZipArchive.open(blobSource(new Blob([bytes as BlobPart])));
const sample = sampleExportSpec();
const names = (m: Map<string, { name: string }>) => Object.fromEntries([...m].map(([id, e]) => [id, e.name]));

describe('layout detection', () => {
  it('reads a v1 export: conversations.json and the images under their v1 names', async () => {
    const zip = await open(await buildV1Export(sample.spec));
    expect(looksLikeChatGptExport(zip)).toBe(true);
    const layout = await readExportLayout(zip);
    expect(layout.kind).toBe('v1');
    expect(layout.conversationFiles.map((f) => f.name)).toEqual(['conversations.json']);
    expect(names(layout.assets)).toMatchObject({
      'file-ZnRyxInT0FWkxBz4qa3AmvXq': expect.stringMatching(
        /^dalle-generations\/file-ZnRyxInT0FWkxBz4qa3AmvXq-[0-9a-f-]{36}\.webp$/,
      ),
      file_00000000dedb061ffadb15b9a398142e: expect.stringMatching(
        /^user-[^/]+\/file_00000000dedb061ffadb15b9a398142e-[0-9a-f-]{36}\.png$/,
      ),
      [sample.upload]: `${sample.upload}-holiday-photo.jpg`,
    });
    expect(layout.assets.size).toBe(sample.spec.assets.length);
    expect(layout.missingAssets.size).toBe(0);
  });

  it('reads a v2 export: shards in numeric order, .dat bytes through the name map', async () => {
    const spec: ExportSpec = {
      ...sample.spec,
      conversations: Array.from({ length: 25 }, (_, i) => ({ id: `c${i}` })),
    };
    const zip = await open(await buildV2Export(spec, { shardSize: 2 }));
    expect(looksLikeChatGptExport(zip)).toBe(true);
    const layout = await readExportLayout(zip);
    expect(layout.kind).toBe('v2');
    expect(layout.conversationFiles.map((f) => f.name)).toEqual(
      Array.from({ length: 13 }, (_, i) => `conversations-${String(i).padStart(3, '0')}.json`),
    );
    for (const a of sample.spec.assets) expect(layout.assets.get(a.fileId)?.name).toBe(`${a.fileId}.dat`);
    expect(layout.notes).toEqual([]);
  });

  it('finds the export inside one top folder (an unzipped export zipped again)', async () => {
    for (const build of [buildV1Export, buildV2Export]) {
      const zip = await open(await build(sample.spec, { topFolder: 'chatgpt-export' }));
      expect(looksLikeChatGptExport(zip)).toBe(true);
      const layout = await readExportLayout(zip);
      expect(layout.conversationFiles[0]?.name).toMatch(/^conversations(-000)?\.json$/);
      expect(layout.assets.get(sample.carried[0] ?? '')?.name).toMatch(/^chatgpt-export\//);
    }
  });

  it("does not take Image Vault's own archive, or any other ZIP, for ChatGPT's export", async () => {
    const archive = await open(
      await zipOf({ 'manifest.json': '{}', 'prompts.md': '#', 'images/a.png': 'x' }),
    );
    expect(looksLikeChatGptExport(archive)).toBe(false);
    await expect(readExportLayout(archive)).rejects.toThrow(/not ChatGPT's data export/);
    const two = await open(await zipOf({ 'a/conversations.json': '[]', 'b/conversations.json': '[]' }));
    expect(looksLikeChatGptExport(two)).toBe(false);
  });
});

describe('damaged and hostile exports', () => {
  it('names the .dat files that the name map lists but the ZIP lacks (truncated export)', async () => {
    const zip = await open(
      await buildV2Export(sample.spec, {
        omitBytes: [sample.carried[0] ?? ''],
        listedButMissing: ['file-GoneGoneGone1234'],
      }),
    );
    const layout = await readExportLayout(zip);
    expect([...layout.missingAssets].sort()).toEqual([sample.carried[0], 'file-GoneGoneGone1234'].sort());
    expect(layout.assets.has(sample.carried[0] ?? '')).toBe(false);
    expect(layout.notes).toContain(
      '2 files named in the export are missing from the ZIP; the export may be truncated, or ChatGPT left out expired files.',
    );
  });

  it('says so when a shard is missing from the middle', async () => {
    const spec: ExportSpec = { conversations: [{}, {}, {}], assets: [] };
    const bytes = await buildV2Export(spec, { shardSize: 1, topFolder: 'x' });
    const zip = await open(bytes);
    const cut = await open(await zipOfEntries(zip, (n) => !n.endsWith('conversations-001.json')));
    const layout = await readExportLayout(cut);
    expect(layout.conversationFiles.map((f) => f.name)).toEqual([
      'conversations-000.json',
      'conversations-002.json',
    ]);
    expect(layout.notes).toContain(
      'conversations-001.json is missing from the ZIP; the export may be truncated.',
    );
  });

  it('keeps going with a note when a side file has the wrong JSON type or is not JSON', async () => {
    const zip = await open(
      await buildV2Export(sample.spec, {
        rawFiles: {
          'conversation_asset_file_names.json': '["not", "a", "map"]',
          'library_files.json': '{oops',
        },
      }),
    );
    const layout = await readExportLayout(zip);
    expect(layout.notes).toEqual([
      'conversation_asset_file_names.json is not a map of file names; images were matched by their file names alone.',
      'library_files.json is not valid JSON; images were matched by their file names alone.',
    ]);
    expect(layout.assets.size).toBe(sample.spec.assets.length);
    const lib = await open(
      await buildV2Export(sample.spec, { rawFiles: { 'library_files.json': '{"file_id": 1}' } }),
    );
    expect((await readExportLayout(lib)).notes).toEqual([
      'library_files.json is not a list of files; it was ignored.',
    ]);
  });

  it('refuses an export with no conversations in plain words', async () => {
    const zip = await open(await zipOf({ 'export_manifest.json': '{}' }));
    expect(looksLikeChatGptExport(zip)).toBe(true);
    await expect(readExportLayout(zip)).rejects.toThrow(
      new ImportError(
        "This looks like ChatGPT's data export, but it holds no conversations (no conversations.json or conversations-000.json).",
      ),
    );
  });

  it('refuses an entry named ../evil.png before reading anything', async () => {
    const bytes = await buildV1Export(sample.spec, { extraEntries: [{ name: '../evil.png', data: 'x' }] });
    await expect(open(bytes)).rejects.toThrow(
      new ZipError(
        'unsafe-name',
        'The archive contains a file with a ".." path segment ("../evil.png"); it was refused as a whole.',
      ),
    );
  });

  it('refuses a conversations.json that declares 2 GB', async () => {
    const bytes = await buildV1Export(sample.spec, { declaredSizes: { 'conversations.json': 2 ** 31 } });
    await expect(open(bytes)).rejects.toThrow(
      `"conversations.json" claims ${2 ** 31} bytes; at most ${2 ** 30} per file are accepted.`,
    );
  });

  it('refuses a side file too big to read whole', async () => {
    // Incompressible text so that the declared 70 MB passes the reader's deflate-ratio check,
    // and a big stored filler so that it passes the archive's total-ratio check.
    const noise = Array.from({ length: 150_000 }, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join('');
    const filler = new Uint8Array(4 * 2 ** 20);
    for (let i = 0; i < filler.length; i += 65536) crypto.getRandomValues(filler.subarray(i, i + 65536));
    const bytes = await buildV2Export(sample.spec, {
      rawFiles: { 'library_files.json': noise },
      extraEntries: [{ name: 'filler.bin', data: filler }],
      declaredSizes: { 'library_files.json': 70 * 2 ** 20 },
    });
    await expect(readExportLayout(await open(bytes))).rejects.toThrow(
      new ImportError(
        "library_files.json claims 70 MB, far more than a real export's; the archive was refused.",
      ),
    );
  });
});

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const z = new JSZip();
  for (const [n, t] of Object.entries(files)) z.file(n, t);
  return z.generateAsync({ type: 'uint8array' });
}

async function zipOfEntries(zip: ZipArchive, keep: (name: string) => boolean): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const z = new JSZip();
  for (const e of zip.entries) if (keep(e.name)) z.file(e.name, await zip.bytes(e));
  return z.generateAsync({ type: 'uint8array' });
}
