/**
 * Entry names that could escape the folder they are extracted into, or mean different
 * things on different systems, are refused outright (the "zip slip" family). Image Vault
 * never extracts to disk, but a hostile archive is a hostile archive: saying so clearly
 * beats silently skipping its entries.
 */

/** Why `name` is unsafe, or null when it is an ordinary relative path. */
export function unsafeNameReason(name: string): string | null {
  if (name.length === 0) return 'an empty name';
  if (name.length > 1024) return 'a name longer than 1024 characters';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'a control character in its name';
  if (name.includes('\\')) return 'a backslash in its name';
  if (name.startsWith('/')) return 'an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'a drive letter';
  const parts = name.split('/');
  if (parts.some((p) => p === '..')) return 'a ".." path segment';
  if (parts.slice(0, -1).some((p) => p === '' || p === '.')) return 'an empty or "." path segment';
  return null;
}
