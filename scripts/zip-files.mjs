// Deterministic ZIP for the store packages: the same files give the same bytes, so a
// reviewer (AMO rebuilds from the source bundle) can compare archives by hash.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import JSZip from 'jszip';

/** Every entry's timestamp: a fixed date instead of the files' mtimes (DOS dates start in 1980). */
export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/**
 * Every regular file under `dir`, as forward-slash paths relative to it, sorted by code unit
 * (not locale) so the order never depends on the machine.
 */
export async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort(compareNames);
}

/** Code-unit order, the same on every machine and locale. */
export function compareNames(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Zips `files` ({name, data}) into one Buffer: entries sorted by name, fixed timestamps,
 * no directory entries, DEFLATE. Refuses duplicate, absolute or `..` names rather than
 * writing an archive a store would reject.
 */
export async function zipFiles(files) {
  const zip = new JSZip();
  const sorted = [...files].sort((a, b) => compareNames(a.name, b.name));
  for (let i = 0; i < sorted.length; i++) {
    const { name, data } = sorted[i];
    if (!name || name.startsWith('/') || name.split('/').includes('..') || name.includes('\\')) {
      throw new Error(`Refusing to zip an unsafe file name: "${name}"`);
    }
    if (i > 0 && sorted[i - 1].name === name) throw new Error(`The file "${name}" is listed twice.`);
    zip.file(name, data, { date: FIXED_DATE, createFolders: false });
  }
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'DOS',
  });
}

/** Zips every file under `dir` (paths relative to it) with {@link zipFiles}. */
export async function zipDirectory(dir) {
  const names = await listFiles(dir);
  const files = await Promise.all(
    names.map(async (name) => ({ name, data: await readFile(join(dir, name)) })),
  );
  return zipFiles(files);
}
