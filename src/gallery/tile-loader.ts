/**
 * Loads thumbnails for the tiles on screen, lazily and in batches: one IndexedDB
 * transaction per frame's worth of new tiles. A tile that left the screen before its
 * bytes arrived is skipped (no object URL is made for it). Thumbnails primed from the
 * start-up snapshot are shown without waiting for the database. Falls back to the original
 * when a thumbnail is missing or unreadable, then to a placeholder saying which.
 * Thumbnails show on canvases (ui/paint-over.ts `paintInstead`): Chromium would keep the
 * decoded pixels of every <img> it painted long after the tile moved on.
 */
import { isPromptOnly } from '../core/types';
import { originalsPresent, readOriginal, readThumbs } from '../db/gallery';
import { showBlob } from '../ui/blob-img';
import { clearPaintOver, paintInstead, paintOver } from '../ui/paint-over';
import { showMissing, type Tile } from './tile';

export class TileLoader {
  private pending = new Set<string>();
  private scheduled = false;
  private firstDone = false;
  private held = false;
  /** Thumbnails from the start-up snapshot, by image id. */
  private primed = new Map<string, Blob>();

  constructor(
    /** The tile currently mounted for an id, if any. */
    private readonly mounted: (id: string) => Tile | undefined,
    /** Called once the first batch's visible thumbnails are decoded ("first thumbnails painted"). */
    private readonly onFirstPaint: () => void,
    /** Whether a tile intersects the viewport (not just the overscan row). */
    private readonly inView: (t: Tile) => boolean,
  ) {}

  /** Thumbnails to use before asking IndexedDB (same bytes: a copy made from it). */
  prime(thumbs: ReadonlyMap<string, Blob>): void {
    for (const [id, blob] of thumbs) this.primed.set(id, blob);
  }

  /** While held (a fast scroll), requests wait; releasing loads what is on screen then. */
  hold(on: boolean): void {
    if (this.held === on) return;
    this.held = on;
    if (!on) this.schedule();
  }

  /** Asks for a tile's thumbnail; a prompt-only record (`bytes: 'none'`) has none to ask for. */
  request(t: Tile): void {
    if (t.bytes !== 'idle' || isPromptOnly(t.rec)) return;
    t.bytes = 'loading';
    this.pending.add(t.id);
    this.schedule();
  }

  private schedule(): void {
    if (!this.scheduled && !this.held && this.pending.size) {
      this.scheduled = true;
      // The first screen at once; later batches a frame later, so that tiles which only
      // flashed by during a fast scroll are never read at all.
      if (this.firstDone) requestAnimationFrame(() => void this.flush());
      else queueMicrotask(() => void this.flush());
    }
  }

  private loading(id: string): Tile | undefined {
    const t = this.mounted(id);
    return t?.bytes === 'loading' ? t : undefined;
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    if (this.held) return;
    const ids = [...this.pending].filter((id) => this.loading(id));
    this.pending.clear();
    if (!ids.length) return;
    const primed = ids.filter((id) => this.primed.has(id));
    const fromDb = ids.filter((id) => !this.primed.has(id));
    const first = !this.firstDone;
    this.firstDone = true;
    // The first screen's primed tiles in view paint through canvases (ui/paint-over.ts);
    // their <img>s load once that frame is out.
    const quick = first ? primed.filter((id) => this.inView(this.mounted(id)!)) : [];
    const overlays = Promise.all(
      quick.map((id) => {
        const t = this.mounted(id)!;
        return paintOver(t.img, this.primed.get(id)!, () => t.id === id && this.mounted(id) === t);
      }),
    );
    // Other primed tiles show at once; the rest when their batch comes back from the database.
    const shownNow = this.showAll(
      primed.filter((id) => !quick.includes(id)),
      this.primed,
    );
    const shownLater = fromDb.length
      ? readThumbs(fromDb).then(
          (thumbs) => this.showAll(fromDb, thumbs),
          (err) => {
            console.warn('[image-vault] reading thumbnails failed', err);
            return this.showAll(fromDb, new Map());
          },
        )
      : [];
    if (first) {
      // The first screen is painted once the tiles in view show: wait for the database
      // only if some of them were not in the snapshot.
      const waitDb = fromDb.some((id) => {
        const t = this.mounted(id);
        return t !== undefined && this.inView(t);
      });
      const shown = [...shownNow, ...(waitDb ? await shownLater : [])];
      const [drawn] = await Promise.all([overlays, ...shown]);
      // A thumbnail the canvas could not draw gets the normal path (and its fallbacks) now.
      this.showAll(
        quick.filter((_, i) => !drawn[i]),
        this.primed,
      );
      requestAnimationFrame(() => {
        this.onFirstPaint();
        this.showAll(quick, this.primed);
      });
    }
    await shownLater;
    // Second, and off the critical path: flag tiles whose original is gone.
    const present = await originalsPresent(ids).catch(() => null);
    for (const id of ids) {
      const t = this.mounted(id);
      // A prompt-only record has no original by design: nothing to flag.
      if (!t || !present || present.has(id) || t.bytes === 'none') continue;
      t.el.classList.add('no-original');
      t.el.title = 'The original file of this image is missing';
    }
  }

  /** Shows each still-loading tile's thumbnail; returns, for those in view, when each is drawn. */
  private showAll(ids: readonly string[], thumbs: ReadonlyMap<string, Blob | null>): Promise<boolean>[] {
    const shown: Promise<boolean>[] = [];
    for (const id of ids) {
      const t = this.loading(id);
      if (!t) continue;
      const drawn = this.show(t, thumbs.get(id) ?? 'original', false);
      if (drawn && this.inView(t)) shown.push(drawn);
    }
    return shown;
  }

  /**
   * Shows a thumbnail (on a canvas over the <img>, which loads it too), else the original
   * (in the <img>: rare, and too large to keep twice); the placeholder when neither can be
   * shown. Returns when a thumbnail is drawn (null for an original).
   */
  private show(t: Tile, source: Blob | 'original', sawBytes: boolean): Promise<boolean> | null {
    // Tiles are recycled: act only while this tile still shows this image.
    const id = t.id;
    const current = () => t.id === id && this.mounted(id) === t;
    const fail = (saw: boolean) =>
      current() && showMissing(t, saw ? 'Image can’t be shown' : 'Image missing');
    t.img.onload = () => {
      if (!current()) return;
      t.bytes = 'shown';
    };
    t.img.onerror = () => {
      if (!current()) return;
      if (source === 'original') fail(true);
      else this.show(t, 'original', true);
    };
    if (source instanceof Blob) {
      const drawn = paintInstead(t.img, source, current);
      showBlob(t.img, source);
      return drawn;
    }
    clearPaintOver(t.img);
    readOriginal(id).then(
      (blob) => {
        if (!current()) return;
        if (blob) showBlob(t.img, blob);
        else fail(sawBytes);
      },
      () => fail(sawBytes),
    );
    return null;
  }
}
