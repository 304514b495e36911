/**
 * Which file id an export's file holds, from its name alone (docs/chatgpt.md §Official export):
 * v1 `dalle-generations/file-{id}-{uuid}.webp`, `user-{uid}/file_{hex}-{uuid}.png`, uploads
 * at the root as `file-{id}-{name}`; v2 `file-{id}.dat` / `file_{hex}.dat`.
 */
import { isFileId } from '../ids';

/**
 * The id part ends at the first `-` or `.` after the prefix: `file-` ids are base62 and
 * `file_` ids hex, so neither holds one; what follows is the uuid, the upload's own name or
 * the extension.
 */
const LEADING_ID = /^(file[-_][A-Za-z0-9]+)(?=[-.]|$)/;

/** The last path segment of a ZIP entry name. */
export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** The file id an export file's name starts with (any folder), or null. */
export function fileIdOfAssetName(path: string): string | null {
  const id = LEADING_ID.exec(baseName(path))?.[1] ?? null;
  return isFileId(id) ? id : null;
}

/** True for a v2 byte file (`file-{id}.dat`), whose type only its magic bytes can tell. */
export const isDatName = (path: string): boolean => /\.dat$/i.test(path);
