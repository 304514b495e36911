/**
 * The store packages: every locale has the same messages, every `__MSG_…__` the manifest
 * names exists in each, the store limits on name and description hold, and the packaging
 * zip helper writes an archive other tools read, sorted and with fixed timestamps.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { readLocales } from '../../scripts/locales.mjs';
import { zipDirectory, zipFiles } from '../../scripts/zip-files.mjs';
import { ZipArchive } from '../../src/core/zip/reader';
import { blobSource } from '../../src/core/zip/source';

// The built `_locales/<lang>/messages.json` are these, merged (scripts/locales.mjs, vite.config.ts).
const all = readLocales();
const read = (locale: string) => all[locale] ?? {};
const locales = Object.keys(all).sort();
const referenced = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] as string);

describe('locales', () => {
  it('are English (the default) and German', () => {
    expect(locales).toEqual(['de', 'en']);
    expect(manifest.default_locale).toBe('en');
  });

  it('the manifest names, short name, description and button title through messages', () => {
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.short_name).toBe('__MSG_extShortName__');
    expect(manifest.description).toBe('__MSG_extDescription__');
    expect(manifest.action.default_title).toBe('__MSG_extActionTitle__');
  });

  it.each(locales)('%s has exactly the keys of en, each a non-empty message', (locale) => {
    const messages = read(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(read('en')).sort());
    for (const [key, value] of Object.entries(messages)) expect(value.message.trim(), key).not.toBe('');
  });

  it.each(locales)('%s has every message the manifest names, within the stores’ limits', (locale) => {
    const messages = read(locale);
    for (const key of referenced) expect(messages[key], `${locale}: ${key}`).toBeDefined();
    // Chrome Web Store: name ≤ 75, short_name ≤ 12 (shown whole), description ≤ 132 characters.
    expect(messages.extName?.message.length).toBeLessThanOrEqual(75);
    expect(messages.extShortName?.message.length).toBeLessThanOrEqual(12);
    expect(messages.extDescription?.message.length).toBeLessThanOrEqual(132);
  });

  it('German is a translation, not a copy of the English description', () => {
    expect(read('de').extDescription?.message).not.toBe(read('en').extDescription?.message);
    expect(read('de').extName?.message).toBe('Image Vault für ChatGPT');
  });
});

describe('the packaging zip helper', () => {
  const dir = mkdtempSync(join(tmpdir(), 'store-package-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files: Record<string, string> = {
    'manifest.json': '{"manifest_version":3}',
    'b/z.js': 'z'.repeat(5000),
    'a.txt': 'ä – non-ASCII text',
    '_locales/en/messages.json': '{}',
    'B.css': 'upper case sorts before lower case',
  };
  const expectedNames = ['B.css', '_locales/en/messages.json', 'a.txt', 'b/z.js', 'manifest.json'];

  it('writes a directory as sorted entries with fixed timestamps that Python’s zipfile reads back', async () => {
    const src = join(dir, 'src');
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(src, name, '..'), { recursive: true });
      writeFileSync(join(src, name), text);
    }
    const bytes = await zipDirectory(src);
    const path = join(dir, 'out.zip');
    writeFileSync(path, bytes);
    const report = execFileSync(
      'python3',
      [
        '-c',
        `import json,sys,zipfile
z=zipfile.ZipFile(sys.argv[1])
bad=z.testzip()
print(json.dumps({"bad":bad,"names":z.namelist(),"dates":sorted({str(i.date_time) for i in z.infolist()}),
  "files":{n:z.read(n).decode("utf-8") for n in z.namelist()}}))`,
        path,
      ],
      { encoding: 'utf8' },
    );
    const parsed = JSON.parse(report);
    expect(parsed.bad).toBeNull();
    expect(parsed.names).toEqual(expectedNames);
    expect(parsed.dates).toEqual(['(2000, 1, 1, 0, 0, 0)']);
    expect(parsed.files).toEqual(files);
  });

  it('gives the same bytes for the same files in any order, readable by the vault’s own reader', async () => {
    const entries = Object.entries(files).map(([name, data]) => ({ name, data }));
    const a = await zipFiles(entries);
    const b = await zipFiles([...entries].reverse());
    expect(Buffer.compare(a, b)).toBe(0);
    const archive = await ZipArchive.open(blobSource(new Blob([new Uint8Array(a)])));
    expect(archive.entries.map((e) => e.name)).toEqual(expectedNames);
    const z = archive.entries.find((e) => e.name === 'b/z.js');
    expect(new TextDecoder().decode(await archive.bytes(z!))).toBe(files['b/z.js']);
  });

  it('refuses names a store would reject, and duplicates', async () => {
    await expect(zipFiles([{ name: '../x', data: 'x' }])).rejects.toThrow(/unsafe file name/);
    await expect(zipFiles([{ name: '/x', data: 'x' }])).rejects.toThrow(/unsafe file name/);
    await expect(
      zipFiles([
        { name: 'x', data: '1' },
        { name: 'x', data: '2' },
      ]),
    ).rejects.toThrow(/listed twice/);
  });
});
