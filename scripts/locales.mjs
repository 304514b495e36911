/**
 * The UI's messages (issue 13 §9): `src/locales/<lang>/<area>.json`, one file per part of the
 * UI so that parts change without touching each other, merged into the browser's
 * `_locales/<lang>/messages.json` at build (vite.config.ts). Each area file has Chrome's
 * shape: `{ "key": { "message": "…", "description": "…" } }`.
 *
 * `readLocales` refuses, naming the file and key: a key defined twice, a key that is not
 * [A-Za-z0-9_], a `$` in a message (variables are `{name}`, filled by platform/i18n.ts), a
 * language missing a key English has (or having one English lacks), and a translation whose
 * `{variables}` differ from English.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCALES_DIR = new URL('../src/locales/', import.meta.url);
export const DEFAULT_LOCALE = 'en';

const vars = (m) =>
  [...m.matchAll(/\{(\w+)\}/g)]
    .map((x) => x[1])
    .sort()
    .join(',');

/** { lang: { key: { message, description? } } }, checked; throws with every problem found. */
export function readLocales(dir = LOCALES_DIR) {
  const problems = [];
  const out = {};
  const root = dir instanceof URL ? dir.pathname : dir;
  for (const lang of readdirSync(root).sort()) {
    const merged = {};
    for (const file of readdirSync(join(root, lang))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      let data;
      try {
        data = JSON.parse(readFileSync(join(root, lang, file), 'utf8'));
      } catch (err) {
        problems.push(`${lang}/${file}: not JSON (${err.message})`);
        continue;
      }
      for (const [key, value] of Object.entries(data)) {
        const where = `${lang}/${file}: ${key}`;
        if (!/^[A-Za-z0-9_]+$/.test(key)) problems.push(`${where}: keys are letters, digits and _ only`);
        if (key in merged) {
          problems.push(`${where}: defined twice`);
          continue;
        }
        if (typeof value?.message !== 'string' || !value.message.trim())
          problems.push(`${where}: no message`);
        else if (value.message.includes('$')) problems.push(`${where}: "$" is not allowed; use {name}`);
        merged[key] = value;
      }
    }
    out[lang] = merged;
  }
  const en = out[DEFAULT_LOCALE];
  if (!en) problems.push(`no ${DEFAULT_LOCALE} locale`);
  else {
    for (const [lang, messages] of Object.entries(out)) {
      if (lang === DEFAULT_LOCALE) continue;
      for (const key of Object.keys(en)) {
        if (!(key in messages)) problems.push(`${lang}: missing ${key}`);
        else if (vars(messages[key].message) !== vars(en[key].message))
          problems.push(
            `${lang}: ${key} has variables {${vars(messages[key].message)}}, English {${vars(en[key].message)}}`,
          );
      }
      for (const key of Object.keys(messages))
        if (!(key in en)) problems.push(`${lang}: ${key} is not in English`);
    }
  }
  if (problems.length) throw new Error(`UI messages:\n  ${problems.join('\n  ')}`);
  return out;
}

/** Plain { key: message } for one language (unit tests' fallback). */
export function flatMessages(lang = DEFAULT_LOCALE, dir = LOCALES_DIR) {
  return Object.fromEntries(Object.entries(readLocales(dir)[lang]).map(([k, v]) => [k, v.message]));
}
