/**
 * One capture, start to finish: metadata from the conversation JSON, the original bytes,
 * hash + CRC + thumbnail, then one IndexedDB transaction that stores everything and
 * removes the job. Throws CaptureError with words for people.
 */
import { CaptureError, type CaptureJob, MAX_ATTEMPTS } from '../../core/queue';
import { BudgetWaitError } from '../../core/request-budget';
import type { ConversationInfo, GeneratedImageMeta, ImageRecord } from '../../core/types';
import { type PutResult, putImage } from '../../db/images';
import type { ApiOptions } from '../../sites/chatgpt/api';
import { guessModel } from '../../sites/chatgpt/model';
import { conversationUrl } from '../../sites/chatgpt/routes';
import { lookupImage } from './conversation-cache';
import { imageFacts } from './image-facts';
import { readBytes } from './read-bytes';
import { judgeListing, UNLISTED_WARNING, UPLOAD_REFUSAL } from './rules';
import { recordTiming, timed } from './stats';
import { askTab } from './tab-fallback';

/** Attempts spent waiting for the conversation JSON before saving the image without it. */
export const METADATA_ATTEMPTS = 3;

/** Retryable until UNLISTED_GRACE_MS has passed since the first sighting (see rules.ts). */
class NotListedError extends CaptureError {
  constructor() {
    super('ChatGPT’s conversation does not list this image yet', true);
  }
}

interface Metadata {
  meta: GeneratedImageMeta | null;
  info: ConversationInfo | null;
  /** Why the prompts are missing, when they are. */
  warning: string | null;
}

/** Never lose the image for want of its prompt: after a few tries, keep the bytes without it. */
function withoutPrompt(job: CaptureJob, err: unknown): Metadata {
  if (job.attempts < METADATA_ATTEMPTS && !(err instanceof CaptureError && !err.retryable)) throw err;
  const reason = err instanceof Error ? err.message : String(err);
  return { meta: null, info: null, warning: `saved without its prompt: ${reason}` };
}

async function readMetadata(job: CaptureJob): Promise<Metadata> {
  const s = job.sighting;
  if (!s.conversationId) {
    return {
      meta: null,
      info: null,
      warning: 'saved without its prompt: a temporary chat has no conversation to read',
    };
  }
  let parsed: Awaited<ReturnType<typeof lookupImage>>['parsed'];
  try {
    ({ parsed } = await lookupImage(s.conversationId, s.fileId, apiOptions(job)));
  } catch (err) {
    // Waiting for the request budget says nothing about the prompt: just try later.
    if (err instanceof BudgetWaitError) throw err;
    return withoutPrompt(job, err);
  }
  const listing = judgeListing(parsed, s.fileId, Date.now() - job.createdAt, job.attempts >= MAX_ATTEMPTS);
  switch (listing.kind) {
    case 'listed':
      return { meta: listing.meta, info: parsed.info, warning: null };
    case 'upload':
      throw new CaptureError(UPLOAD_REFUSAL, false);
    case 'wait':
      // The JSON may lag the page for a moment (the tool message is still in progress).
      throw new NotListedError();
    case 'unlisted':
      // The page showed it as a generated image: keep it, and say why it has no prompt.
      return { meta: null, info: parsed.info, warning: UNLISTED_WARNING };
    case 'unreadable':
      return withoutPrompt(
        job,
        new CaptureError(`ChatGPT’s conversation data looks different: ${listing.warning}`, true),
      );
  }
}

function apiOptions(job: CaptureJob): ApiOptions {
  const tabId = job.tabId;
  return {
    accountId: job.sighting.accountId ?? null,
    // No session cookie in the worker's requests: read the token as the page can.
    sessionFallback:
      tabId == null ? undefined : async () => (await askTab(tabId, 'pageSession', {})).accessToken,
  };
}

export async function captureImage(job: CaptureJob): Promise<PutResult> {
  const s = job.sighting;
  const [{ meta, info, warning }, metadataMs] = await timed(() => readMetadata(job));
  const [img, fetchMs] = await timed(() => readBytes(job.sighting, apiOptions(job)));
  const processStart = performance.now();
  const facts = await imageFacts(img, { width: s.naturalWidth, height: s.naturalHeight });
  const now = Date.now();
  const record: ImageRecord = {
    id: s.fileId,
    ...facts.fields,
    prompt: meta?.prompt ?? '',
    revisedPrompt: meta?.revisedPrompt ?? '',
    title: meta?.title ?? (meta ? null : s.alt.replace(/^[^:：]*[:：]\s*/, '') || null),
    model: meta?.model ?? guessModel(s),
    genId: meta?.genId ?? null,
    parentGenId: meta?.parentGenId ?? null,
    editOp: meta?.editOp ?? null,
    seed: meta?.seed ?? null,
    genSize: meta?.genSize ?? null,
    conversationId: s.conversationId ?? '',
    conversationTitle: info?.title ?? '',
    conversationUrl: s.conversationId ? conversationUrl(s.conversationId, s.pageUrl) : s.pageUrl,
    messageId: meta?.messageId ?? s.turnMessageId ?? '',
    pageUrl: s.pageUrl,
    createdAt: meta?.createdAt ?? now,
    capturedAt: now,
    favorite: 0,
    source: 'capture',
    warning,
  };
  try {
    const [result, putMs] = await timed(() => putImage(record, img.blob, facts.thumb, job.id));
    const timing = {
      fileId: s.fileId,
      bytes: record.bytes,
      metadataMs,
      fetchMs,
      hashMs: facts.hashMs,
      crcMs: facts.crcMs,
      thumbMs: facts.thumbMs,
      putMs,
      processMs: performance.now() - processStart,
    };
    recordTiming({ ...timing, committedAt: Date.now() });
    // An image kept without its prompts is counted by putImage, inside its transaction.
    return result;
  } catch (err) {
    throw storageError(err);
  }
}

/**
 * Storage running out shows up two ways: QuotaExceededError, and — for an extension with
 * unlimitedStorage on a full disk — "UnknownError: Failed to write blobs (IOError)"
 * (seen in e2e/capture-quota.spec.ts). Either way the transaction was aborted: nothing
 * stored before is touched, and the user can Retry once there is room.
 */
function storageError(err: unknown): unknown {
  const e = err as DOMException | undefined;
  if (e?.name === 'QuotaExceededError') {
    return new CaptureError(
      'the browser has no storage room left for Image Vault (free some space, then press Retry)',
      false,
    );
  }
  if (/Failed to write|IOError/i.test(String(e?.message))) {
    return new CaptureError(
      'the browser could not write to its storage — is the disk full? (free some space, then press Retry)',
      false,
    );
  }
  return err;
}
