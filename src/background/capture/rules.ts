/**
 * The capture pipeline's decisions, pure so they are unit-tested in Node: what to do when the
 * conversation JSON does not list a sighted image, and where an image's bytes can come from.
 */
import type { GeneratedImageMeta } from '../../core/types';

/** What the parsed conversation JSON offers (the parser's ParsedConversation, in part). */
export interface ConversationListing {
  images: GeneratedImageMeta[];
  /** File ids the JSON lists as the user's own uploads. */
  uploads: string[];
  warnings: string[];
}

/**
 * How long the JSON gets to list a sighted image before the bytes are kept without it. The
 * page shows a finished tile moments before the conversation JSON lists the image (the tool
 * message is `in_progress` until then); 30 s covers that lag many times over, and the queue's
 * retries (2 s, 4 s, 8 s, 16 s) ask again within it.
 */
export const UNLISTED_GRACE_MS = 30_000;

/** The note on an image the page showed as generated but ChatGPT's data never mentioned. */
export const UNLISTED_WARNING = "saved without its prompt: ChatGPT's data did not mention this image";

/** Why an image is refused: ChatGPT's data says the user uploaded it. */
export const UPLOAD_REFUSAL =
  'ChatGPT’s data lists this image as one you uploaded, not one it generated; Image Vault keeps only generated images';

export type Listing =
  | { kind: 'listed'; meta: GeneratedImageMeta }
  /** The user's own upload: never stored. */
  | { kind: 'upload' }
  /** Not listed (yet): ask again later. */
  | { kind: 'wait' }
  /** Never listed within the grace time: keep the bytes, with UNLISTED_WARNING. */
  | { kind: 'unlisted' }
  /** The JSON did not parse as expected: its first warning. */
  | { kind: 'unreadable'; warning: string };

/**
 * What the conversation JSON says about a sighted file. `ageMs` is the time since the job was
 * created (its first sighting); `lastTry` is true when the queue would give up after this
 * attempt, so an image is never lost to the retry limit either.
 */
export function judgeListing(
  parsed: ConversationListing,
  fileId: string,
  ageMs: number,
  lastTry: boolean,
): Listing {
  const meta = parsed.images.find((i) => i.fileId === fileId);
  if (meta) return { kind: 'listed', meta };
  if (parsed.uploads.includes(fileId)) return { kind: 'upload' };
  // A JSON that found no images and complained is unreadable, not silent about this image.
  if (parsed.images.length === 0 && parsed.warnings.length > 0)
    return { kind: 'unreadable', warning: parsed.warnings[0]! };
  return ageMs < UNLISTED_GRACE_MS && !lastTry ? { kind: 'wait' } : { kind: 'unlisted' };
}

/**
 * Whether the worker should fetch the original of `fileId` from `src` itself. A `blob:` (or
 * `data:`) URL belongs to the page's document: Chromium's worker happens to read a live one
 * (seen in e2e/capture-sources.spec.ts), but the page may revoke it and other browsers need
 * not allow it, so it is not relied on. An estuary URL whose
 * `id=` carries more than the bare file id (`{hash}#file_…#thumbnail`, docs/chatgpt.md
 * §File ids) may serve a variant, not the original. Both go through `files/download/{file_id}`.
 */
export function fetchableBySelf(src: string, fileId: string): boolean {
  if (!/^https:\/\//i.test(src)) return false;
  let u: URL;
  try {
    u = new URL(src);
  } catch {
    return false;
  }
  if (u.pathname === '/backend-api/estuary/content') return u.searchParams.get('id') === fileId;
  return true;
}
