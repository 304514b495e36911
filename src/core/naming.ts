/**
 * File names for exported and downloaded images. Deterministic: the same record always
 * gets the same name, so an export run twice produces identical archives.
 */

/**
 * ASCII, lowercase, dash-separated, at most `maxLen` characters; 'image' when nothing is
 * left (e.g. a prompt in a non-Latin script). Accents are dropped, not the letters.
 */
export function slugify(text: string, maxLen = 60): string {
  return slugOrEmpty(text, maxLen) || 'image';
}

function slugOrEmpty(text: string, maxLen: number): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // combining accents left by NFKD: é → e
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLen) return slug;
  let cut = slug.slice(0, Math.max(0, maxLen));
  // Prefer ending on a whole word when one ends in the second half of the budget.
  const lastDash = cut.lastIndexOf('-');
  if (slug[cut.length] !== '-' && lastDash >= maxLen / 2) cut = cut.slice(0, lastDash);
  return cut.replace(/-+$/, '');
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/webp': 'webp',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg', // not a registered type, but servers send it
  'image/gif': 'gif',
};

/** File extension for a MIME type (parameters and case ignored); 'bin' if unknown. */
export function extensionForMime(mime: string): string {
  const base = mime.split(';')[0]?.trim().toLowerCase() ?? '';
  return EXTENSIONS[base] ?? 'bin';
}

/** The fields of an ImageRecord a file name is made of. */
export interface NameSource {
  createdAt: number;
  title: string | null;
  prompt: string;
  revisedPrompt: string;
  id: string;
  mimeType: string;
}

/**
 * `YYYY-MM-DD_<slug>_<short id>.<ext>`: the UTC date sorts files by time, the slug (of the
 * title, else the prompt, else the revised prompt) says what it shows, and the last 8
 * alphanumerics of the file id keep same-day, same-prompt images apart.
 */
export function imageFileName(rec: NameSource): string {
  const when = new Date(rec.createdAt);
  const date = Number.isNaN(when.getTime()) ? '0000-00-00' : when.toISOString().slice(0, 10);
  const slug =
    [rec.title ?? '', rec.prompt, rec.revisedPrompt].map((t) => slugOrEmpty(t, 60)).find(Boolean) ?? 'image';
  const shortId = rec.id.replace(/[^A-Za-z0-9]/g, '').slice(-8) || 'noid';
  return `${date}_${slug}_${shortId}.${extensionForMime(rec.mimeType)}`;
}
