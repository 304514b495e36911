/**
 * The one message protocol of Image Vault (style.md habit 1). Every message is
 * `{ type, payload }`; the map below types both ends. Messages carry URLs and
 * metadata, never image bytes (habit 2).
 */
import type { ImageSighting } from '../core/types';

/** What the content script reports about the page's shape, to detect markup changes. */
export interface PageHealth {
  pageUrl: string;
  /** Conversation turns found with the turn selectors (counted only when `tiles` is 0). */
  turns: number;
  /** Generated-image tiles recognised. */
  tiles: number;
  /** ChatGPT-served images in no recognised tile (counted only when `tiles` is 0). */
  unrecognisedImages: number;
}

/** A failed capture, in words for people. */
export interface CaptureProblem {
  fileId: string;
  reason: string;
  pageUrl: string;
  at: number;
}

/** What the popup and gallery show about capture. */
export interface VaultStatus {
  total: number;
  /** Captured in this browser session (the badge). */
  sessionCount: number;
  paused: boolean;
  /**
   * Images seen on chatgpt.com and not saved because capture was paused. Their sightings are
   * remembered, so the popup can offer "Save the N images skipped while paused" (also after
   * capture is back on), until they are saved or dismissed.
   */
  pausedSkipped: number;
  /** Deleted images remembered by a tombstone (file id + SHA-256, no bytes) so they are not saved again. */
  deletedRemembered: number;
  /** ChatGPT tabs the content script could not be injected into: "Reload your ChatGPT tab…". */
  tabsNeedingReload: number;
  /** Jobs waiting or running. */
  pending: number;
  failed: CaptureProblem[];
  /** Plain-words sentences, one per problem kind, ready to show. */
  problems: string[];
  /** The same problems with their kind, which decides the one action the popup offers (issue 13 §2). */
  issues?: StatusIssue[];
  /** The database could not be read (e.g. a full disk closed it): the counts above are unknown. */
  storageUnavailable?: boolean;
}

/** One problem of the status, in words, and what kind it is. */
export interface StatusIssue {
  kind: 'storage' | 'failed' | 'page-changed' | 'promptless';
  message: string;
}

/** The problem `getStatus` reports when the database itself cannot be read (a full disk can close it). */
export const STORAGE_UNAVAILABLE =
  'Image Vault cannot use its storage right now — is the disk full? Free some space, then press Retry; nothing saved so far is lost.';

/** Where a library job (backfill, prompt filling) stands. */
export type LibraryJobState = 'idle' | 'running' | 'waiting' | 'paused' | 'done' | 'failed';

/** Progress of one library job. */
export interface LibraryJobProgress {
  state: LibraryJobState;
  done: number;
  total: number;
  /** Bytes saved so far (backfill). */
  bytes: number;
  /** Estimated ms left, null while unknown. */
  etaMs: number | null;
  /** Rate-limited: epoch ms when it resumes by itself ("Waiting: … resuming at 14:05"). */
  waitingUntil: number | null;
  /** Plain-words reason when `failed` (or the last item failure). */
  error: string | null;
  /** Deep scan only: images it found and saved. */
  found?: number;
}

/** What the popup and gallery show about the ChatGPT image library (issue 9). */
export interface LibraryStatus {
  /** Library images not in the vault and not deleted by the user; null while unknown. */
  backlog: number | null;
  /** Estimated size of the backlog in bytes; null while unknown. */
  backlogBytes: number | null;
  backfill: LibraryJobProgress;
  prompts: LibraryJobProgress;
  /** epoch ms of the last automatic check of new library images. */
  lastSyncAt: number | null;
  /** Library items that did not parse: a visible sign that ChatGPT changed the format. */
  invalidItems: number;
  /** A problem in plain words (e.g. signed out), or null. */
  problem: string | null;
  /**
   * The deep scan of every conversation (issue 9 §7): done/total are conversations read / to
   * read (total grows while the lists are read), `found` the images it saved. Absent from
   * statuses made by older code and test doubles.
   */
  deepScan?: LibraryJobProgress;
}

export interface ProtocolMap {
  /** content → background: a final generated image is on the page. */
  imageSeen: { payload: ImageSighting; result: { accepted: boolean; reason?: string } };
  /** content → background: how well our selectors match the page. */
  pageHealth: { payload: PageHealth; result: { ok: true } };
  /** UI → background */
  getStatus: { payload: Record<string, never>; result: VaultStatus };
  setPaused: { payload: { paused: boolean }; result: VaultStatus };
  retryFailed: { payload: Record<string, never>; result: { requeued: number } };
  /** UI → background: drop failed jobs and clear the reported problems (the user saw them). */
  dismissFailed: { payload: Record<string, never>; result: { dismissed: number } };
  /** UI → background: queue the images skipped while paused. */
  saveSkipped: { payload: Record<string, never>; result: { queued: number } };
  /** UI → background: forget the images skipped while paused (the user does not want them). */
  dismissSkipped: { payload: Record<string, never>; result: { dismissed: number } };
  /** UI → background: the library card's state. */
  libraryStatus: { payload: Record<string, never>; result: LibraryStatus };
  /**
   * UI → background: start (consent), pause, resume or cancel the backfill of the backlog;
   * dismiss: a `done` backfill goes back to `idle` (the card stops showing it).
   */
  libraryBackfill: {
    payload: { action: 'start' | 'pause' | 'resume' | 'cancel' | 'dismiss' };
    result: LibraryStatus;
  };
  /** UI → background: start, pause, resume or cancel the deep scan of every conversation. */
  libraryDeepScan: { payload: { action: 'start' | 'pause' | 'resume' | 'cancel' }; result: LibraryStatus };
  /** UI → background: forget every tombstone (deleted images may be saved again). */
  forgetDeleted: { payload: Record<string, never>; result: { forgotten: number } };
  /**
   * UI → background: fetch the bytes of a prompt-only record (issue 10) through ChatGPT's
   * `files/download` with the signed-in session, under the request budget. On success the
   * record becomes a full image; on failure `error` says why in plain words (and is kept on
   * the record as `fetchError`).
   */
  fetchMissing: { payload: { id: string }; result: { ok: true } | { ok: false; error: string } };
  /**
   * UI → background (issue 12 §1): 'start' queues every saved image the disk mirror has not
   * written yet ("Write everything now"); 'status' only reports. Resumes after a worker stop.
   */
  mirrorAll: { payload: { action: 'start' | 'status' }; result: MirrorStatus };
  /**
   * UI → background (issue 13 §7): focus the open gallery tab, else open one; `query` (`''`,
   * `#img=…`, `?action=export-all`) is given to the tab either way.
   */
  openGallery: { payload: { query: string }; result: { ok: true } };
  /**
   * content → background (issue 13 §1): which of these file ids, seen on the page, are saved
   * in the vault (bytes, not only prompts), for the page's "saved" marks.
   */
  savedFileIds: { payload: { fileIds: string[] }; result: { saved: string[] } };
}

/** Where the disk mirror stands (issue 12 §1). */
export interface MirrorStatus {
  enabled: boolean;
  /** Saved images (prompt-only records excluded) and how many of them are on disk. */
  total: number;
  written: number;
  /** Waiting to be written, and given up for now (retried later) with the latest reason. */
  pending: number;
  failed: number;
  lastError: string | null;
}

export type MessageType = keyof ProtocolMap;
export type Message<T extends MessageType = MessageType> = { type: T; payload: ProtocolMap[T]['payload'] };
export type Result<T extends MessageType> = ProtocolMap[T]['result'];

/** Which side may send each message. */
export const SENDERS: Record<MessageType, 'content' | 'ui'> = {
  imageSeen: 'content',
  pageHealth: 'content',
  getStatus: 'ui',
  setPaused: 'ui',
  retryFailed: 'ui',
  dismissFailed: 'ui',
  saveSkipped: 'ui',
  dismissSkipped: 'ui',
  libraryStatus: 'ui',
  libraryBackfill: 'ui',
  libraryDeepScan: 'ui',
  forgetDeleted: 'ui',
  fetchMissing: 'ui',
  mirrorAll: 'ui',
  openGallery: 'ui',
  savedFileIds: 'content',
};

/**
 * background → content script (tabs.sendMessage): the fallback for when the worker's own
 * requests carry no ChatGPT session cookie. Only the token comes back, never bytes.
 */
export interface TabProtocolMap {
  /** Read the session's access token from /api/auth/session as the page can. */
  pageSession: { payload: Record<string, never>; result: { accessToken: string | null; reason?: string } };
  /**
   * Capture is back on: forget which sightings were refused while paused and scan the page
   * again, so what is on screen now is saved.
   */
  rescan: { payload: Record<string, never>; result: { ok: true } };
  /** An image this tab showed is now stored in the vault: its "saved" mark may show (issue 13 §1). */
  imageStored: { payload: { fileId: string }; result: { ok: true } };
}

export type TabMessageType = keyof TabProtocolMap;
