/**
 * Prompt-only records in the archive (issue 10): a manifest entry with `noImage: true` and
 * `file: null` that the published schema and our checker accept, that reads back as a
 * prompt-only record, and that prompts.md and inventory.csv mark "no image".
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { inventoryCsv } from '../../src/core/export-format/inventory-csv';
import {
  type ManifestEntry,
  manifestJson,
  recordFromManifestEntry,
  toManifestEntry,
} from '../../src/core/export-format/manifest';
import { promptsMarkdown } from '../../src/core/export-format/prompts-md';
import { checkManifest } from '../../src/core/export-format/validate';
import type { ImageRecord } from '../../src/core/types';

const schema = JSON.parse(
  readFileSync(new URL('../../docs/export-format.schema.json', import.meta.url), 'utf8'),
);
const validate = new Ajv({ allErrors: true, validateFormats: false }).compile(schema);

const base: ImageRecord = {
  id: 'file-AbCdEf123456',
  sha256: 'ab'.repeat(32),
  crc32: 7,
  bytes: 1234,
  mimeType: 'image/webp',
  width: 1024,
  height: 1024,
  prompt: 'a lighthouse in fog',
  revisedPrompt: 'A tall striped lighthouse in thick morning fog',
  title: null,
  model: 'dalle3',
  genId: null,
  parentGenId: null,
  editOp: null,
  seed: 42,
  genSize: null,
  conversationId: 'c1',
  conversationTitle: 'Lighthouses',
  conversationUrl: 'https://chatgpt.com/c/c1',
  messageId: 'm1',
  pageUrl: 'https://chatgpt.com/c/c1',
  createdAt: Date.UTC(2025, 1, 10, 9, 30),
  capturedAt: Date.UTC(2025, 5, 1),
  favorite: 1,
  source: 'chatgpt-export',
};
const expiry = Date.UTC(2025, 2, 15, 12);
const promptOnly: ImageRecord = {
  ...base,
  id: 'file-NoBytes987654',
  sha256: '',
  crc32: 0,
  bytes: 0,
  mimeType: '',
  promptOnly: 1,
  linkExpiresAt: expiry,
};
const entries: ManifestEntry[] = [toManifestEntry(base, 'images/a.webp'), toManifestEntry(promptOnly, null)];
const manifest = JSON.parse(
  manifestJson.head(Date.UTC(2025, 5, 2)) + entries.map(manifestJson.entry).join('') + manifestJson.tail(2),
);

describe('a no-image entry in manifest.json', () => {
  it('has no file, no hash, no bytes, and says when the link expired', () => {
    expect(manifest.images[1]).toMatchObject({
      id: 'file-NoBytes987654',
      noImage: true,
      file: null,
      sha256: '',
      bytes: 0,
      mimeType: '',
      linkExpiresAt: '2025-03-15T12:00:00.000Z',
      prompt: 'a lighthouse in fog',
    });
    expect(manifest.images[0].noImage).toBeUndefined();
    expect(manifest.images[0]).not.toHaveProperty('linkExpiresAt');
  });

  it('matches the published schema and our checker', () => {
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    expect(checkManifest(manifest).ok).toBe(true);
  });

  it('reads back as the same prompt-only record', () => {
    const back = recordFromManifestEntry(manifest.images[1], 99);
    expect(back).toEqual({ ...promptOnly, source: 'import' });
    const image = recordFromManifestEntry(manifest.images[0], 7);
    expect(image.promptOnly).toBeUndefined();
    expect(image.sha256).toBe(base.sha256);
  });

  it('keeps a record without an expiry without one', () => {
    const e = toManifestEntry({ ...promptOnly, linkExpiresAt: null }, null);
    expect(e).not.toHaveProperty('linkExpiresAt');
    expect(recordFromManifestEntry(e, 0).linkExpiresAt).toBeNull();
  });

  it.each([
    ['a file', { file: 'images/x.png' }, /"file" is not null/, true],
    ['a hash', { sha256: 'ab'.repeat(32) }, /"sha256"/, true],
    ['bytes', { bytes: 10 }, /"bytes" is not 0/, true],
    ['an embedded copy', { embeddedCopy: 'images-with-prompts/x.png' }, /embedded copy/, true],
    // The schema says "date-time"; formats are not checked here (as in export-format.test.ts).
    ['a bad expiry', { linkExpiresAt: 'soon' }, /linkExpiresAt/, false],
    ['noImage false', { noImage: false }, /"noImage" is not true/, true],
  ])('is refused with %s, by the checker (and the schema)', (_, patch, problem, bySchema) => {
    const bad = structuredClone(manifest);
    Object.assign(bad.images[1], patch);
    const r = checkManifest(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.entryProblems).toHaveLength(1);
      expect(r.entryProblems[0]).toMatchObject({ index: 1, id: 'file-NoBytes987654' });
      expect(r.entryProblems[0]!.problem).toMatch(problem);
    }
    expect(validate(bad)).toBe(!bySchema);
  });

  it('refuses an entry with a null file but no noImage mark', () => {
    const bad = structuredClone(manifest);
    delete bad.images[1].noImage;
    expect(checkManifest(bad).ok).toBe(false);
    expect(validate(bad)).toBe(false);
  });
});

describe('a no-image entry in prompts.md and inventory.csv', () => {
  it('prompts.md shows the prompts, no picture, and says "no image" with the expiry day', () => {
    const md = entries.map((e, i) => promptsMarkdown.entry(e, entries[i - 1] ?? null)).join('');
    const [, section] = md.split('### a lighthouse in fog').slice(1);
    expect(section).toBeDefined();
    expect(section).not.toContain('![');
    expect(section).toContain(
      "File: none (**no image**: Image Vault holds only the prompts; ChatGPT's link to it expired on 2025-03-15)",
    );
    expect(section).toContain('> A tall striped lighthouse in thick morning fog');
  });

  it('inventory.csv has an Image column: "saved" or "no image"', () => {
    const csv = inventoryCsv.head() + entries.map((e) => inventoryCsv.entry(e)).join('');
    const script =
      'import csv,io,json,sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))';
    const rows: string[][] = JSON.parse(
      execFileSync('python3', ['-c', script], { input: csv.replace(/^\uFEFF/, '') }).toString(),
    );
    expect(rows[0]!.at(-1)).toBe('Image');
    expect(rows[1]!.at(-1)).toBe('saved');
    const none = rows[2]!;
    expect(none.at(-1)).toBe('no image');
    expect(none[rows[0]!.indexOf('File')]).toBe('');
    expect(none[rows[0]!.indexOf('SHA-256')]).toBe('');
    expect(none[rows[0]!.indexOf('Prompt')]).toBe('a lighthouse in fog');
  });
});
