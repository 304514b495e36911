/**
 * The list splitter hands out exactly the elements `JSON.parse` of the whole text gives, however
 * the bytes are chunked, and fails exactly where `JSON.parse` would (or where the text is JSON
 * but not a list of conversations).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonListSplitter, JsonSplitError, parseBytes } from '../../src/sites/chatgpt/export/json-split';

const FIXTURES = join(import.meta.dirname, '../fixtures/conversations');
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));

/** The elements, or the failure, of `text` fed `size` bytes at a time. */
function split(text: string | Uint8Array, size: number): unknown[] | 'not-json' | 'not-list' {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const s = new JsonListSplitter();
  const out: unknown[] = [];
  try {
    for (let at = 0; at < bytes.length; at += size)
      for (const el of s.push(bytes.slice(at, at + size))) out.push(parseBytes(el));
    s.end();
    return out;
  } catch (e) {
    if (e instanceof JsonSplitError) return e.kind;
    throw e;
  }
}

/** What the splitter must say of `text`, from `JSON.parse` of the whole of it. */
function expected(text: string): unknown[] | 'not-json' | 'not-list' {
  if (text.trim() === '') return 'not-list';
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return 'not-json';
  }
  if (Array.isArray(v)) return v;
  const list = (v as { conversations?: unknown } | null)?.conversations;
  return Array.isArray(list) && list.length > 0 ? list : 'not-list';
}

describe('JsonListSplitter', () => {
  const all = `[\n${fixtures.join(',\n')}\n]\n`;

  it.each([1, 7, 64 << 10])(
    'gives the conversation fixtures as JSON.parse does, %i bytes a chunk',
    (size) => {
      expect(fixtures.length).toBeGreaterThan(10);
      expect(split(all, size)).toEqual(JSON.parse(all));
    },
  );

  it('takes the wrapped form {"conversations": [...]}, checking and dropping the other members', () => {
    const text = `{"version": [1, {"]": "["}], "conversations": ${all}, "more": "}", "n": null}`;
    for (const size of [1, 7, 64 << 10]) expect(split(text, size)).toEqual(JSON.parse(text).conversations);
  });

  it('finds where strings end, with brackets, quotes and backslashes on every chunk boundary', () => {
    const values = ['a]b', '}', '[', '{', '\\"', '\\', '\\\\', '"', 'x\\', '\\"]', '', '"}]'];
    const text = JSON.stringify([...values, { [values.join('')]: values }, [[values]]]);
    for (let size = 1; size <= 16; size++) expect(split(text, size)).toEqual(JSON.parse(text));
  });

  it('decodes multi-byte UTF-8 split across chunks', () => {
    const text = JSON.stringify(['🖼️ 灯台の水彩', { p: 'café — 🌊🌊', k: '中文' }, '😀']);
    for (const size of [1, 2, 3, 5]) expect(split(text, size)).toEqual(JSON.parse(text));
  });

  it('hands out nested lists and non-object elements as they are', () => {
    const text = ' [[], [[1, [2]], {"a": [[]]}], 1, -2.5e3, "s", true, false, null , {}] ';
    for (const size of [1, 3, 100]) expect(split(text, size)).toEqual(JSON.parse(text));
  });

  it('reads an element of 5 MB spread over many chunks', () => {
    const big = { title: 'big', parts: Array.from({ length: 50 }, (_, i) => `${i}`.repeat(100_000)) };
    const text = JSON.stringify([1, big, 2]);
    expect(text.length).toBeGreaterThan(5e6);
    const got = split(text, 64 << 10);
    expect(got).toEqual([1, big, 2]);
  });

  it('skips a byte-order mark at the start, however it is chunked', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(' [1]')]);
    for (const size of [1, 2, 100]) expect(split(bytes, size)).toEqual([1]);
    expect(split(new Uint8Array([0xef, 0xbb, 0x5b, 0x5d]), 1)).toBe('not-json');
  });

  it('fails on text cut short, at every length', () => {
    const text = JSON.stringify([{ a: 'x"]\\' }, [1, 2], 'end']);
    for (let n = 1; n < text.length; n++) expect(split(text.slice(0, n), 3)).toBe('not-json');
    expect(split(`{"conversations": ${text}`, 5)).toBe('not-json');
  });

  it('fails on what is not JSON, or follows the list', () => {
    for (const text of [
      '<html>',
      '[1] x',
      '[1]]',
      '[1,]',
      '[,1]',
      '[1 2]',
      '[{} {}]',
      '[{"a":1}}]',
      '[tru]',
      '{]',
      '[1]{}',
    ])
      expect(split(text, 2), text).toBe('not-json');
  });

  it('says "not a list" of JSON whose top level is not one', () => {
    for (const text of ['"a"', '42', 'null', 'true', '{}', '{"a": [1]}', '{"conversations": []}', '', ' \n'])
      expect(split(text, 2), text).toBe('not-list');
  });

  it('accepts exactly what JSON.parse of the whole accepts (random damage to valid lists)', () => {
    const bases = [
      '[{"a":"b\\\\"},[[1]],"s\\"]",null,true,-1.5e3]',
      '{"x":[1,{"y":"}"}],"conversations":[{"k":"é😀"}],"z":null}',
      '["\\\\","\\"",{"":[]}]',
    ];
    const bits = ['[', ']', '{', '}', ',', ':', '"', '\\', ' ', '1', 'e', '-', 'n', 'é', '"k"', 'null'];
    let seed = 11;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let k = 0; k < 4000; k++) {
      let text = bases[rnd(bases.length)] as string;
      for (let j = rnd(3); j >= 0; j--) {
        const p = rnd(text.length + 1);
        const op = rnd(3);
        text =
          op === 0
            ? text.slice(0, p) + bits[rnd(bits.length)] + text.slice(p)
            : op === 1
              ? text.slice(0, p) + text.slice(p + 1)
              : text.slice(0, p);
      }
      // Through UTF-8 and back, as the file would be (a cut emoji becomes U+FFFD).
      const sent = new TextDecoder().decode(new TextEncoder().encode(text));
      expect(split(sent, 1 + rnd(4)), sent).toEqual(expected(sent));
    }
  });
});
