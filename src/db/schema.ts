/**
 * The IndexedDB schema: IndexedDB is the source of truth (style.md habit 5).
 * Add a store or index only through a new step of the upgrade ladder in open.ts.
 */
import type { DBSchema } from 'idb';
import type { CaptureJob, JobState } from '../core/queue';
import type { ImageRecord } from '../core/types';

export const DB_NAME = 'image-vault';
export const DB_VERSION = 1;

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
}
