import { type IDBPDatabase, openDB } from 'idb';
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

/** Opens (once per context) the vault database, running the upgrade ladder. */
export function openVault(): Promise<VaultDatabase> {
  opening ??= openDB<VaultDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) toVersion1(db);
      if (oldVersion < 2) toVersion2(db);
    },
    blocking() {
      // A newer version wants to upgrade: let it.
      void opening?.then((db) => db.close());
      opening = null;
    },
  });
  return opening;
}
