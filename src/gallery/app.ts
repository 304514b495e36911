/**
 * The gallery page: wires header, filters, grid, lightbox, selection and live updates
 * around one Catalog and one ViewState (mirrored in the URL hash).
 */
import type { Snapshot } from '../core/snapshot';
import type { ImageRecord } from '../core/types';
import { firstRecords } from '../db/gallery';
import { purgeTrash } from '../db/gallery-mutations';
import { keepSnapshotFresh, refreshSnapshotIfStale } from '../db/snapshot';
import { SNAPSHOT_RECORDS } from '../db/snapshot-cache';
import { browser } from '../platform/browser';
import { t, tn } from '../platform/i18n';
import { h } from '../ui/dom';
import { mountLibraryCard } from '../ui/library-mount';
import { onStatusChanged } from '../ui/live';
import { defaultActions, fetchStatus, statusNotice } from '../ui/status';
import { type ActionContext, favorite, remove } from './actions';
import { captionFor } from './caption';
import { Catalog } from './catalog';
import { firstRunState, noMatchState } from './empty-state';
import { EXPORT_AVAILABLE, openExport, openImport, runUrlAction } from './exporter';
import { MissingFetches } from './fetch-missing';
import { createFilterBar } from './filter-bar';
import { createFilters } from './filters';
import { VirtualGrid } from './grid';
import { createHeader } from './header';
import { Lightbox } from './lightbox';
import { followChanges, loadCatalog, warmSearch } from './loader';
import { parseQuery } from './search';
import { Selection } from './selection';
import { createSelectionBar } from './selection-bar';
import { openShortcuts } from './shortcuts';
import { openStoragePanel } from './storage-panel';
import { createSummary } from './summary';
import { unknownImage } from './unknown-image';
import { DEFAULT_VIEW, formatHash, hasFilters, parseHash, type ViewState } from './view-state';

export async function startGallery(signal: AbortSignal, snapshot: Promise<Snapshot | null>): Promise<void> {
  // This page deletes, restores, favourites and imports: its changes drop the snapshot.
  keepSnapshotFresh(signal);
  const catalog = new Catalog();
  const selection = new Selection();
  let state: ViewState = parseHash(location.hash);
  let selectMode = false;
  let loaded = false;
  let items: readonly ImageRecord[] = [];
  let positions: Map<string, number> | null = null;

  const position = (id: string) => {
    positions ??= new Map(items.map((r, i) => [r.id, i]));
    return positions.get(id) ?? -1;
  };
  const filtered = () => !!state.q.trim() || hasFilters(state);
  const ctx: ActionContext = { catalog, changed: () => render() };
  const fetches = new MissingFetches(() => render(false));
  let firstPainted = () => {};
  const painted = new Promise<void>((r) => {
    firstPainted = r;
  });

  const header = createHeader({
    search: (q) => update({ q }),
    toggleSelectMode: () => {
      selectMode = !selectMode;
      if (!selectMode) selection.clear();
      render(false);
    },
    exportShown: () =>
      void (filtered()
        ? openExport(
            items.map((r) => r.id),
            tn('gallery_images_shown', items.length),
          )
        : openExport(null)),
    importBackup: () => void openImport(),
    openStorage: () => openStoragePanel(catalog.promptOnlyCount()),
    openSettings: () => void browser.runtime.openOptionsPage(),
  });
  const filters = createFilters((patch) => update(patch));
  const summary = createSummary();
  const filterBar = createFilterBar(filters, summary, (patch) => update(patch));
  const notices = h('div', { class: 'notices' });
  const libraryHost = h('div', { class: 'library-host' });
  const library = mountLibraryCard(libraryHost, signal);
  const emptyHost = h('div', { class: 'empty-host' });
  const grid = new VirtualGrid(
    {
      activate: (id, e) => {
        if (e.shiftKey)
          selection.extend(
            id,
            items.map((r) => r.id),
          );
        else if (e.ctrlKey || e.metaKey || selectMode || selection.size) selection.toggle(id);
        else return lightbox.open(id);
        render(false);
      },
      toggle: (id) => {
        selection.toggle(id);
        render(false);
      },
      favorite: (id) => {
        const rec = catalog.get(id);
        if (rec) void favorite(ctx, [id], rec.favorite ? 0 : 1);
      },
      isSelected: (id) => selection.has(id),
      caption: (rec) => captionFor(rec, state.q),
      fetch: (id) => void fetches.fetch(id),
      fetchState: (id) => fetches.state(id),
      firstPaint: () => {
        performance.mark('vault:first-thumbs');
        firstPainted();
      },
    },
    signal,
  );
  const bar = createSelectionBar({
    favorite: (v) => void favorite(ctx, [...selection.ids], v),
    remove: async () => {
      if (!(await remove(ctx, [...selection.ids], true))) return;
      selection.clear();
      render(false);
    },
    exportSelected: () => void openExport([...selection.ids], tn('gallery_images_selected', selection.size)),
    selectAll: () => {
      selection.setAll(items.map((r) => r.id));
      render(false);
    },
    clear: () => {
      selection.clear();
      render(false);
    },
  });
  const lightbox = new Lightbox({
    record: (id) => catalog.get(id),
    neighbour: (id, step) => items[position(id) + step]?.id ?? null,
    terms: () => parseQuery(state.q),
    favorite: (id, v) => void favorite(ctx, [id], v),
    remove: (id) => void remove(ctx, [id], false),
    filterConversation: (conv) => update({ conv, q: '' }),
    fetch: (id) => void fetches.fetch(id),
    fetchState: (id) => fetches.state(id),
    changed: (img) => {
      const back = img === null && state.img ? position(state.img) : -1;
      if (back >= 0) grid.focusIndex(back);
      state = { ...state, img };
      writeHash();
    },
  });
  // Everything sits in a landmark (axe `region`): the header holds the title, search,
  // actions and the filter bar; the selection bar comes after the grid so it never moves it.
  const main = h('main', { class: 'gallery' }, notices, libraryHost, emptyHost, grid.el, bar.el);
  document.body.append(h('header', { class: 'page-top' }, header.el, filterBar.el), main);

  let hashTimer: ReturnType<typeof setTimeout> | undefined;
  /** Mirrors the state in the URL; `typing` waits for a pause (replaceState costs ms per call). */
  function writeHash(typing = false): void {
    clearTimeout(hashTimer);
    if (typing) {
      hashTimer = setTimeout(() => writeHash(), 250);
      return;
    }
    const hash = formatHash(state);
    if (hash !== location.hash)
      history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  }

  /** Applies a change of query/filters: new view from the top. */
  function update(patch: Partial<ViewState>): void {
    const typing = Object.keys(patch).length === 1 && 'q' in patch;
    state = { ...state, ...patch };
    writeHash(typing);
    header.setQuery(state.q);
    if (!typing) {
      filters.sync(state);
      filterBar.sync(state);
    }
    render(true);
  }

  function render(toTop = false): void {
    selection.retain((id) => catalog.has(id));
    items = catalog.view(state);
    positions = null;
    if (loaded) grid.setItems(items, { toTop });
    const total = catalog.size;
    const promptOnly = catalog.promptOnlyCount();
    summary.setCount(items.length, total, promptOnly);
    filters.setPromptOnlyCount(promptOnly, state.noImage);
    header.setSelectMode(selectMode);
    header.setExport(
      EXPORT_AVAILABLE,
      filtered() ? tn('gallery_export_shown', items.length) : t('gallery_export_all'),
      filtered() ? items.length : total,
    );
    filters.setConversations(catalog.dataVersion, () => catalog.conversations(), state.conv);
    filterBar.sync(state);
    bar.update(selection.size, items.length, EXPORT_AVAILABLE, selectMode);
    grid.el.classList.toggle('select-mode', selectMode || selection.size > 0);
    emptyHost.replaceChildren(
      !loaded || items.length
        ? ''
        : total === 0
          ? firstRunState(EXPORT_AVAILABLE ? () => void openImport() : null)
          : noMatchState(() => update({ ...DEFAULT_VIEW, sort: state.sort })),
    );
    lightbox.refresh();
    document.dispatchEvent(new CustomEvent('vault:view', { detail: { count: items.length } }));
  }

  async function refreshStatus(): Promise<void> {
    const s = await fetchStatus();
    notices.replaceChildren(
      statusNotice(
        s,
        defaultActions(() => void refreshStatus()),
      ) ?? '',
    );
  }

  header.setQuery(state.q);
  filters.sync(state);
  filterBar.sync(state);
  // The default view paints from the start-up snapshot while the database opens; the
  // database's own first page then replaces it (tiles are keyed by id: same images stay).
  const snap = await snapshot;
  if (snap && !filtered() && state.sort === 'newest') {
    grid.prime(snap.thumbs);
    grid.setItems(snap.records, { reserve: snap.total });
    summary.setCount(snap.total, snap.total);
    // Two cores are few: let the first screen decode before reading the database.
    if (snap.records.length) await Promise.race([painted, new Promise((r) => setTimeout(r, 500))]);
  }
  // IndexedDB serves one database's requests in turn, and getStatus makes the background
  // count() every row: ask for the status only once the first screen is painted.
  const loading = loadCatalog(catalog, state.sort, !filtered(), (first, total) => {
    grid.setItems(first, { reserve: total });
    summary.setCount(total, total);
    return painted;
  });
  const statusShown = Promise.race([painted, loading])
    .then(refreshStatus)
    .then(() => void library.refresh());
  await loading;
  loaded = true;
  render();
  performance.mark('vault:loaded');
  await statusShown;
  if (state.img) openDeepLink(state.img);
  document.body.dataset.ready = 'true';
  performance.mark('vault:ready');

  followChanges(catalog, signal, () => {
    render();
    void refreshStatus();
  });
  onStatusChanged(signal, () => void refreshStatus());
  warmSearch(catalog, signal);
  keepSnapshot(snap, catalog.size, grid.screenCount());
  void purgeTrash().catch(() => undefined);
  window.addEventListener('hashchange', () => onHash(), { signal });
  document.addEventListener('keydown', (e) => onKey(e), { signal });
  runUrlAction();

  function onHash(): void {
    const next = parseHash(location.hash);
    if (formatHash(next) === formatHash(state)) return;
    state = next;
    header.setQuery(state.q);
    filters.sync(state);
    filterBar.sync(state);
    render(true);
    if (state.img && state.img !== lightbox.current) openDeepLink(state.img);
    if (!state.img) lightbox.close();
  }

  /** `#img=<id>`: opens it, or says it is not in the vault and drops it from the URL. */
  function openDeepLink(id: string): void {
    if (catalog.has(id)) {
      lightbox.open(id);
      return;
    }
    state = { ...state, img: null };
    writeHash();
    unknownImage(notices);
  }

  function onKey(e: KeyboardEvent): void {
    const inField = (e.target as Element).closest('input, textarea, select, [contenteditable="true"]');
    // `?` works over the lightbox too (its shortcuts are on the sheet), not over other dialogs.
    const dialogs = [...document.querySelectorAll('dialog[open]')];
    if (e.key === '?' && !inField && !e.ctrlKey && !e.metaKey && !e.altKey) {
      if (dialogs.every((d) => d.matches('[data-testid="lightbox"]'))) {
        e.preventDefault();
        openShortcuts();
      }
      return;
    }
    if (dialogs.length) return;
    if (e.key === '/' && !inField) {
      e.preventDefault();
      header.search.focus();
    } else if (e.key === 'Delete' && !inField && selection.size) {
      bar.el.querySelector<HTMLButtonElement>('[data-testid="bulk-delete"]')?.click();
    } else if (e.key === 'Escape' && !inField && (selection.size || selectMode)) {
      selection.clear();
      selectMode = false;
      render(false);
    }
  }
}

/** Once shown: rebuilds the start-up snapshot if it did not show what the database holds. */
function keepSnapshot(snap: Snapshot | null, total: number, screen: number): void {
  // Compared with the database's own first page, not the catalog's view: records with the
  // same createdAt may be ordered differently there, and the snapshot is built from this.
  firstRecords(SNAPSHOT_RECORDS.gallery, 'newest')
    .then((first) => refreshSnapshotIfStale(snap, total, first, screen))
    .catch((err) => console.warn('[image-vault] snapshot check failed', err));
}
