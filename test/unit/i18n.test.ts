/**
 * UI strings (issue 13 §9): the area files merge into one message set per language with the
 * same keys and variables, every `t('…')`/`tn('…')`/`data-i18n…="…"` in the source names a
 * message that exists, and `t`/`tn` fill variables and pick plural forms.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { flatMessages, readLocales } from '../../scripts/locales.mjs';
import { formatNumber, t, tn, useMessages } from '../../src/platform/i18n';

const SRC = join(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|html)$/.test(name) ? [p] : [];
  });
}

describe('the message files', () => {
  it('merge for English and German with the same keys', () => {
    const all = readLocales();
    expect(Object.keys(all).sort()).toEqual(['de', 'en']);
    expect(Object.keys(all.de ?? {}).sort()).toEqual(Object.keys(all.en ?? {}).sort());
  });

  it('every key the source names exists in English (plural keys as key_one and key_other)', () => {
    const en = flatMessages('en');
    const missing: string[] = [];
    for (const file of files(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g))
        if (!(m[1]! in en)) missing.push(`${file}: ${m[1]}`);
      for (const m of text.matchAll(/\btn\(\s*'([A-Za-z0-9_]+)'/g))
        for (const form of ['one', 'other'])
          if (!(`${m[1]}_${form}` in en)) missing.push(`${file}: ${m[1]}_${form}`);
      for (const m of text.matchAll(/data-i18n(?:-[a-z-]+)?="([A-Za-z0-9_]+)"/g))
        if (!(m[1]! in en)) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('readLocales refuses broken message files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'locales-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (lang: string, file: string, data: unknown) => {
    mkdirSync(join(dir, lang), { recursive: true });
    writeFileSync(join(dir, lang, file), JSON.stringify(data));
  };

  it('names a duplicate key, a missing translation, a $ and differing variables', () => {
    write('en', 'a.json', { a_x: { message: 'Saved {count}' }, a_y: { message: 'Cost $1' } });
    write('en', 'b.json', { a_x: { message: 'again' } });
    write('de', 'a.json', { a_x: { message: 'Gespeichert {anzahl}' } });
    expect(() => readLocales(dir)).toThrowError(
      /"\$" is not allowed[\s\S]*defined twice[\s\S]*de: a_x has variables \{anzahl\}, English \{count\}[\s\S]*de: missing a_y/,
    );
  });
});

describe('t and tn', () => {
  useMessages({
    test_hello: 'Hello, {name}',
    test_images_one: '{count} image',
    test_images_other: '{count} images',
  });
  afterAll(() => useMessages(flatMessages('en')));

  it('fill variables and pick the plural form, numbers with separators', () => {
    expect(formatNumber(20000)).toBe((20000).toLocaleString());
    expect(t('test_hello', { name: 'Ada' })).toBe('Hello, Ada');
    expect(tn('test_images', 1)).toBe('1 image');
    expect(tn('test_images', 20000)).toBe(`${(20000).toLocaleString()} images`);
  });

  it('a missing key shows the key itself (and warns once), never an empty string', () => {
    expect(t('test_no_such_key')).toBe('test_no_such_key');
  });
});
