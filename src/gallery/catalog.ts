/**
 * The gallery's in-memory copy of the `images` store (records only, never bytes) and
 * the view over it: filters, text search, sort. Pure: db/gallery.ts fills it.
 * IndexedDB stays the source of truth; this is rebuilt or patched on every change.
 */
import { type ImageRecord, isPromptOnly } from '../core/types';
import { haystackOf, matchesAll, narrows, parseQuery } from './search';
import { filterPredicate, type ViewState } from './view-state';

export interface Entry {
  rec: ImageRecord;
  /** Folded search text, computed on first need. */
  hay?: string;
}

export interface ConversationOption {
  id: string;
  title: string;
  count: number;
  /** createdAt of its newest image: tells apart conversations with the same title. */
  latest: number;
}

/** Newest first; ties by id so that the order is stable. */
const newestFirst = (a: Entry, b: Entry) =>
  b.rec.createdAt - a.rec.createdAt || (a.rec.id < b.rec.id ? 1 : a.rec.id > b.rec.id ? -1 : 0);

export class Catalog {
  private byId = new Map<string, Entry>();
  private sorted: Entry[] = [];
  private dirty = false;
  /** Bumped on every data change; part of the view cache key. */
  private version = 0;
  private base: { key: string; list: Entry[] } | null = null;
  private last: { key: string; q: string; list: Entry[] } | null = null;
  private convs: { version: number; list: ConversationOption[] } | null = null;
  private promptOnly: { version: number; count: number } | null = null;

  get size(): number {
    return this.byId.size;
  }

  get(id: string): ImageRecord | undefined {
    return this.byId.get(id)?.rec;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Largest capturedAt held: live updates fetch what came after it. */
  latestCapture(): number {
    let max = 0;
    for (const e of this.byId.values()) if (e.rec.capturedAt > max) max = e.rec.capturedAt;
    return max;
  }

  replaceAll(recs: readonly ImageRecord[]): void {
    this.byId = new Map(recs.map((rec) => [rec.id, { rec }]));
    this.changed();
  }

  upsert(recs: readonly ImageRecord[]): void {
    for (const rec of recs) this.byId.set(rec.id, { rec });
    if (recs.length) this.changed();
  }

  remove(ids: readonly string[]): void {
    let n = 0;
    for (const id of ids) if (this.byId.delete(id)) n++;
    if (n) this.changed();
  }

  /** The records the view state selects, in its order. */
  view(s: ViewState): ImageRecord[] {
    return this.viewEntries(s).map((e) => e.rec);
  }

  viewEntries(s: ViewState): Entry[] {
    if (this.dirty) {
      this.sorted = [...this.byId.values()].sort(newestFirst);
      this.dirty = false;
    }
    const key = JSON.stringify([this.version, s.from, s.to, s.model, s.conv, s.fav, s.noImage, s.sort]);
    if (this.base?.key !== key) {
      const keep = filterPredicate(s);
      const list = this.sorted.filter((e) => keep(e.rec));
      this.base = { key, list: s.sort === 'oldest' ? list.reverse() : list };
    }
    // Longest term first: usually the rarest, so most records fail on the first check.
    const terms = parseQuery(s.q).sort((a, b) => b.length - a.length);
    let list = this.base.list;
    if (terms.length) {
      // Typing more letters only narrows: scan the previous result, not everything.
      const from = this.last?.key === key && narrows(this.last.q, s.q) ? this.last.list : list;
      list = from.filter((e) => {
        e.hay ??= haystackOf(e.rec);
        return matchesAll(e.hay, terms);
      });
    }
    this.last = { key, q: s.q, list };
    return list;
  }

  /** Conversations for the filter, most images first (cached until the data changes). */
  conversations(): ConversationOption[] {
    if (this.convs?.version === this.version) return this.convs.list;
    const m = new Map<string, ConversationOption>();
    for (const { rec } of this.byId.values()) {
      if (!rec.conversationId) continue;
      const c = m.get(rec.conversationId);
      if (!c) {
        const title = rec.conversationTitle;
        m.set(rec.conversationId, { id: rec.conversationId, title, count: 1, latest: rec.createdAt });
        continue;
      }
      c.count++;
      // A renamed conversation: its newest image carries its current title.
      if (rec.createdAt >= c.latest) {
        c.latest = rec.createdAt;
        if (rec.conversationTitle) c.title = rec.conversationTitle;
      }
    }
    const list = [...m.values()].sort((a, b) => b.count - a.count || a.title.localeCompare(b.title));
    this.convs = { version: this.version, list };
    return list;
  }

  /** How many records are prompt-only (no image bytes), cached until the data changes. */
  promptOnlyCount(): number {
    if (this.promptOnly?.version === this.version) return this.promptOnly.count;
    let count = 0;
    for (const { rec } of this.byId.values()) if (isPromptOnly(rec)) count++;
    this.promptOnly = { version: this.version, count };
    return count;
  }

  /** Changes with every data change: lets views skip work when nothing changed. */
  get dataVersion(): number {
    return this.version;
  }

  /** Computes haystacks ahead of the first search, a slice at a time (idle callbacks). */
  warm(budget: () => boolean): boolean {
    for (const e of this.byId.values()) {
      if (e.hay === undefined) e.hay = haystackOf(e.rec);
      if (!budget()) return false;
    }
    return true;
  }

  /** Sum of original sizes as recorded (the storage panel measures blobs too); prompt-only records weigh 0. */
  totalBytes(): number {
    let n = 0;
    for (const { rec } of this.byId.values()) if (!isPromptOnly(rec)) n += rec.bytes;
    return n;
  }

  private changed(): void {
    this.dirty = true;
    this.version++;
    this.base = null;
    this.last = null;
  }
}
