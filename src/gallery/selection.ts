/**
 * Which images are selected, pure: ctrl/cmd-click toggles one, shift-click adds the
 * range from the last clicked image, in the order currently shown.
 */

export class Selection {
  readonly ids = new Set<string>();
  /** The image a shift-click range starts from. */
  anchor: string | null = null;

  get size(): number {
    return this.ids.size;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  toggle(id: string): void {
    if (this.ids.has(id)) this.ids.delete(id);
    else this.ids.add(id);
    this.anchor = id;
  }

  /** Adds every id between the anchor and `id` in `order` (or just `id` without an anchor). */
  extend(id: string, order: readonly string[]): void {
    const to = order.indexOf(id);
    const from = this.anchor === null ? -1 : order.indexOf(this.anchor);
    if (to === -1) return;
    if (from === -1) {
      this.ids.add(id);
    } else {
      const [a, b] = from < to ? [from, to] : [to, from];
      for (let i = a; i <= b; i++) this.ids.add(order[i]!);
    }
    this.anchor = id;
  }

  setAll(ids: Iterable<string>): void {
    this.ids.clear();
    for (const id of ids) this.ids.add(id);
  }

  /** Drops ids that no longer exist (deleted elsewhere). */
  retain(exists: (id: string) => boolean): void {
    for (const id of this.ids) if (!exists(id)) this.ids.delete(id);
    if (this.anchor && !exists(this.anchor)) this.anchor = null;
  }

  clear(): void {
    this.ids.clear();
    this.anchor = null;
  }
}
