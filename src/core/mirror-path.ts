/**
 * Where the disk mirror (issue 12 §1) writes an image: a pattern such as
 * `Image Vault/{yyyy}-{mm}/{conversation}/{title}_{fileid}.{ext}` filled from the record and
 * made safe on Windows, macOS and Linux, and for Chromium's `downloads` API, which refuses a
 * path with any component it deems unsafe (net::IsSafePortableRelativePath: no `"~*:<>?\|`,
 * no control or format characters, no leading/trailing dot or space, no reserved names).
 * Stable: the same record and pattern always give the same path. Dates are in UTC, so a
 * record gets the same folder on every machine whatever its time zone.
 */
import { extensionForMime } from './naming';

/** The record fields a mirror path is made of. */
export interface MirrorPathSource {
  id: string;
  createdAt: number;
  capturedAt: number;
  title: string | null;
  prompt: string;
  conversationTitle: string;
  mimeType: string;
}

/** A folder or file name at most this many UTF-8 bytes (Linux allows 255; sync tools less). */
export const SEGMENT_MAX_BYTES = 100;
/** The whole relative path at most this many UTF-16 units (Windows' 260 minus a Downloads folder). */
export const PATH_MAX_UNITS = 200;
/** Token values (title, conversation) at most this many UTF-8 bytes before they join a segment. */
const TOKEN_MAX_BYTES = 60;

const encoder = new TextEncoder();
const utf8Length = (s: string) => encoder.encode(s).length;

/** Cuts `s` to at most `max` UTF-8 bytes, on a code point boundary (an emoji is never split). */
export function cutUtf8(s: string, max: number): string {
  if (utf8Length(s) <= max) return s;
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = utf8Length(ch);
    if (used + n > max) break;
    out += ch;
    used += n;
  }
  return out;
}

// Illegal on Windows, or refused by Chromium's downloads API: `~` and every control (Cc) or
// format (Cf) character, which includes the RTL marks U+200E/U+200F/U+202A–U+202E and U+2066–9.
const ILLEGAL = /[/\\:*?"<>|~\p{Cc}\p{Cf}\uFDD0-\uFDEF\uFFFE\uFFFF]/gu;
const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$|clock\$)$/i;
// Windows shell-integrated extensions Chromium refuses on any component.
const SHELL_EXT = /\.(lnk|local|scf|url)$/i;

/**
 * One folder or file name made safe: illegal characters → `_` (RTL marks dropped, the text
 * itself kept), whitespace runs → one space, no leading/trailing dot or space, reserved
 * Windows names prefixed with `_`, at most SEGMENT_MAX_BYTES; '_' when nothing is left.
 */
export function sanitizeSegment(raw: string, maxBytes = SEGMENT_MAX_BYTES): string {
  let s = raw.normalize('NFC').replace(BIDI, '').replace(ILLEGAL, '_').replace(/\s+/g, ' ');
  const trim = (t: string) => t.replace(/^[\s.]+|[\s.]+$/g, '');
  s = trim(s);
  if (RESERVED.test(s.split('.')[0] ?? '')) s = `_${s}`;
  if (/^(desktop\.ini|thumbs\.db)$/i.test(s)) s = `_${s}`;
  if (SHELL_EXT.test(s)) s = `${s}_`;
  s = trim(cutUtf8(s, maxBytes));
  return s || '_';
}

/** The file name: the stem cut so that `.ext` always survives. */
function sanitizeFileName(raw: string, maxBytes: number): string {
  const dot = raw.lastIndexOf('.');
  const ext = dot > 0 ? raw.slice(dot) : '';
  if (!/^\.[a-z0-9]{1,5}$/i.test(ext)) return sanitizeSegment(raw, maxBytes);
  return `${sanitizeSegment(raw.slice(0, dot), maxBytes - ext.length)}${ext}`;
}

/** The first words of a prompt, as a title stand-in. */
function firstWords(prompt: string, words = 8): string {
  return prompt.trim().split(/\s+/).slice(0, words).join(' ');
}

/** Token values: separators inside a value never make folders. */
function tokens(rec: MirrorPathSource): Record<string, string> {
  const ms = Number.isFinite(rec.createdAt) && rec.createdAt > 0 ? rec.createdAt : rec.capturedAt;
  const d = new Date(Number.isFinite(ms) ? ms : 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  const text = (s: string) => cutUtf8(s.replace(/[/\\]/g, '_').replace(/\s+/g, ' ').trim(), TOKEN_MAX_BYTES);
  return {
    yyyy: String(d.getUTCFullYear()),
    mm: pad(d.getUTCMonth() + 1),
    dd: pad(d.getUTCDate()),
    conversation: text(rec.conversationTitle) || 'Untitled conversation',
    title: text(rec.title?.trim() || firstWords(rec.prompt)) || 'image',
    fileid: rec.id.replace(/[^A-Za-z0-9_-]/g, '_'),
    ext: extensionForMime(rec.mimeType),
  };
}

/**
 * The relative path (forward slashes) of `rec`'s original under `pattern` (already checked by
 * settings' patternProblem). Folder segments are shortened, longest first, until the whole
 * path fits PATH_MAX_UNITS; the file name keeps its extension.
 */
export function mirrorPath(rec: MirrorPathSource, pattern: string): string {
  const values = tokens(rec);
  const filled = pattern.replace(/\{([a-z]+)\}/g, (m, t: string) => values[t] ?? m);
  const parts = filled.split(/[/\\]/);
  const file = sanitizeFileName(parts.pop() ?? '', SEGMENT_MAX_BYTES);
  const folders = parts.map((p) => sanitizeSegment(p));
  const total = () => folders.reduce((n, f) => n + f.length + 1, file.length);
  while (total() > PATH_MAX_UNITS) {
    const longest = folders.reduce((best, f, i) => (f.length > (folders[best]?.length ?? 0) ? i : best), 0);
    const f = folders[longest];
    if (!f || f.length <= 8) break;
    folders[longest] = sanitizeSegment(f.slice(0, Math.max(8, f.length - (total() - PATH_MAX_UNITS))));
  }
  return [...folders, file].join('/');
}

/** The sidecar beside an image: same name, `.xmp` or `.json` in place of the image's extension. */
export function sidecarPath(imagePath: string, kind: 'xmp' | 'json'): string {
  const slash = imagePath.lastIndexOf('/');
  const dot = imagePath.lastIndexOf('.');
  const stem = dot > slash ? imagePath.slice(0, dot) : imagePath;
  return `${stem}.${kind}`;
}
