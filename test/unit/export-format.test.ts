/**
 * The archive's text files: manifest.json validates against the published JSON Schema and
 * our own checker, inventory.csv parses (Python's csv module) with one row per image,
 * index.html's embedded data cannot break out of its <script>, prompts.md groups by day.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { indexHtml, jsonForScript, viewerItem } from '../../src/core/export-format/index-html';
import { inventoryCsv } from '../../src/core/export-format/inventory-csv';
import { type ManifestEntry, manifestJson, toManifestEntry } from '../../src/core/export-format/manifest';
import { promptsMarkdown } from '../../src/core/export-format/prompts-md';
import { checkManifest } from '../../src/core/export-format/validate';
import type { ImageRecord } from '../../src/core/types';

const schema = JSON.parse(
  readFileSync(new URL('../../docs/export-format.schema.json', import.meta.url), 'utf8'),
);

function rec(i: number, over: Partial<ImageRecord> = {}): ImageRecord {
  return {
    id: `file_00000000${i}abc`,
    sha256: String(i).padStart(64, 'a'),
    crc32: i,
    bytes: 1000 + i,
    mimeType: 'image/png',
    width: 1024,
    height: 1536,
    prompt: `prompt ${i}`,
    revisedPrompt: `revised ${i}`,
    title: null,
    model: 'gpt-image',
    genId: `gen${i}`,
    parentGenId: null,
    editOp: null,
    seed: null,
    genSize: 'xlimage',
    conversationId: 'c1',
    conversationTitle: 'Cats',
    conversationUrl: 'https://chatgpt.com/c/c1',
    messageId: `m${i}`,
    pageUrl: 'https://chatgpt.com/c/c1',
    createdAt: Date.UTC(2025, 0, 1 + (i >> 1), 10, i),
    capturedAt: Date.UTC(2025, 0, 5),
    favorite: (i % 2) as 0 | 1,
    source: 'capture',
    ...over,
  };
}

const nasty = 'a "quoted", comma\nnew line </script><!-- & \u2028 é 日本 🙂';
const records = [
  rec(0),
  rec(1, { title: nasty, prompt: nasty, revisedPrompt: '=HYPERLINK("http://evil")' }),
  rec(2, { prompt: '', revisedPrompt: '' }),
];
const entries = records.map((r, i) =>
  toManifestEntry(r, `images/f${i}.png`, i === 1 ? 'images-with-prompts/f1.png' : undefined),
);

/** Assembles a streamed file the way the export does: head, entries, tail. */
const stream = (head: string, entry: (e: ManifestEntry, i: number) => string, tail: string) =>
  head + entries.map(entry).join('') + tail;

describe('manifest.json', () => {
  const text = stream(
    manifestJson.head(Date.UTC(2025, 1, 1)),
    manifestJson.entry,
    manifestJson.tail(entries.length),
  );
  const json = JSON.parse(text);

  it('is valid JSON matching the published schema and our checker', () => {
    const validate = new Ajv({ allErrors: true, validateFormats: false }).compile(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(checkManifest(json)).toEqual({ ok: true, entries: json.images });
    expect(json.images[1].prompt).toBe(nasty);
    expect(json.count).toBe(3);
  });

  it('is valid when empty', () => {
    const empty = JSON.parse(manifestJson.head(0) + manifestJson.tail(0));
    expect(empty.images).toEqual([]);
    expect(checkManifest(empty).ok).toBe(true);
  });

  it('explains a manifest of another version or format', () => {
    const newer = checkManifest({ ...json, version: 2 });
    expect(newer.ok ? '' : newer.reason).toMatch(/newer Image Vault.*version 2/);
    const other = checkManifest({ ...json, format: 'something' });
    expect(other.ok ? '' : other.reason).toMatch(/not describe an Image Vault archive/);
  });

  it('names the malformed entries', () => {
    const bad = structuredClone(json);
    bad.images[2].sha256 = 'nope';
    bad.images[0].file = '../../evil.png';
    const r = checkManifest(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.entryProblems.map((p) => p.index)).toEqual([0, 2]);
  });
});

describe('inventory.csv', { timeout: 30_000 }, () => {
  const csv = inventoryCsv.head() + entries.map((e) => inventoryCsv.entry(e)).join('');
  const script =
    'import csv,io,json,sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))';
  const rows: string[][] = JSON.parse(
    execFileSync('python3', ['-c', script], { input: csv.replace(/^\uFEFF/, '') }).toString(),
  );

  it('parses as RFC 4180 with a header and one row per image', () => {
    expect(rows.length).toBe(1 + entries.length);
    expect(rows[0]![0]).toBe('Date (UTC)');
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
    expect(rows[2]![2]).toBe(nasty);
    expect(rows[1]![4]).toBe('images/f0.png');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n').length).toBeGreaterThan(entries.length);
  });

  it('defuses spreadsheet formulas', () => {
    expect(rows[2]![3]).toBe(`'=HYPERLINK("http://evil")`);
  });
});

describe('index.html', () => {
  const html = stream(indexHtml.head('2025-02-01T00:00:00.000Z', 3), indexHtml.entry, indexHtml.tail());

  it('embeds the data so that no prompt can end the script early', () => {
    const open = '<script type="application/json" id="vault-data">';
    const start = html.indexOf(open) + open.length;
    const data = html.slice(start, html.indexOf('</script>', start));
    expect(JSON.parse(data)).toEqual(entries.map(viewerItem));
    expect(jsonForScript(nasty)).not.toMatch(/[<>&\u2028]/);
    expect(html.match(/<script/g)?.length).toBe(2);
  });

  it('loads nothing from the network', () => {
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/src="https?:|href="https?:|@import|url\(/);
  });
});

describe('prompts.md', () => {
  const md = stream(
    promptsMarkdown.head('2025-02-01T00:00:00.000Z', 3),
    (e, i) => promptsMarkdown.entry(e, entries[i - 1] ?? null),
    '',
  );

  it('groups images by day, oldest first, with both prompts quoted', () => {
    expect(md.match(/^## \d{4}-\d\d-\d\d$/gm)).toEqual(['## 2025-01-01', '## 2025-01-02']);
    expect(md).toContain('> prompt 0');
    expect(md).toContain('**Revised prompt**');
    expect(md).toContain('> a "quoted", comma\n> new line \\</script\\>');
    expect(md).toContain('![prompt 0](images/f0.png)');
  });
});
