import { type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import { DB_NAME, DB_VERSION, type VaultDB } from './schema';

export type VaultDatabase = IDBPDatabase<VaultDB>;

let opening: Promise<VaultDatabase> | null = null;

/** Version 1: images with their bytes and thumbnails, the capture queue, the trash, settings. */
function toVersion1(db: VaultDatabase): void {
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

/** Version 2 (issue 8): tombstones of deleted images, and sightings skipped while paused. Adds only. */
function toVersion2(db: VaultDatabase): void {
  db.createObjectStore('tombstones', { keyPath: 'id' }).createIndex('by-sha256', 'sha256');
  db.createObjectStore('skipped', { keyPath: 'id' });
}

/** Version 3 (issue 9): where each ChatGPT library image stands. Adds only. */
function toVersion3(db: VaultDatabase): void {
  const library = db.createObjectStore('library', { keyPath: 'id' });
  library.createIndex('by-bytes', 'bytes');
  library.createIndex('by-prompts', 'prompts');
}

/** Version 4 (issue 9 §7): the deep scan's per-conversation progress. Adds only. */
function toVersion4(db: VaultDatabase): void {
  db.createObjectStore('scans', { keyPath: 'id' }).createIndex('by-state', 'state');
}

/**
 * Version 5 (issue 10): prompt-only records (no bytes) live in `images`. They all have
 * `sha256: ''`, so `by-sha256` can no longer be unique: it is made again without the
 * constraint (dedupe by SHA-256 stays in code: putImage and the import writers look it up
 * inside their write transaction). `by-promptOnly` lists only prompt-only records.
 */
function toVersion5(tx: IDBPTransaction<VaultDB, StoreNames<VaultDB>[], 'versionchange'>): void {
  const images = tx.objectStore('images');
  images.deleteIndex('by-sha256');
  images.createIndex('by-sha256', 'sha256');
  images.createIndex('by-promptOnly', 'promptOnly');
}

/**
 * Opens (once per context) the vault database, running the upgrade ladder. A failed open is
 * not cached, and a connection the browser closes on its own (it does so after a write fails
 * on a full disk: "The database connection is closing") is dropped, so the next call opens
 * a fresh one instead of failing forever (e2e/capture-quota.spec.ts).
 */
export function openVault(): Promise<VaultDatabase> {
  if (opening) return opening;
  const attempt = openDB<VaultDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) toVersion1(db);
      if (oldVersion < 2) toVersion2(db);
      if (oldVersion < 3) toVersion3(db);
      if (oldVersion < 4) toVersion4(db);
      if (oldVersion < 5) toVersion5(tx);
    },
    blocking() {
      // A newer version wants to upgrade: let it.
      attempt.then((db) => db.close()).catch(() => {});
      if (opening === attempt) opening = null;
    },
    terminated() {
      if (opening === attempt) opening = null;
    },
  });
  opening = attempt;
  attempt.catch(() => {
    if (opening === attempt) opening = null;
  });
  return attempt;
}
