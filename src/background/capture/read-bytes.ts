/**
 * Reads a sighted image's original bytes: from the page's src when the worker can fetch it,
 * else (a dead link, a `blob:` src, a composite estuary id) through a fresh link from ChatGPT.
 */
import { CaptureError } from '../../core/queue';
import { BudgetWaitError } from '../../core/request-budget';
import type { ImageSighting } from '../../core/types';
import { type ApiOptions, getDownloadUrl } from '../../sites/chatgpt/api';
import { type FetchedImage, fetchImage, LinkDeadError } from './fetch-bytes';
import { fetchableBySelf } from './rules';

/** The original bytes of a sighted image, from its src or, when needed, a fresh download link. */
export async function readBytes(s: ImageSighting, opts: ApiOptions): Promise<FetchedImage> {
  if (!fetchableBySelf(s.src, s.fileId)) return viaDownload(s, opts, null);
  try {
    return await fetchImage(s.src);
  } catch (err) {
    if (!(err instanceof LinkDeadError)) throw err;
    return viaDownload(s, opts, err);
  }
}

/**
 * The bytes through a fresh link from ChatGPT (`files/download/{file_id}`, docs/chatgpt.md
 * §Internal API): when the page's link died or lied (`dead`), or when its src is not one to
 * trust for the original (a `blob:` URL of the page's own memory, which another browser's
 * worker may not read and the page may revoke; a composite estuary id).
 */
async function viaDownload(
  s: ImageSighting,
  opts: ApiOptions,
  dead: LinkDeadError | null,
): Promise<FetchedImage> {
  let fresh: string;
  try {
    fresh = await getDownloadUrl(s.fileId, s.conversationId, opts);
  } catch (apiErr) {
    if (apiErr instanceof BudgetWaitError) throw apiErr;
    if (apiErr instanceof CaptureError && !apiErr.retryable) {
      throw new CaptureError(
        dead
          ? `${dead.message}, and ChatGPT gave no fresh link`
          : `the page showed this image from its own memory (a blob: link), and ChatGPT gave no download link for it: ${apiErr.message}`,
        false,
      );
    }
    throw dead ?? apiErr;
  }
  try {
    return await fetchImage(fresh);
  } catch (again) {
    // The page's link and a fresh one failed alike: trying later will not help (Retry can).
    if (again instanceof LinkDeadError) throw new CaptureError(again.message, false);
    throw again;
  }
}
