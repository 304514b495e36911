/**
 * The database layouts as each version shipped, frozen for the upgrade tests: a test makes a
 * database exactly as an old version made it, fills it, and opens it with today's code.
 * Never change a step here; a new version adds a new step (src/db/open.ts keeps the ladder).
 */
import type { IDBPDatabase } from 'idb';

// biome-ignore lint/suspicious/noExplicitAny: old layouts predate today's typed schema.
type AnyDb = IDBPDatabase<any>;

/** Version 1 (before issue 8): images with bytes and thumbnails, queue, trash, settings. */
export function shippedV1(db: AnyDb): void {
  const images = db.createObjectStore('images', { keyPath: 'id' });
  images.createIndex('by-sha256', 'sha256', { unique: true });
  images.createIndex('by-capturedAt', 'capturedAt');
  images.createIndex('by-createdAt', 'createdAt');
  images.createIndex('by-conversation', 'conversationId');
  images.createIndex('by-favorite', 'favorite');
  images.createIndex('by-genId', 'genId');
  images.createIndex('by-parentGenId', 'parentGenId');
  db.createObjectStore('originals', { keyPath: 'id' });
  db.createObjectStore('thumbs', { keyPath: 'id' });
  db.createObjectStore('queue', { keyPath: 'id' }).createIndex('by-state', 'state');
  db.createObjectStore('trash', { keyPath: 'id' });
  db.createObjectStore('kv');
}

/** Version 2 (issue 8) added tombstones and skipped sightings. */
export function shippedV2(db: AnyDb): void {
  db.createObjectStore('tombstones', { keyPath: 'id' }).createIndex('by-sha256', 'sha256');
  db.createObjectStore('skipped', { keyPath: 'id' });
}

/** Version 3 (issue 9, the library engine) added the library rows. */
export function shippedV3(db: AnyDb): void {
  const library = db.createObjectStore('library', { keyPath: 'id' });
  library.createIndex('by-bytes', 'bytes');
  library.createIndex('by-prompts', 'prompts');
}

/** Version 4 (issue 9 §7, the deep scan) added the per-conversation scan rows. */
export function shippedV4(db: AnyDb): void {
  db.createObjectStore('scans', { keyPath: 'id' }).createIndex('by-state', 'state');
}
