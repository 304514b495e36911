/**
 * Turns what ChatGPT's export says about one generated image into the record Image Vault
 * stores: a full record once its bytes are verified, else a prompt-only record (issue 10),
 * whose prompts are the recovery asset (the image can be made again from them).
 */
import type { ImageFacts } from '../background/capture/image-facts';
import { type ImageRecord, NO_BYTES } from '../core/types';
import type { ExportFinding } from '../sites/chatgpt/export/read';
import { jsonFields } from '../sites/chatgpt/record-fields';

/** The fields shared by both kinds: prompts, conversation, model, dates. */
function common(f: ExportFinding, now: number) {
  const fields = jsonFields(f.meta, f.conversation);
  return {
    ...fields,
    id: f.meta.fileId,
    model: f.meta.model,
    pageUrl: fields.conversationUrl,
    // The image's own time, else its conversation's; never "now" for something years old
    // when the export says when it was made.
    createdAt: f.meta.createdAt ?? f.conversation.createTime ?? now,
    capturedAt: now,
    favorite: 0 as const,
    source: 'chatgpt-export' as const,
    warning: f.meta.prompt ? null : 'ChatGPT’s export has no prompt typed for this image',
  };
}

/** A full record for an image whose bytes the export carries and which passed verification. */
export function exportImageRecord(f: ExportFinding, facts: ImageFacts, now: number): ImageRecord {
  return { ...common(f, now), ...facts.fields };
}

/** A record without bytes: the export knows the image but does not carry it (or it failed checks). */
export function promptOnlyRecord(f: ExportFinding, now: number, why: string | null = null): ImageRecord {
  return {
    ...common(f, now),
    ...NO_BYTES,
    width: f.meta.width ?? 0,
    height: f.meta.height ?? 0,
    linkExpiresAt: f.linkExpiresAt,
    fetchError: why,
  };
}
