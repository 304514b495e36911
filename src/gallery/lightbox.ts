/**
 * The lightbox: the full-size original, both prompts, metadata, lineage and the
 * per-image actions. Keyboard (outside text fields):
 * - ←/→ previous/next image; while zoomed, the arrows (↑/↓ too) pan the picture instead;
 * - Z toggles fit / actual size, 1 actual size, 0 fit (a click on the picture toggles too);
 * - F favourite, Delete delete, Esc close; Tab and Shift+Tab stay inside the dialog.
 */
import type { C2paInfo } from '../core/c2pa';
import { type ImageRecord, isPromptOnly } from '../core/types';
import { t } from '../platform/i18n';
import { fill, h } from '../ui/dom';
import { credentialsLine, readCredentials } from './lightbox-credentials';
import { loadImage, showPromptOnly } from './lightbox-image';
import { renderLineage } from './lightbox-lineage';
import { lightboxPanel } from './lightbox-panel';
import { lightboxStage, type Stage } from './lightbox-stage';
import { trapTab } from './lightbox-trap';
import { PAN_STEP } from './lightbox-zoom';
import type { FetchState } from './missing-words';

export interface LightboxHooks {
  record(id: string): ImageRecord | undefined;
  /** Previous/next in the current view. */
  neighbour(id: string, step: -1 | 1): string | null;
  terms(): readonly string[];
  favorite(id: string, value: 0 | 1): void;
  remove(id: string): void;
  filterConversation(conversationId: string): void;
  /** Fetch for a prompt-only record, and where it stands. */
  fetch(id: string): void;
  fetchState(id: string): FetchState;
  /** The open image changed (null: closed); the page keeps it in the URL hash. */
  changed(id: string | null): void;
}

export class Lightbox {
  private readonly dlg: HTMLDialogElement;
  private readonly stage: Stage;
  private readonly figure: HTMLElement;
  private readonly side: HTMLElement;
  private id: string | null = null;
  private urls: string[] = [];
  private originalUrl: string | null = null;
  private download: HTMLAnchorElement | null = null;
  /** The shown original's Content Credentials, read once per image (key as figure's). */
  private credentials: { key: string; info: C2paInfo | 'error' } | null = null;
  /** Where to go if the shown image disappears (deleted here or in another tab). */
  private fallback: string | null = null;
  private cleanupLineage = () => {};

  constructor(private readonly hooks: LightboxHooks) {
    this.stage = lightboxStage(
      (d) => this.step(d),
      () => this.close(),
    );
    this.figure = this.stage.figure;
    this.side = h('div', { class: 'lb-side' });
    this.dlg = h(
      'dialog',
      { class: 'lightbox', 'data-testid': 'lightbox', 'aria-label': t('lightbox_label'), tabIndex: -1 },
      this.stage.el,
      this.side,
    );
    this.dlg.addEventListener('close', () => this.closed());
    this.dlg.addEventListener('keydown', (e) => trapTab(this.dlg, e));
    // On document, not the dialog: keys must work even when focus fell back to <body>.
    document.addEventListener('keydown', (e) => this.dlg.open && this.onKey(e));
    document.body.append(this.dlg);
  }

  get current(): string | null {
    return this.id;
  }

  open(id: string): void {
    const rec = this.hooks.record(id);
    if (!rec) return;
    this.id = id;
    this.render(rec);
    if (!this.dlg.open) {
      this.dlg.showModal();
      // The dialog itself, not its first button: no focus ring on a control the user did not pick.
      this.dlg.focus();
    }
    this.hooks.changed(id);
  }

  close(): void {
    if (this.dlg.open) this.dlg.close();
  }

  /** After a data change: re-render, follow a deleted image to its neighbour, or close. */
  refresh(): void {
    if (!this.id) return;
    const rec = this.hooks.record(this.id);
    if (rec) this.render(rec);
    else if (this.fallback && this.hooks.record(this.fallback)) this.open(this.fallback);
    else this.close();
  }

  private closed(): void {
    this.release();
    this.id = null;
    this.hooks.changed(null);
  }

  private release(): void {
    for (const u of this.urls) URL.revokeObjectURL(u);
    this.urls = [];
    this.originalUrl = null;
    this.cleanupLineage();
    this.cleanupLineage = () => {};
  }

  private render(rec: ImageRecord): void {
    const promptOnly = isPromptOnly(rec);
    // Keyed by bytes too: a prompt-only record that gets its image must load it.
    const key = `${rec.id}|${promptOnly ? 'no-image' : 'image'}`;
    const sameImage = this.figure.dataset.imageId === key;
    if (promptOnly) {
      if (!sameImage) this.release();
      this.figure.dataset.imageId = key;
      showPromptOnly(this.figure, rec, this.hooks.fetchState(rec.id), () => this.hooks.fetch(rec.id));
      if (!sameImage) this.stage.zoom.reset();
    } else if (!sameImage) {
      this.release();
      this.figure.dataset.imageId = key;
      this.figure.replaceChildren(h('div', { class: 'lb-loading', role: 'status' }, t('lightbox_loading')));
      this.stage.zoom.reset();
      const current = () => this.id === rec.id;
      void loadImage(this.figure, rec, current).then((loaded) => {
        if (!current()) {
          for (const u of loaded.urls) URL.revokeObjectURL(u);
          return;
        }
        this.urls = loaded.urls;
        this.originalUrl = loaded.originalUrl;
        this.enableDownload();
        this.stage.zoom.reset();
      });
      void readCredentials(rec.id).then((info) => {
        if (this.figure.dataset.imageId !== key) return;
        this.credentials = { key, info };
        const line = this.side.querySelector('[data-testid="lightbox-credentials"]');
        line?.replaceWith(credentialsLine(info));
      });
    }
    const go = (step: -1 | 1) => this.hooks.neighbour(rec.id, step);
    this.fallback = go(1) ?? go(-1);
    this.stage.setNeighbours(!!go(-1), !!go(1));
    const refocus = this.focusKey();
    // A re-render of the same image (favourite, live update) keeps Details as the user left it.
    const detailsOpen =
      sameImage && !!this.side.querySelector<HTMLDetailsElement>('details.lb-details')?.open;
    const credentials = this.credentials?.key === key ? this.credentials.info : null;
    const panel = lightboxPanel(
      rec,
      {
        terms: this.hooks.terms(),
        favorite: () => this.hooks.favorite(rec.id, rec.favorite ? 0 : 1),
        remove: () => this.hooks.remove(rec.id),
        filterConversation: () => {
          this.close();
          this.hooks.filterConversation(rec.conversationId);
        },
      },
      credentials,
    );
    fill(this.side, ...panel.nodes);
    if (detailsOpen) this.side.querySelector<HTMLDetailsElement>('details.lb-details')!.open = true;
    const { download, lineageHost } = panel;
    this.download = download;
    this.enableDownload();
    if (refocus !== null) this.restoreFocus(refocus);
    const open = (id: string) => this.open(id);
    void renderLineage(lineageHost, rec, open, () => this.id === rec.id).then((c) => {
      this.cleanupLineage();
      this.cleanupLineage = c;
    });
  }

  /** Re-rendering replaces the panel's buttons: remember which one had focus… */
  private focusKey(): string | null {
    const el = document.activeElement as HTMLElement | null;
    if (!el || !this.side.contains(el)) return null;
    return el.dataset.testid ?? el.getAttribute('aria-label') ?? el.tagName;
  }

  /** …and give focus to its successor (or the dialog), so keyboard use can go on. */
  private restoreFocus(key: string): void {
    const next = [...this.side.querySelectorAll<HTMLElement>('button, a, summary')].find(
      (el) =>
        (el.dataset.testid ?? el.getAttribute('aria-label') ?? el.tagName) === key &&
        !(el as HTMLButtonElement).disabled,
    );
    (next ?? this.dlg).focus();
  }

  private enableDownload(): void {
    if (!this.download || !this.originalUrl) return;
    this.download.href = this.originalUrl;
    this.download.removeAttribute('aria-disabled');
  }

  private step(step: -1 | 1): void {
    const next = this.id ? this.hooks.neighbour(this.id, step) : null;
    if (next) this.open(next);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey || (e.target as Element).closest('input, textarea, select'))
      return;
    const id = this.id;
    if (!id) return;
    const rec = this.hooks.record(id);
    const zoom = this.stage.zoom;
    const pan = PAN_STEP;
    if (zoom.zoomed && e.key.startsWith('Arrow')) {
      const dx = e.key === 'ArrowLeft' ? -pan : e.key === 'ArrowRight' ? pan : 0;
      const dy = e.key === 'ArrowUp' ? -pan : e.key === 'ArrowDown' ? pan : 0;
      zoom.pan(dx, dy);
    } else if (e.key === 'ArrowLeft') this.step(-1);
    else if (e.key === 'ArrowRight') this.step(1);
    else if (e.key === 'z' || e.key === 'Z') zoom.toggle();
    else if (e.key === '1') zoom.set(true);
    else if (e.key === '0') zoom.set(false);
    else if ((e.key === 'f' || e.key === 'F') && rec) this.hooks.favorite(id, rec.favorite ? 0 : 1);
    else if (e.key === 'Delete') this.hooks.remove(id);
    else return;
    e.preventDefault();
  }
}
