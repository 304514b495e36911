/**
 * Checks a parsed manifest.json before anything is imported. Hand-written rather than a
 * schema engine: the extension's CSP forbids the code generation Ajv relies on, and the
 * messages here speak to users. docs/export-format.schema.json states the same rules
 * (the tests check both agree on real exports).
 */
import { MODEL_FAMILIES } from '../types';
import { unsafeNameReason } from '../zip/names';
import { MANIFEST_FORMAT, MANIFEST_VERSION, type ManifestEntry } from './manifest';

export type ManifestCheck =
  | { ok: true; entries: ManifestEntry[] }
  | { ok: false; reason: string; entryProblems: { index: number; id: string; problem: string }[] };

const MODELS = new Set<string>(MODEL_FAMILIES);
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNullableStr = (v: unknown) => v === null || isStr(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isIso = (v: unknown) => isStr(v) && !Number.isNaN(Date.parse(v));

const STRINGS = [
  'id',
  'mimeType',
  'prompt',
  'revisedPrompt',
  'conversationId',
  'conversationTitle',
  'conversationUrl',
  'messageId',
] as const;
const NULLABLE = ['title', 'genId', 'parentGenId', 'editOp', 'genSize'] as const;

/** What is wrong with one entry, or null. */
function entryProblem(e: unknown): string | null {
  if (!isObj(e)) return 'is not an object';
  for (const k of STRINGS) if (!isStr(e[k])) return `"${k}" is not text`;
  for (const k of NULLABLE) if (!isNullableStr(e[k])) return `"${k}" is neither text nor null`;
  if (e.noImage !== undefined) {
    const p = noImageProblem(e);
    if (p) return p;
  } else {
    if (!isStr(e.file) || !e.file.startsWith('images/') || unsafeNameReason(e.file))
      return '"file" is not a path under images/';
    if (!isStr(e.sha256) || !/^[0-9a-fA-F]{64}$/.test(e.sha256)) return '"sha256" is not a SHA-256 in hex';
  }
  for (const k of ['bytes', 'width', 'height'] as const)
    if (!isCount(e[k])) return `"${k}" is not a whole number`;
  if (!isStr(e.model) || !MODELS.has(e.model)) return `"model" is not one of ${[...MODELS].join(', ')}`;
  if (!(e.seed === null || Number.isSafeInteger(e.seed))) return '"seed" is neither a whole number nor null';
  if (!isIso(e.createdAt) || !isIso(e.capturedAt)) return '"createdAt"/"capturedAt" are not ISO 8601 times';
  if (typeof e.favorite !== 'boolean') return '"favorite" is not true/false';
  if (e.pageUrl !== undefined && !isStr(e.pageUrl)) return '"pageUrl" is not text';
  return null;
}

/**
 * A `noImage` entry (a prompt-only record, issue 10) holds no file: `file` null, no
 * embedded copy, no hash, 0 bytes; `linkExpiresAt`, when given, an ISO 8601 time.
 */
function noImageProblem(e: Record<string, unknown>): string | null {
  if (e.noImage !== true) return '"noImage" is not true';
  if (e.file !== null) return 'has "noImage" but its "file" is not null';
  if (e.embeddedCopy !== undefined) return 'has "noImage" but names an embedded copy';
  if (e.sha256 !== '') return 'has "noImage" but a "sha256"';
  if (e.bytes !== 0) return 'has "noImage" but "bytes" is not 0';
  if (e.linkExpiresAt !== undefined && e.linkExpiresAt !== null && !isIso(e.linkExpiresAt))
    return '"linkExpiresAt" is not an ISO 8601 time';
  return null;
}

/** Checks a parsed manifest.json: format, version, count, and every entry. */
export function checkManifest(json: unknown): ManifestCheck {
  const fail = (reason: string) => ({ ok: false as const, reason, entryProblems: [] });
  if (!isObj(json) || json.format !== MANIFEST_FORMAT)
    return fail('manifest.json does not describe an Image Vault archive ("format" is not "image-vault").');
  if (json.version !== MANIFEST_VERSION) {
    const v = json.version;
    return fail(
      typeof v === 'number' && v > MANIFEST_VERSION
        ? `This archive was made by a newer Image Vault (format version ${v}); this one reads version ${MANIFEST_VERSION}. Update the extension and try again.`
        : `manifest.json has an unknown format version (${JSON.stringify(v)}); this Image Vault reads version ${MANIFEST_VERSION}.`,
    );
  }
  if (!Array.isArray(json.images)) return fail('manifest.json has no "images" list.');
  if (json.count !== json.images.length)
    return fail(`manifest.json says it lists ${String(json.count)} images but lists ${json.images.length}.`);
  const entryProblems: { index: number; id: string; problem: string }[] = [];
  json.images.forEach((e: unknown, index) => {
    const problem = entryProblem(e);
    if (problem) entryProblems.push({ index, id: isObj(e) && isStr(e.id) ? e.id : `#${index + 1}`, problem });
  });
  if (entryProblems.length)
    return { ok: false, reason: `${entryProblems.length} manifest entries are malformed.`, entryProblems };
  return { ok: true, entries: json.images as ManifestEntry[] };
}
