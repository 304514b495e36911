/**
 * The simulated image library (`GET /backend-api/my/recent/image_gen`, docs/chatgpt.md §Image
 * library): newest first, an opaque cursor, null prompts, blocked and archived items, a page
 * size the server may cap, signed links that can be made to expire, and conversations deleted
 * while their images are still listed. A conversation built but never opened in a page is an
 * image made on another device (the phone).
 */
import type { SimImage } from './conversation';

/** What a test can change about one library item. */
export interface LibraryItemFlags {
  is_archived?: boolean;
  output_blocked?: boolean;
  /** The item's own prompt (default null, as usually seen). */
  prompt?: string | null;
}

export class SimLibrary {
  /** Most items the server returns per page, whatever `limit` asks (default: no cap). */
  pageCap = Number.POSITIVE_INFINITY;
  readonly flags = new Map<string, LibraryItemFlags>();
  /** Conversations deleted: their JSON answers 404, the library still lists their images. */
  readonly deleted = new Set<string>();
  /** `sig=` of every estuary link the library handed out, and those made to expire. */
  private readonly issued = new Set<string>();
  private readonly expired = new Set<string>();

  /** Sets flags of one item (by file id). */
  flag(fileId: string, f: LibraryItemFlags): void {
    this.flags.set(fileId, { ...this.flags.get(fileId), ...f });
  }

  /** Every link the library handed out so far stops working (estuary answers 403). */
  expireLinks(): void {
    for (const s of this.issued) this.expired.add(s);
  }

  /** Used by the routes: whether an estuary request carries an expired library link. */
  isExpired(url: URL): boolean {
    return this.expired.has(url.searchParams.get('sig') ?? '');
  }

  /** One page: `all` newest first, after the item the cursor names. */
  page(
    all: SimImage[],
    q: URLSearchParams,
    item: (i: SimImage) => Record<string, unknown>,
  ): { items: Record<string, unknown>[]; cursor: string | null } {
    const limit = Math.min(Number(q.get('limit') ?? 25) || 25, this.pageCap);
    const after = q.get('after');
    const start = after === null ? 0 : all.findIndex((i) => cursorOf(i) === after) + 1;
    if (after !== null && start === 0) return { items: [], cursor: null };
    const slice = all.slice(start, start + limit);
    const items = slice.map((i) => {
      const base = item(i);
      const sig = new URL(String(base.url)).searchParams.get('sig');
      if (sig) this.issued.add(sig);
      const f = this.flags.get(i.fileId) ?? {};
      return {
        ...base,
        prompt: f.prompt ?? null,
        is_archived: !!f.is_archived,
        output_blocked: !!f.output_blocked,
      };
    });
    const last = slice.at(-1);
    return { items, cursor: last && start + limit < all.length ? cursorOf(last) : null };
  }
}

/** An opaque cursor, as ChatGPT's looks: it names the last item, not a position. */
function cursorOf(i: SimImage): string {
  return Buffer.from(`gen:${i.genId}`).toString('base64url');
}
