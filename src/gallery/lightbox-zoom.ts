/**
 * Fit and 1:1 for the lightbox's original (issue 13 §6). "Fit" scales the picture down to the
 * stage; "actual size" shows one image pixel per CSS pixel, in the figure's own scroll box, so
 * the wheel, the scrollbars, a drag and the arrow keys all pan it. The `<img>` keeps the
 * stored bytes' object URL: zooming only changes its CSS size, nothing is re-encoded.
 *
 * Pointer: a click on the picture toggles (zooming in keeps the clicked point under the
 * pointer); a drag while zoomed pans and is not a click. Keys live in lightbox.ts.
 */
import { t } from '../platform/i18n';
import { icon } from '../ui/icons';

/** A drag shorter than this (px) is still a click. */
const CLICK_SLOP = 4;
/** What one arrow key press pans (px). */
export const PAN_STEP = 80;

/** The zoom state of one lightbox figure, and its toggle button. */
export class Zoom {
  private drag: { x: number; y: number; left: number; top: number; moved: boolean } | null = null;
  private dragged = false;

  constructor(
    private readonly figure: HTMLElement,
    readonly button: HTMLButtonElement,
  ) {
    button.addEventListener('click', () => this.toggle());
    figure.addEventListener('pointerdown', (e) => this.down(e));
    figure.addEventListener('pointermove', (e) => this.move(e));
    figure.addEventListener('pointerup', () => this.up());
    figure.addEventListener('pointercancel', () => this.up());
    figure.addEventListener('click', (e) => this.click(e));
    this.sync();
  }

  /** The original shown (not a thumbnail or placeholder), the only thing that zooms. */
  private get img(): HTMLImageElement | null {
    return this.figure.querySelector<HTMLImageElement>('img.lb-original');
  }

  get zoomed(): boolean {
    return this.figure.dataset.zoom === 'actual';
  }

  /** Back to fit, and the button shown only when there is an original: call after the figure changes. */
  reset(): void {
    this.set(false);
  }

  /** Toggles; `at` (client coordinates) is the point to keep under the pointer, else the centre. */
  toggle(at?: { x: number; y: number }): void {
    this.set(!this.zoomed, at);
  }

  set(actual: boolean, at?: { x: number; y: number }): void {
    const img = this.img;
    if (!img) delete this.figure.dataset.zoom;
    if (!img || actual === this.zoomed) {
      this.sync();
      return;
    }
    const box = this.figure.getBoundingClientRect();
    const from = img.getBoundingClientRect();
    const x = at?.x ?? box.left + box.width / 2;
    const y = at?.y ?? box.top + box.height / 2;
    // Where the point falls on the picture, as a fraction of it, before the change.
    const fx = from.width ? (x - from.left) / from.width : 0.5;
    const fy = from.height ? (y - from.top) / from.height : 0.5;
    if (actual) this.figure.dataset.zoom = 'actual';
    else delete this.figure.dataset.zoom;
    this.sync();
    if (!actual) return;
    this.figure.scrollLeft = img.offsetLeft + fx * img.naturalWidth - (x - box.left);
    this.figure.scrollTop = img.offsetTop + fy * img.naturalHeight - (y - box.top);
  }

  /** Pans a zoomed picture by (dx, dy) px. */
  pan(dx: number, dy: number): void {
    this.figure.scrollBy({ left: dx, top: dy });
  }

  private sync(): void {
    const actual = this.zoomed;
    this.button.hidden = !this.img;
    this.button.setAttribute('aria-pressed', String(actual));
    const label = actual ? t('lightbox_zoom_fit') : t('lightbox_zoom_actual');
    this.button.setAttribute('aria-label', label);
    this.button.title = `${label} (Z)`;
    this.button.replaceChildren(icon(actual ? 'fit' : 'zoomIn', { size: 20 }));
    // A scroll box must be reachable by keyboard (axe: scrollable-region-focusable).
    if (actual) this.figure.tabIndex = 0;
    else this.figure.removeAttribute('tabindex');
  }

  private down(e: PointerEvent): void {
    this.dragged = false;
    if (!this.zoomed || e.button !== 0) return;
    const f = this.figure;
    this.drag = { x: e.clientX, y: e.clientY, left: f.scrollLeft, top: f.scrollTop, moved: false };
    f.setPointerCapture(e.pointerId);
    e.preventDefault(); // no native image drag, no text selection
  }

  private move(e: PointerEvent): void {
    const d = this.drag;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < CLICK_SLOP) return;
    d.moved = true;
    this.figure.dataset.dragging = 'true';
    this.figure.scrollLeft = d.left - dx;
    this.figure.scrollTop = d.top - dy;
  }

  private up(): void {
    this.dragged = this.drag?.moved ?? false;
    this.drag = null;
    delete this.figure.dataset.dragging;
  }

  private click(e: MouseEvent): void {
    if (this.dragged) return;
    // Fit: only a click on the picture zooms. Zoomed: a click anywhere goes back.
    if (!this.zoomed && e.target !== this.img) return;
    this.toggle({ x: e.clientX, y: e.clientY });
  }
}
