/**
 * Fetches an image's original bytes and proves they are an image: by Content-Type AND by
 * magic bytes (docs/chatgpt.md §Image bytes: a server can answer 200 with an HTML error page).
 */
import { isImageContentType, sniffImageType } from '../../core/image-bytes';
import { CaptureError } from '../../core/queue';
import { BudgetWaitError } from '../../core/request-budget';
import { DEFAULT_MAX_WAIT_MS } from '../../sites/chatgpt/api';
import { fetchWithin, retryAfterMs, TIMEOUT_MS } from '../../sites/chatgpt/http';
import { budget } from '../../sites/chatgpt/request-budget';
import { describeDeadLink, describeNotAnImage } from '../../sites/chatgpt/responses';
import { isChatGptUrl, signedUrlExpiry } from '../../sites/chatgpt/routes';

export interface FetchedImage {
  blob: Blob;
  bytes: Uint8Array;
  mimeType: string;
}

/** Thrown for answers that a fresh download URL may fix (expired or refused link). */
export class LinkDeadError extends CaptureError {
  constructor(message: string) {
    super(message, true);
  }
}

/**
 * Fetches image bytes. They are no API read, but they wait out a 429 block of the request
 * budget like everything else (cost 0), and a 429 from ChatGPT's own host blocks everyone.
 */
export async function fetchImage(url: string): Promise<FetchedImage> {
  await budget.take('live', 0, { maxWaitMs: DEFAULT_MAX_WAIT_MS });
  const res = await fetchWithin(
    url,
    { credentials: 'include', cache: 'no-store' },
    TIMEOUT_MS.image,
    'the image server',
    async (r) => {
      // The body is read inside the deadline: a download that stalls halfway is retried too.
      const blob = r.ok ? await r.blob() : null;
      const text = r.ok ? '' : (await r.text().catch(() => '')).slice(0, 200);
      const retryAfter = retryAfterMs(r.headers);
      return {
        status: r.status,
        ok: r.ok,
        contentType: r.headers.get('content-type'),
        blob,
        text,
        retryAfter,
      };
    },
  );
  if (res.status === 403 || res.status === 404 || res.status === 410) {
    throw new LinkDeadError(describeDeadLink(res.status, res.text, signedUrlExpiry(url), Date.now()));
  }
  if (res.status === 429) {
    // chatgpt.com (estuary) answers to ChatGPT's own limiter; the DALL·E CDN is another server.
    if (isChatGptUrl(url)) throw new BudgetWaitError(await budget.rateLimited(res.retryAfter), 'blocked');
    throw new CaptureError('the image server asked us to slow down', true, res.retryAfter ?? 30_000);
  }
  if (!res.ok) throw new CaptureError(`the image server answered HTTP ${res.status}`, true);
  return checkImage(res.blob!, res.contentType);
}

/** Proves a blob is an image by its Content-Type and its magic bytes. */
async function checkImage(blob: Blob, contentType: string | null): Promise<FetchedImage> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const sniffed = sniffImageType(bytes);
  if (!isImageContentType(contentType) || !sniffed) {
    throw new LinkDeadError(describeNotAnImage(contentType, bytes));
  }
  // Store with the type the bytes prove, not the header.
  return { blob: new Blob([bytes], { type: sniffed }), bytes, mimeType: sniffed };
}
