/**
 * Loads thumbnails for the tiles on screen, lazily and in batches: one IndexedDB
 * transaction per frame's worth of new tiles. A tile that left the screen before its
 * bytes arrived is skipped (no object URL is made for it). Falls back to the original
 * when a thumbnail is missing or unreadable, then to a placeholder saying which.
 */
import { originalsPresent, readOriginal, readThumbs } from '../db/gallery';
import { showBlob } from '../ui/blob-img';
import { showMissing, type Tile } from './tile';

export class TileLoader {
  private pending = new Set<string>();
  private scheduled = false;
  private firstDone = false;
  private held = false;

  constructor(
    /** The tile currently mounted for an id, if any. */
    private readonly mounted: (id: string) => Tile | undefined,
    /** Called once the first batch's visible thumbnails are decoded ("first thumbnails painted"). */
    private readonly onFirstPaint: () => void,
    /** Whether a tile intersects the viewport (not just the overscan row). */
    private readonly inView: (t: Tile) => boolean,
  ) {}

  /** While held (a fast scroll), requests wait; releasing loads what is on screen then. */
  hold(on: boolean): void {
    if (this.held === on) return;
    this.held = on;
    if (!on) this.schedule();
  }

  request(t: Tile): void {
    if (t.bytes !== 'idle') return;
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
    const thumbs = await readThumbs(ids).catch((err) => {
      console.warn('[image-vault] reading thumbnails failed', err);
      return new Map<string, Blob | null>();
    });
    const shown: HTMLImageElement[] = [];
    for (const id of ids) {
      const t = this.loading(id);
      if (!t) continue;
      const thumb = thumbs.get(id) ?? null;
      if (thumb && this.inView(t)) shown.push(t.img);
      this.show(t, thumb ?? 'original', false);
    }
    if (!this.firstDone) {
      this.firstDone = true;
      await Promise.all(shown.map((img) => img.decode().catch(() => undefined)));
      requestAnimationFrame(() => this.onFirstPaint());
    }
    // Second, and off the critical path: flag tiles whose original is gone.
    const present = await originalsPresent(ids).catch(() => null);
    for (const id of ids) {
      const t = this.mounted(id);
      if (!t || !present || present.has(id)) continue;
      t.el.classList.add('no-original');
      t.el.title = 'The original file of this image is missing';
    }
  }

  /** Shows a thumbnail, else the original; the placeholder when neither can be shown. */
  private show(t: Tile, source: Blob | 'original', sawBytes: boolean): void {
    // Tiles are recycled: act only while this tile still shows this image.
    const id = t.id;
    const current = () => t.id === id && this.mounted(id) === t;
    const fail = (saw: boolean) =>
      current() && showMissing(t, saw ? 'Image can’t be shown' : 'Image missing');
    t.img.onload = () => {
      if (current()) t.bytes = 'shown';
    };
    t.img.onerror = () => {
      if (!current()) return;
      if (source === 'original') fail(true);
      else this.show(t, 'original', true);
    };
    if (source instanceof Blob) {
      showBlob(t.img, source);
      return;
    }
    readOriginal(id).then(
      (blob) => {
        if (!current()) return;
        if (blob) showBlob(t.img, blob);
        else fail(sawBytes);
      },
      () => fail(sawBytes),
    );
  }
}
