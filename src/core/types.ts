/**
 * The data model shared by every part of Image Vault. Pure types: no DOM, no extension API.
 */

/**
 * Which image model produced an image. 'unknown' is honest: a generation in a shape whose
 * tool name, metadata and pointer scheme tell nothing about the model.
 */
export type ModelFamily = 'dalle3' | 'gpt-image' | 'unknown';

/** Every model family, in the order the UI lists them. */
export const MODEL_FAMILIES: readonly ModelFamily[] = ['dalle3', 'gpt-image', 'unknown'];

/** Human label for a model family (UI, exports). */
export const MODEL_LABEL: Record<ModelFamily, string> = {
  dalle3: 'DALL·E 3',
  'gpt-image': 'GPT-4o image',
  unknown: 'Unknown model',
};

/**
 * What the conversation JSON says about one generated image
 * (see docs/chatgpt.md §Conversation JSON). Produced by sites/chatgpt/conversation.ts.
 */
export interface GeneratedImageMeta {
  /** File id: the part of the asset pointer after `://` (e.g. `file-3lZo…`, `file_0000…`). */
  fileId: string;
  /** The raw asset pointer (`file-service://…` or `sediment://…`). */
  assetPointer: string;
  /** Node id of the tool message that holds the image. */
  messageId: string;
  model: ModelFamily;
  /** The user's own prompt: nearest preceding user message on the parent chain ('' if none). */
  prompt: string;
  /** The prompt the model actually used ('' if unknown). */
  revisedPrompt: string;
  genId: string | null;
  parentGenId: string | null;
  editOp: string | null;
  seed: number | null;
  width: number | null;
  height: number | null;
  /** Byte size announced by the JSON (may differ from what is served). */
  sizeBytes: number | null;
  /** gpt-image only: "xlimage" | "image" | "smimage". */
  genSize: string | null;
  /** gpt-image only: `metadata.image_gen_title`. */
  title: string | null;
  /** Creation time of the image message, epoch milliseconds. */
  createdAt: number | null;
  /** The copy carried `is_visually_hidden_from_conversation`. */
  hidden: boolean;
  /**
   * A signed CDN link the JSON gave for this image (older DALL·E shapes, official exports),
   * whose `se=` says when it expires; absent when the JSON gave only a pointer.
   */
  url?: string | null;
}

/** Conversation-level facts that go with each image. */
export interface ConversationInfo {
  conversationId: string;
  title: string;
  /** epoch ms */
  createTime: number | null;
}

/** One stored image: the row in the `images` store. Bytes live in `originals` / `thumbs`. */
export interface ImageRecord {
  /** Primary key: the ChatGPT file id. */
  id: string;
  sha256: string;
  /** CRC-32 of the original, computed once at capture so exports need not read twice. */
  crc32: number;
  bytes: number;
  mimeType: string;
  /** Measured from the decoded image. */
  width: number;
  height: number;
  prompt: string;
  revisedPrompt: string;
  /** Image title (gpt-image) or null. */
  title: string | null;
  model: ModelFamily;
  genId: string | null;
  parentGenId: string | null;
  editOp: string | null;
  seed: number | null;
  genSize: string | null;
  conversationId: string;
  conversationTitle: string;
  /** e.g. https://chatgpt.com/c/{id} (or the /g/…/c/{id} form it was seen under). */
  conversationUrl: string;
  messageId: string;
  /** The page the image was seen on. */
  pageUrl: string;
  /** epoch ms: when ChatGPT generated it (falls back to capturedAt). */
  createdAt: number;
  /** epoch ms: when Image Vault stored it. */
  capturedAt: number;
  /** 0 | 1 (a number so that IndexedDB can index it). */
  favorite: 0 | 1;
  /**
   * 'library': saved from ChatGPT's image library (sync or backfill), not seen on a page.
   * 'deep-scan': found by the deep scan in a conversation JSON (issue 9 §7), not listed by
   * the library (DALL·E-era images): its bytes from `files/download`, its prompts from that JSON.
   * 'chatgpt-export': from ChatGPT's own data export (issue 10).
   */
  source: 'capture' | 'import' | 'library' | 'deep-scan' | 'chatgpt-export';
  /** Set when the image was kept without full metadata, saying why (e.g. no prompt found). */
  warning?: string | null;
  /**
   * 1 on a prompt-only record (issue 10): an image ChatGPT's export knows but whose bytes the
   * vault does not hold. Such a record has `sha256: ''`, `crc32: 0`, `bytes: 0`, `mimeType: ''`,
   * no `originals`/`thumbs` row, and the prompts, date, conversation and model. Absent on every
   * record with bytes (so the `by-promptOnly` index lists only prompt-only records). Saving the
   * bytes later (Fetch, capture, library, import) turns it into a full record and drops the field.
   */
  promptOnly?: 1;
  /** Prompt-only records: when the export's signed CDN link expired/expires (`se=`), epoch ms. */
  linkExpiresAt?: number | null;
  /** Prompt-only records: why the last Fetch failed, in plain words (null once it worked or never tried). */
  fetchError?: string | null;
}

/** The byte fields of a prompt-only record (see `ImageRecord.promptOnly`): there are no bytes. */
export const NO_BYTES = {
  promptOnly: 1,
  sha256: '',
  crc32: 0,
  bytes: 0,
  mimeType: '',
} as const satisfies Partial<ImageRecord>;

/** True for a record that holds prompts but no image bytes (see `ImageRecord.promptOnly`). */
export function isPromptOnly(rec: Pick<ImageRecord, 'promptOnly'>): boolean {
  return rec.promptOnly === 1;
}

/** What the DOM tells the content script about one final image tile. */
export interface ImageSighting {
  fileId: string;
  /**
   * The `<img src>` of the final frame: an estuary or CDN URL, or a `blob:` URL of the page
   * (then the bytes come through `files/download/{fileId}`, as for a composite estuary id).
   */
  src: string;
  alt: string;
  conversationId: string | null;
  /** `data-message-id` of the turn holding the tile, if present. */
  turnMessageId: string | null;
  pageUrl: string;
  /** Rendered natural size of the final frame. */
  naturalWidth: number;
  naturalHeight: number;
  /** Team/Enterprise workspace (`_account` cookie), sent as `Chatgpt-Account-Id`. */
  accountId?: string | null;
}
