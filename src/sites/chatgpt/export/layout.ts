/**
 * Where things are in ChatGPT's data export (docs/chatgpt.md §Official export): which files
 * hold the conversations, and which ZIP entry holds the bytes of each file id.
 *
 * v1: `conversations.json`; images in `dalle-generations/`, `user-{uid}/` and at the root.
 * v2: `export_manifest.json`, shards `conversations-000.json`…, bytes as `file-{id}.dat`,
 * `conversation_asset_file_names.json` and `library_files.json` naming them.
 * Either may sit inside one top folder (an unzipped export zipped again).
 */
import type { ZipArchive, ZipEntry } from '../../../core/zip/reader';
import { ImportError } from '../../../export/import-verify';
import { fileIdOfAssetName, isDatName } from './asset-names';
import { idsOfLibraryFiles, idsOfNameMap, readSideFile } from './side-files';

export type ExportKind = 'v1' | 'v2' | 'json';

/** One file of conversations, opened as a byte stream when read. */
export interface ConversationFile {
  name: string;
  size: number;
  open(): ReadableStream<Uint8Array>;
}

/** What an export holds and where, before any conversation is read. */
export interface ExportLayout {
  kind: ExportKind;
  /** Entries (or, for 'json', the one File) holding conversations, in shard order. */
  conversationFiles: ConversationFile[];
  /** file id → the ZIP entry holding its bytes (v1 names, v2 `.dat` through the name map). */
  assets: Map<string, ZipEntry>;
  /** v2: ids the name map / library_files.json list whose `.dat` is not in the ZIP. */
  missingAssets: Set<string>;
  /** Plain-words notes about the layout (e.g. "3 files named in the export are missing from the ZIP"). */
  notes: string[];
}

const V1_FILE = 'conversations.json';
const MANIFEST = 'export_manifest.json';
const NAME_MAP = 'conversation_asset_file_names.json';
const LIBRARY = 'library_files.json';
const SHARD = /^conversations-(\d+)\.json$/;
const MARKER = /^(?:[^/]+\/)?(?:conversations\.json|export_manifest\.json|conversations-\d+\.json)$/;

/** The folder the export's files sit in: '' (root), `folder/`, or null when not an export. */
function exportPrefix(zip: ZipArchive): string | null {
  const prefixes = new Set<string>();
  for (const e of zip.entries)
    if (MARKER.test(e.name))
      prefixes.add(e.name.includes('/') ? e.name.slice(0, e.name.indexOf('/') + 1) : '');
  if (prefixes.has('')) return '';
  return prefixes.size === 1 ? ([...prefixes][0] ?? null) : null;
}

/** True when the ZIP's entry names look like ChatGPT's export (v1 or v2), not Image Vault's archive. */
export function looksLikeChatGptExport(zip: ZipArchive): boolean {
  return exportPrefix(zip) !== null;
}

/** Reads the layout; throws ImportError with a plain message when unusable. */
export async function readExportLayout(zip: ZipArchive): Promise<ExportLayout> {
  const prefix = exportPrefix(zip);
  if (prefix === null)
    throw new ImportError(
      "This ZIP is not ChatGPT's data export: it has no conversations.json or conversations-000.json.",
    );
  const notes: string[] = [];
  const inExport = zip.entries.filter((e) => e.name.startsWith(prefix) && !e.isDirectory);
  const local = (e: ZipEntry) => e.name.slice(prefix.length);
  const shards = inExport
    .map((e) => ({ e, n: SHARD.exec(local(e))?.[1] }))
    .filter((s): s is { e: ZipEntry; n: string } => s.n !== undefined)
    .sort((a, b) => Number(a.n) - Number(b.n));
  const v1 = zip.get(`${prefix}${V1_FILE}`);
  const manifest = zip.get(`${prefix}${MANIFEST}`);
  const kind = shards.length > 0 || manifest ? 'v2' : 'v1';
  const files = shards.length > 0 ? shards.map((s) => s.e) : v1 ? [v1] : [];
  if (files.length === 0)
    throw new ImportError(
      "This looks like ChatGPT's data export, but it holds no conversations (no conversations.json or conversations-000.json).",
    );
  if (shards.length > 0 && v1)
    notes.push('The export has both conversations.json and shards; the shards were read.');
  const gap = shards.findIndex((s, i) => Number(s.n) !== i);
  if (gap >= 0)
    notes.push(
      `conversations-${String(gap).padStart(3, '0')}.json is missing from the ZIP; the export may be truncated.`,
    );
  if (manifest) await readSideFile(zip, manifest, notes); // read only to vet its size and JSON

  const assets = new Map<string, ZipEntry>();
  for (const e of inExport) {
    const id = fileIdOfAssetName(local(e));
    // A `.dat` is v2's byte file; elsewhere, first sighting wins (an id has one file).
    if (id && (!assets.has(id) || isDatName(e.name))) assets.set(id, e);
  }
  const missingAssets = new Set<string>();
  if (kind === 'v2') {
    const listed = [
      ...idsOfNameMap(await side(zip, `${prefix}${NAME_MAP}`, notes), notes),
      ...idsOfLibraryFiles(await side(zip, `${prefix}${LIBRARY}`, notes), notes),
    ];
    for (const id of listed) if (!assets.has(id)) missingAssets.add(id);
    if (missingAssets.size > 0)
      notes.push(
        `${missingAssets.size} ${missingAssets.size === 1 ? 'file' : 'files'} named in the export ${missingAssets.size === 1 ? 'is' : 'are'} missing from the ZIP; the export may be truncated, or ChatGPT left out expired files.`,
      );
  }
  return {
    kind,
    conversationFiles: files.map((e) => ({ name: local(e), size: e.size, open: () => zip.stream(e) })),
    assets,
    missingAssets,
    notes,
  };
}

async function side(zip: ZipArchive, name: string, notes: string[]): Promise<unknown> {
  const entry = zip.get(name);
  return entry ? readSideFile(zip, entry, notes) : undefined;
}

/** The layout of a bare `conversations.json` given on its own (no images). */
export function jsonFileLayout(file: File): ExportLayout {
  return {
    kind: 'json',
    conversationFiles: [{ name: file.name, size: file.size, open: () => file.stream() }],
    assets: new Map(),
    missingAssets: new Set(),
    notes: [
      `Only ${file.name} was given, without the images of the export: import the whole ZIP to bring in the images it still carries.`,
    ],
  };
}
