/**
 * The IndexedDB schema: IndexedDB is the source of truth (style.md habit 5).
 * Add a store or index only through a new step of the upgrade ladder in open.ts.
 */
import type { DBSchema } from 'idb';
import type { CaptureJob, JobState } from '../core/queue';
import type { GeneratedImageMeta, ImageRecord, ImageSighting } from '../core/types';
import type { LibraryItem } from '../sites/chatgpt/library';

export const DB_NAME = 'image-vault';
export const DB_VERSION = 5;

export interface BlobRow {
  id: string;
  blob: Blob;
}

/** A deleted image kept for undo (gallery). */
export interface TrashRow {
  id: string;
  record: ImageRecord;
  original: Blob | null;
  thumb: Blob | null;
  deletedAt: number;
}

/**
 * A deleted image remembered without its bytes (version 2), written once its undo window
 * passed, so capture, library sync and import do not bring it back.
 */
export interface TombstoneRow {
  /** The file id. */
  id: string;
  sha256: string;
  deletedAt: number;
}

/** A sighting refused while capture was paused (version 2): the popup can still save it. */
export interface SkippedRow {
  /** The file id. */
  id: string;
  sighting: ImageSighting;
  tabId: number | null;
  at: number;
}

/**
 * Where one library image stands in the vault (version 3, issue 9). `bytes`: 'new' (entered
 * the library after install: sync saves it), 'backlog' (older: saved only after consent),
 * 'saved', 'deleted' (tombstoned: never fetched), 'failed'. `prompts`: 'pending' (saved, its
 * conversation not read yet), 'done', 'none' (nothing to fill).
 */
export interface LibraryRow {
  /** The file id. */
  id: string;
  /** The item as last listed (its URL may have expired since). */
  item: LibraryItem;
  bytes: 'new' | 'backlog' | 'saved' | 'deleted' | 'failed';
  prompts: 'pending' | 'done' | 'none';
  /** Byte size once saved (progress, size estimate). */
  size: number;
  error: string | null;
}

/**
 * One conversation as the deep scan knows it (version 4, issue 9 §7): its change time when
 * last listed, and when last read. `state`: 'pending' (to read in this scan), 'saving' (read;
 * the images in `found` are still to save), 'read'.
 */
export interface ScanRow {
  /** The conversation id. */
  id: string;
  /** `update_time` as last listed (epoch ms), null when the list gave none. */
  listedUpdate: number | null;
  /** `update_time` it had when it was last read; null when never read. */
  readAtUpdate: number | null;
  state: 'pending' | 'saving' | 'read';
  /** While 'saving': the images found in the conversation JSON and not saved yet. */
  found: { conversationId: string; title: string; images: GeneratedImageMeta[] } | null;
}

export interface VaultDB extends DBSchema {
  images: {
    key: string;
    value: ImageRecord;
    indexes: {
      'by-sha256': string;
      'by-capturedAt': number;
      'by-createdAt': number;
      'by-conversation': string;
      'by-favorite': number;
      'by-genId': string;
      'by-parentGenId': string;
      /** Version 5 (issue 10): only prompt-only records carry the key (`promptOnly: 1`). */
      'by-promptOnly': number;
    };
  };
  /** The untouched original bytes, keyed like `images`. */
  originals: { key: string; value: BlobRow };
  /** Small WebP thumbnails, keyed like `images`. */
  thumbs: { key: string; value: BlobRow };
  queue: { key: string; value: CaptureJob; indexes: { 'by-state': JobState } };
  trash: { key: string; value: TrashRow };
  /** Small settings and status values; see db/kv.ts for the keys. */
  kv: { key: string; value: unknown };
  tombstones: { key: string; value: TombstoneRow; indexes: { 'by-sha256': string } };
  skipped: { key: string; value: SkippedRow };
  library: { key: string; value: LibraryRow; indexes: { 'by-bytes': string; 'by-prompts': string } };
  scans: { key: string; value: ScanRow; indexes: { 'by-state': string } };
}
