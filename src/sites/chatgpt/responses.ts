/**
 * Plain words for answers that are not the image asked for (docs/chatgpt.md §Image bytes:
 * a server can answer 200 with a web page, and links expire). Pure: the caller fetches,
 * this only says what was wrong, in terms a user can act on.
 */

/** What people call each raster type. */
const NAMES: Readonly<Record<string, string>> = {
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
};

/** The start of a body as text, lower-cased, leading BOM, blanks and comments dropped. */
function head(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes.subarray(0, 1024)) text += String.fromCharCode(b);
  return text
    .replace(/^(?:\u00ef\u00bb\u00bf|\ufeff)/, '')
    .replace(/^(?:\s|<!--[\s\S]*?-->)+/, '')
    .toLowerCase();
}

const SVG = /^(?:<\?xml[^>]*>\s*(?:<!--[\s\S]*?-->\s*)*)?(?:<!doctype svg[^>]*>\s*)?<svg[\s>/]/;
const HTML = /^(?:<\?xml[^>]*>\s*)?<(?:!doctype html|html|head|body|meta|title|script|h1|div|p)[\s>/]/;

/**
 * Why an answer with these bytes and this Content-Type is not a raster image, in plain words:
 * "the server sent an SVG drawing, not the PNG/WebP image", "the server sent a web page
 * (HTML), not an image", "the server said image/png but the bytes are not a PNG", …
 */
export function describeNotAnImage(contentType: string | null, bytes: Uint8Array): string {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() || null;
  const start = head(bytes);
  if (bytes.length === 0) return 'the server sent an empty answer, not an image';
  if (type?.startsWith('image/svg') || SVG.test(start))
    return 'the server sent an SVG drawing, not the PNG/WebP image';
  if (HTML.test(start) || type === 'text/html' || type === 'application/xhtml+xml') {
    return type?.startsWith('image/')
      ? `the server said ${type} but sent a web page (HTML), not an image`
      : 'the server sent a web page (HTML), not an image';
  }
  if (type !== null && /^image\/[a-z0-9.+-]+$/.test(type))
    return `the server said ${type} but the bytes are not a ${NAMES[type] ?? 'picture of that type'}`;
  if (type === 'application/json' || /^[{[]/.test(start))
    return 'the server sent an error message (JSON), not an image';
  if (type === null) return 'the server sent something without a content type, and it is not an image';
  return `the server sent ${type}, not an image`;
}

/**
 * Why an image link was refused (HTTP 403/404/410), from what is known: the `se=` expiry of
 * a signed link (epoch ms, or null), the start of the error body, the status.
 */
export function describeDeadLink(status: number, body: string, expiry: number | null, now: number): string {
  if (expiry !== null && expiry < now)
    return `the image link expired on ${new Date(expiry).toISOString().slice(0, 10)}`;
  if (/expir/i.test(body)) return 'the image link has expired';
  if (/access denied/i.test(body))
    return 'ChatGPT refused Image Vault access to the image (“File stream access denied”)';
  return `the image link no longer works (HTTP ${status})`;
}
