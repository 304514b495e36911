/**
 * The one rule for ChatGPT file ids (docs/chatgpt.md §File ids), used by the content
 * script, the message guards, the URL rules and the conversation parser alike, so an id
 * one side accepts is never refused by another.
 *
 * Seen shapes: `file-{base62}` (legacy file-service, DALL·E 3) and `file_{hex}` (sediment,
 * gpt-image, uploads). Values found in URLs may wrap the id: `estuary/content?id=` can carry
 * `{hash}#file_…#thumbnail` (URL-encoded), and pointers carry a scheme (`sediment://file_…`).
 */

/** A bare file id. Length bounds keep hostile input (megabyte "ids") out of keys and logs. */
const FILE_ID = /^file[-_][A-Za-z0-9_-]{4,200}$/;
/** A file id inside a longer value: delimited by start/end or a non-id character. */
const EMBEDDED = /(?:^|[^A-Za-z0-9_-])(file[-_][A-Za-z0-9_-]{4,200})(?=$|[^A-Za-z0-9_-])/;

/** True for a bare ChatGPT file id. */
export function isFileId(v: unknown): v is string {
  return typeof v === 'string' && FILE_ID.test(v);
}

/**
 * The file id carried by a value: the value itself when it is one, else the first id
 * embedded in it (`abc123#file_00ff…#thumbnail` → `file_00ff…`); null when none.
 */
export function fileIdIn(value: string | null | undefined): string | null {
  if (!value || value.length > 4096) return null;
  if (FILE_ID.test(value)) return value;
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {}
  return EMBEDDED.exec(decoded)?.[1] ?? null;
}
