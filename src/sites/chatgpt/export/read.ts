/**
 * Reads the conversations of ChatGPT's data export, one conversation at a time, and lists
 * every generated image they mention with its prompts and, when the export carries them, its
 * bytes (docs/chatgpt.md §Official export).
 */

import type { ConversationInfo, GeneratedImageMeta } from '../../../core/types';
import type { ZipEntry } from '../../../core/zip/reader';
import { parseConversation } from '../conversation';
import { signedUrlExpiry } from '../routes';
import type { ExportLayout } from './layout';
import { streamJsonList } from './stream-json';

/** One generated image the export knows about. */
export interface ExportFinding {
  /** From parseConversation (uploads and charts already excluded). */
  meta: GeneratedImageMeta;
  conversation: ConversationInfo;
  /** The bytes, when the export carries them. */
  asset: ZipEntry | null;
  /** `se=` of meta.url (signedUrlExpiry), if any, epoch ms. */
  linkExpiresAt: number | null;
}

/** Counts and warnings gathered while reading; filled in place as the read goes. */
export interface ExportScan {
  /** Conversations read. */
  conversations: number;
  /** Entries that were not conversation objects. */
  skippedConversations: number;
  uploadsExcluded: number;
  /** Deduplicated plain-words warnings (parser + layout). */
  warnings: string[];
}

/** A fresh, empty scan. */
export const emptyScan = (): ExportScan => ({
  conversations: 0,
  skippedConversations: 0,
  uploadsExcluded: 0,
  warnings: [],
});

/**
 * Streams every conversation file of the layout, conversation by conversation (never one
 * string or one object tree for the whole file), parses each with parseConversation, and
 * yields one finding per generated image.
 *
 * The same image can appear in several conversations (a branch copied into a new chat): the
 * first sighting wins and later copies fill its empty fields. So that a finding is final when
 * it is handed out, findings are yielded once every file is read. What is held meanwhile is
 * the findings alone (about a kilobyte each), never the conversations they came from.
 *
 * `onBytes(n)` reports JSON bytes consumed (progress). Throws ImportError with a plain
 * message for a file that is not JSON / not a list of conversations; a ZipError from a damaged
 * entry passes through as it is; honours `signal` (throws its reason).
 */
export async function* readExport(
  layout: ExportLayout,
  scan: ExportScan,
  signal: AbortSignal,
  onBytes?: (n: number) => void,
): AsyncGenerator<ExportFinding> {
  const warnings = new Set([...scan.warnings, ...layout.notes]);
  const found = new Map<string, ExportFinding>();
  const uploads = new Set<string>();
  for (const file of layout.conversationFiles) {
    for await (const json of streamJsonList(file.open(), file.name, { signal, onBytes })) {
      if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        scan.skippedConversations++;
        continue;
      }
      const parsed = parseConversation(json);
      scan.conversations++;
      for (const w of parsed.warnings) warnings.add(w);
      for (const id of parsed.uploads) uploads.add(id);
      for (const meta of parsed.images) {
        const old = found.get(meta.fileId);
        if (old) fillEmpty(old, meta);
        else found.set(meta.fileId, finding(meta, parsed.info, layout));
      }
    }
  }
  signal.throwIfAborted();
  // An id the export lists as an upload in one conversation and a generation in another
  // stays a generation: parseConversation already leaves such ids out of its uploads.
  scan.uploadsExcluded = [...uploads].filter((id) => !found.has(id)).length;
  if (scan.skippedConversations > 0)
    warnings.add(
      `${scan.skippedConversations} ${scan.skippedConversations === 1 ? 'entry was' : 'entries were'} not conversations and ${scan.skippedConversations === 1 ? 'was' : 'were'} skipped.`,
    );
  scan.warnings = [...warnings];
  for (const f of found.values()) {
    signal.throwIfAborted();
    yield f;
  }
}

function finding(
  meta: GeneratedImageMeta,
  conversation: ConversationInfo,
  layout: ExportLayout,
): ExportFinding {
  return {
    meta,
    conversation,
    asset: layout.assets.get(meta.fileId) ?? null,
    linkExpiresAt: meta.url ? signedUrlExpiry(meta.url) : null,
  };
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/** Fills the empty fields of the first sighting from a later copy; never replaces a value. */
function fillEmpty(first: ExportFinding, later: GeneratedImageMeta): void {
  const meta = first.meta as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(later)) if (isEmpty(meta[k]) && !isEmpty(v)) meta[k] = v;
  if (first.linkExpiresAt === null && first.meta.url) first.linkExpiresAt = signedUrlExpiry(first.meta.url);
}
