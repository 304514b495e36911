/**
 * The simulated ChatGPT page: a tiny single-page app that renders the 2026 markup of
 * docs/chatgpt.md §Live DOM. `pageApp` runs in the page (serialized with `Function.prototype.toString`,
 * so it must not use anything from outside its own body).
 *
 * In-page hooks for tests (`window.__sim`): `state`, `navigate(path)`, `showAllTurns()`,
 * `imagesLoaded()`, and the live-generation calls used by `Simulator.generate`.
 * Events on `window`: `sim-ready`, `sim-route-changed`, `sim-turn-started`, `sim-frame`,
 * `sim-turn-finished` (detail: `{ turnKey, fileIds }`).
 */
import type { RenderFrame, RenderModel, RenderTile, RenderTurn } from './render-model';

/** The state the page exposes as `window.__sim.state`. */
export interface SimPageState {
  path: string;
  conversationId: string | null;
  ready: boolean;
  generating: boolean;
  routeChanges: number;
  turnsInDom: number;
  finishedTurns: number;
}

export function pageApp(initial: RenderModel): void {
  let model = initial;
  let showAll = false;
  const state: SimPageState = {
    path: location.pathname,
    conversationId: model.conversationId,
    ready: false,
    generating: false,
    routeChanges: 0,
    turnsInDom: 0,
    finishedTurns: 0,
  };
  const emit = (name: string, detail: unknown = {}) =>
    window.dispatchEvent(new CustomEvent(name, { detail }));

  function h(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    for (const c of children) e.append(c);
    return e;
  }

  const objectUrls = new Map<string, Promise<string>>();
  /** Like ChatGPT's own page: fetch the image (same origin, cookies) and show an object URL of it. */
  async function showAsBlob(i: HTMLImageElement, src: string): Promise<void> {
    let url = objectUrls.get(src);
    if (!url) {
      url = fetch(src, { credentials: 'include' })
        .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(`sim: ${r.status} for ${src}`))))
        .then((b) => URL.createObjectURL(b));
      objectUrls.set(src, url);
    }
    i.src = await url.catch(() => 'about:blank#sim-blob-failed');
  }

  function img(f: RenderFrame, extraClass = '', id = ''): HTMLImageElement {
    const i = document.createElement('img');
    if (f.blob) void showAsBlob(i, f.src);
    else i.src = f.src;
    if (f.dataFileId) i.setAttribute('data-file-id', f.dataFileId);
    i.alt = f.alt;
    i.width = f.width;
    i.height = f.height;
    i.setAttribute('data-sim-role', f.role);
    if (id) i.id = id;
    const blur = f.role === 'final' ? '' : ' blur-2xl scale-110 absolute inset-0';
    i.className = `w-full object-cover${blur}${extraClass ? ` ${extraClass}` : ''}`;
    i.style.width = '256px';
    i.style.height = 'auto';
    return i;
  }

  function tile(t: RenderTile, turn: RenderTurn, index: number): HTMLElement {
    if (t.kind === 'dalle') {
      const d = h('div', { class: 'group/dalle-image relative overflow-hidden rounded-lg' });
      for (const f of t.frames) d.append(img(f, '', `dalle-image-${turn.messageId}-${index}`));
      return d;
    }
    const d = h('div', { id: t.domId, class: 'group/imagegen-image relative overflow-hidden rounded-lg' });
    for (const f of t.frames) d.append(img(f));
    return d;
  }

  function turnEl(turn: RenderTurn, index: number): HTMLElement {
    const section = h('section', {
      'data-turn': turn.role,
      'data-testid': `conversation-turn-${index + 1}`,
      'data-turn-id': turn.key,
      'data-sim-key': turn.key,
      class: 'text-token-text-primary w-full',
    });
    section.append(h('h5', { class: 'sr-only' }, turn.role === 'user' ? 'You said:' : 'ChatGPT said:'));
    if (turn.gizmoIcon)
      section.append(h('img', { src: turn.gizmoIcon, alt: 'GPT Icon', class: 'gizmo-avatar h-6 w-6' }));
    const body = h('div', { 'data-message-author-role': turn.role, 'data-message-id': turn.messageId });
    if (turn.uploads.length) {
      const g = h('div', { class: 'flex gap-2' });
      for (const u of turn.uploads)
        g.append(h('img', { src: u.src, alt: u.alt, width: String(u.width), class: 'h-32' }));
      body.append(g);
    }
    body.append(
      h('div', { class: turn.role === 'user' ? 'whitespace-pre-wrap' : 'markdown prose' }, turn.text),
    );
    if (turn.failed) {
      body.append(h('div', { class: 'text-token-text-error' }, 'Image generation failed'));
      body.append(h('button', { 'data-testid': 'retry-button' }, 'Try again'));
    }
    if (turn.search.length) {
      const g = h('div', { class: 'flex gap-2' });
      for (const s of turn.search) {
        const c = h('div', { class: 'group/search-image relative' });
        c.append(h('img', { src: s.src, alt: s.title, width: String(s.width), height: String(s.height) }));
        g.append(c);
      }
      body.append(g);
    }
    if (turn.tiles.length) {
      // The tile sits in the turn but outside the author-role element (docs/chatgpt.md §Live DOM).
      const grid = h('div', { class: 'flex flex-col gap-2 sim-tiles' });
      turn.tiles.forEach((t, i) => {
        grid.append(tile(t, turn, i));
      });
      section.append(grid);
    }
    section.append(body);
    return section;
  }

  function composer(): HTMLElement {
    const form = h('form', { class: 'composer' });
    form.append(h('div', { id: 'prompt-textarea', contenteditable: 'true' }));
    form.append(
      state.generating
        ? h('button', { 'data-testid': 'stop-button', type: 'button', 'aria-label': 'Stop streaming' })
        : h('button', { 'data-testid': 'send-button', type: 'button', 'aria-label': 'Send prompt' }),
    );
    return form;
  }

  function renderThread(): void {
    const thread = document.getElementById('thread')!;
    thread.textContent = '';
    if (model.notFound) {
      thread.append(h('div', { class: 'not-found' }, 'Unable to load conversation'));
    }
    const start =
      !showAll && model.lazyTurns !== null ? Math.max(0, model.turns.length - model.lazyTurns) : 0;
    if (start > 0) thread.append(h('div', { id: 'sim-older' }, 'Earlier messages'));
    model.turns.forEach((t, i) => {
      if (i >= start) thread.append(turnEl(t, i));
    });
    state.turnsInDom = model.turns.length - start;
    // Like ChatGPT: open at the bottom; scrolling to the top renders the older turns.
    thread.scrollTop = thread.scrollHeight;
  }

  function renderComposer(): void {
    document.getElementById('composer')!.replaceChildren(composer());
  }

  function render(): void {
    document.title = model.title || 'ChatGPT';
    const root = document.getElementById('app')!;
    root.textContent = '';
    const nav = h('nav', { 'aria-label': 'Chat history', id: 'history' });
    nav.append(h('a', { href: '/', 'data-testid': 'create-new-chat-button' }, 'New chat'));
    for (const s of model.sidebar) nav.append(h('a', { href: s.path, 'data-sim-link': '1' }, s.title));
    const header = h('header', { id: 'page-header' });
    header.append(h('img', { src: model.avatarSrc, alt: 'Profile image', class: 'rounded-full h-8 w-8' }));
    if (model.gizmoIcon) header.append(h('img', { src: model.gizmoIcon, alt: 'GPT', class: 'h-8 w-8' }));
    const thread = h('div', { id: 'thread' });
    thread.addEventListener('scroll', () => {
      if (thread.scrollTop < 20 && thread.querySelector('#sim-older')) showAllTurns();
    });
    const main = h('main', { id: 'main' }, thread, h('div', { id: 'composer' }));
    root.append(nav, header, main);
    renderThread();
    renderComposer();
  }

  async function navigate(path: string, push = true): Promise<void> {
    const r = await fetch(`/__sim/render?path=${encodeURIComponent(path)}`);
    model = (await r.json()) as RenderModel;
    if (push) history.pushState({}, '', path);
    showAll = false;
    state.path = location.pathname;
    state.conversationId = model.conversationId;
    state.routeChanges++;
    render();
    emit('sim-route-changed', { path });
  }

  function showAllTurns(): void {
    if (showAll) return;
    showAll = true;
    renderThread();
    emit('sim-turns-expanded');
  }

  function sectionFor(key: string): HTMLElement | null {
    return document.querySelector(`section[data-sim-key="${key}"]`);
  }

  /** Live generation: append turns (user + generating assistant) to the current conversation. */
  function begin(conversationId: string, path: string, turns: RenderTurn[]): boolean {
    if (state.conversationId !== conversationId) {
      if (state.path !== '/') return false;
      // New chat: the URL becomes /c/{id} once the conversation exists.
      history.pushState({}, '', path);
      state.path = path;
      state.conversationId = conversationId;
      state.routeChanges++;
      model = { ...model, conversationId, path, notFound: false };
      emit('sim-route-changed', { path });
    }
    state.generating = true;
    renderComposer();
    const thread = document.getElementById('thread')!;
    for (const t of turns) {
      model.turns.push(t);
      thread.append(turnEl(t, model.turns.length - 1));
      state.turnsInDom++;
    }
    emit('sim-turn-started', { turnKey: turns[turns.length - 1]?.key });
    return true;
  }

  /** Live generation: one more progressive frame in a tile. */
  function frame(turnKey: string, tileIndex: number, f: RenderFrame): void {
    const s = sectionFor(turnKey);
    const grid = s?.querySelector('.sim-tiles');
    const t = grid?.children[tileIndex];
    if (t) t.append(img(f));
    emit('sim-frame', { turnKey, tileIndex });
  }

  /** Live generation ends: final frames added last, stop button removed. */
  function finish(turnKey: string, turn: RenderTurn): void {
    const s = sectionFor(turnKey);
    const idx = model.turns.findIndex((t) => t.key === turnKey);
    if (idx >= 0) model.turns[idx] = turn;
    if (s) {
      let grid = s.querySelector('.sim-tiles');
      if (!grid) {
        grid = h('div', { class: 'flex flex-col gap-2 sim-tiles' });
        s.insertBefore(grid, s.querySelector('[data-message-author-role]'));
      }
      turn.tiles.forEach((t, i) => {
        let el = grid.children[i];
        if (!el) {
          el = tile({ ...t, frames: [] }, turn, i);
          grid.append(el);
        }
        const finals = t.frames.filter((f) => f.role === 'final');
        for (const f of finals)
          el.append(img(f, '', t.kind === 'dalle' ? `dalle-image-${turn.messageId}-${i}` : ''));
      });
      const text = s.querySelector('[data-message-author-role] > div');
      if (text) text.textContent = turn.text;
    }
    state.generating = false;
    state.finishedTurns++;
    renderComposer();
    emit('sim-turn-finished', { turnKey, fileIds: turn.tiles.map((t) => t.fileId) });
  }

  /** Resolves when every `<img>` in the thread has loaded or failed. */
  function imagesLoaded(): Promise<number> {
    const imgs = [...document.querySelectorAll('img')];
    return Promise.all(
      imgs.map((i) =>
        i.complete
          ? null
          : new Promise((r) => {
              i.addEventListener('load', r, { once: true });
              i.addEventListener('error', r, { once: true });
            }),
      ),
    ).then(() => imgs.filter((i) => i.naturalWidth > 0).length);
  }

  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[href^="/"]');
    if (!a) return;
    e.preventDefault();
    void navigate(a.getAttribute('href')!);
  });
  window.addEventListener('popstate', () => void navigate(location.pathname, false));

  (window as unknown as { __sim: unknown }).__sim = {
    state,
    navigate,
    showAllTurns,
    imagesLoaded,
    begin,
    frame,
    finish,
  };
  render();
  state.ready = true;
  emit('sim-ready');
}

/** The HTML document for a page load, with the model embedded. */
export function pageHtml(model: RenderModel): string {
  const json = JSON.stringify(model).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(model.title || 'ChatGPT')}</title>
<style>body{font-family:sans-serif;margin:0;display:flex}nav{width:200px;display:flex;flex-direction:column}
main{flex:1}#thread{height:80vh;overflow-y:auto}section[data-turn]{min-height:300px}img{display:block}.relative{position:relative}.absolute{position:absolute}.inset-0{top:0;left:0}
.blur-2xl{filter:blur(24px)}.sr-only{position:absolute;width:1px;height:1px;overflow:hidden}</style></head>
<body><div id="app"></div>
<script>(${pageApp.toString()})(${json});</script></body></html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
