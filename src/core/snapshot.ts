/**
 * The start-up snapshot's format, pure (Blob only, so it is unit-tested in Node): a
 * page's first screen — its records, total and thumbnails — packed into one Blob, so
 * that it is written and replaced in one step and read with one lookup.
 *
 * Layout: a JSON header (`SnapshotMeta`, its byte length kept beside the Blob), then the
 * thumbnails back to back; the header says where each one starts, its size and type.
 */
import type { ImageRecord } from './types';

export const SNAPSHOT_VERSION = 1;

export type SnapshotKind = 'gallery' | 'popup';

export interface Snapshot {
  kind: SnapshotKind;
  /** When it was built (epoch ms). */
  builtAt: number;
  /** Images stored when it was built. */
  total: number;
  /** The first records of the page's default view, in order. */
  records: ImageRecord[];
  /** Thumbnails of the first of those records (as many as fill a screen). */
  thumbs: Map<string, Blob>;
}

interface SnapshotMeta {
  v: number;
  kind: SnapshotKind;
  builtAt: number;
  total: number;
  records: ImageRecord[];
  /** [image id, offset after the header, size, MIME type] */
  thumbs: [string, number, number, string][];
}

export interface PackedSnapshot {
  body: Blob;
  /** Byte length of the JSON header at the start of `body`. */
  metaLength: number;
}

export function packSnapshot(s: Snapshot): PackedSnapshot {
  const thumbs: SnapshotMeta['thumbs'] = [];
  const parts: Blob[] = [];
  let offset = 0;
  for (const [id, blob] of s.thumbs) {
    thumbs.push([id, offset, blob.size, blob.type]);
    parts.push(blob);
    offset += blob.size;
  }
  const meta: SnapshotMeta = {
    v: SNAPSHOT_VERSION,
    kind: s.kind,
    builtAt: s.builtAt,
    total: s.total,
    records: s.records,
    thumbs,
  };
  const head = new TextEncoder().encode(JSON.stringify(meta));
  return { body: new Blob([head, ...parts]), metaLength: head.byteLength };
}

const isInt = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

function isMeta(m: unknown, kind: SnapshotKind): m is SnapshotMeta {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Partial<SnapshotMeta>;
  return (
    o.v === SNAPSHOT_VERSION &&
    o.kind === kind &&
    isInt(o.builtAt) &&
    isInt(o.total) &&
    Array.isArray(o.records) &&
    o.records.every((r) => typeof r === 'object' && r !== null && typeof r.id === 'string') &&
    Array.isArray(o.thumbs) &&
    o.thumbs.every(
      (t) =>
        Array.isArray(t) &&
        typeof t[0] === 'string' &&
        isInt(t[1]) &&
        isInt(t[2]) &&
        typeof t[3] === 'string',
    )
  );
}

/**
 * Reads a packed snapshot back; null when it is not a snapshot of `kind` in this
 * version, or is cut short (the caller then reads IndexedDB as if there were none).
 * Thumbnails are slices of `body`: nothing is copied.
 */
export async function unpackSnapshot(
  body: Blob,
  metaLength: number,
  kind: SnapshotKind,
): Promise<Snapshot | null> {
  if (!isInt(metaLength) || metaLength > body.size) return null;
  let meta: unknown;
  try {
    meta = JSON.parse(await body.slice(0, metaLength).text());
  } catch {
    return null;
  }
  if (!isMeta(meta, kind)) return null;
  const thumbs = new Map<string, Blob>();
  for (const [id, offset, size, type] of meta.thumbs) {
    const start = metaLength + offset;
    if (start + size > body.size) return null;
    thumbs.set(id, body.slice(start, start + size, type));
  }
  return { kind, builtAt: meta.builtAt, total: meta.total, records: meta.records, thumbs };
}

/** Whether a snapshot still shows what IndexedDB holds: same total, same records in order. */
export function snapshotMatches(s: Snapshot, total: number, records: readonly ImageRecord[]): boolean {
  return (
    s.total === total &&
    s.records.length === records.length &&
    s.records.every((r, i) => JSON.stringify(r) === JSON.stringify(records[i]))
  );
}
