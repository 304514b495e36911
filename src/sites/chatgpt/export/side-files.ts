/**
 * The small JSON files beside a v2 export's conversations (docs/chatgpt.md §Official export):
 * `conversation_asset_file_names.json` (`"file-{id}.dat"` → original name) and
 * `library_files.json` (`file_id`, `file_name`, …). They are read whole, so only under a size
 * cap; a damaged one costs a note, never the import: the `.dat` names carry the ids anyway.
 */

import { ZipError } from '../../../core/zip/errors';
import type { ZipArchive, ZipEntry } from '../../../core/zip/reader';
import { ImportError } from '../../../export/import-verify';
import { isFileId } from '../ids';
import { baseName, fileIdOfAssetName } from './asset-names';

/** Real side files are a few megabytes; a bigger one is hostile or not what it claims. */
export const MAX_SIDE_FILE_BYTES = 64 * 2 ** 20;

/** The parsed JSON of a side file, or undefined (with a note) when it is not JSON. */
export async function readSideFile(zip: ZipArchive, entry: ZipEntry, notes: string[]): Promise<unknown> {
  const name = baseName(entry.name);
  if (entry.size > MAX_SIDE_FILE_BYTES)
    throw new ImportError(
      `${name} claims ${Math.round(entry.size / 2 ** 20)} MB, far more than a real export's; the archive was refused.`,
    );
  try {
    return JSON.parse(new TextDecoder().decode(await zip.bytes(entry)));
  } catch (e) {
    if (e instanceof ZipError) throw e;
    notes.push(`${name} is not valid JSON; images were matched by their file names alone.`);
    return undefined;
  }
}

/** File ids the name map lists (`"file-{id}.dat"` keys; else an id in the original name). */
export function idsOfNameMap(json: unknown, notes: string[]): string[] {
  if (json === undefined) return [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    notes.push(
      'conversation_asset_file_names.json is not a map of file names; images were matched by their file names alone.',
    );
    return [];
  }
  const ids: string[] = [];
  for (const [key, original] of Object.entries(json)) {
    const id = fileIdOfAssetName(key) ?? (typeof original === 'string' ? fileIdOfAssetName(original) : null);
    if (id) ids.push(id);
  }
  return ids;
}

/** File ids `library_files.json` lists (a list of `{ file_id, … }`). */
export function idsOfLibraryFiles(json: unknown, notes: string[]): string[] {
  if (json === undefined) return [];
  if (!Array.isArray(json)) {
    notes.push('library_files.json is not a list of files; it was ignored.');
    return [];
  }
  const ids: string[] = [];
  for (const item of json) {
    const id = typeof item === 'object' && item !== null ? (item as { file_id?: unknown }).file_id : null;
    if (isFileId(id)) ids.push(id);
  }
  return ids;
}
