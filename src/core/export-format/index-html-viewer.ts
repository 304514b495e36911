/**
 * The script of the archive's offline index.html. It is never run by the extension: its
 * source is serialized into the page (index-html.ts), so it must not reference anything
 * outside its own body. Every piece of data goes in through textContent, never as HTML.
 */

export interface ViewerItem {
  /** null: a prompt-only record (no image saved), shown as a text card. */
  file: string | null;
  /** ISO 8601, prompt-only records: when ChatGPT's link to the image expired. */
  linkExpiresAt: string | null;
  title: string | null;
  prompt: string;
  revisedPrompt: string;
  createdAt: string;
  model: string;
  width: number;
  height: number;
  favorite: boolean;
  conversationTitle: string;
  conversationUrl: string;
  embeddedCopy: string | null;
}

/** `isLink`: which conversation addresses become links (chatgpt-link.ts isChatGptLink, passed in as source). */
export function viewerMain(isLink: (url: string) => boolean): void {
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const data = JSON.parse($('vault-data').textContent || '[]') as ViewerItem[];
  const q = $<HTMLInputElement>('q');
  const grid = $('grid');
  const status = $('status');
  const more = $<HTMLButtonElement>('more');
  const dlg = $<HTMLDialogElement>('detail');
  const PAGE = 240;
  const haystack = data.map((d) => `${d.title ?? ''}\n${d.prompt}\n${d.revisedPrompt}`.toLowerCase());
  let matches = data;
  let shown = 0;

  const el = (tag: string, cls: string, text?: string) => {
    const e = document.createElement(tag);
    e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const label = (d: ViewerItem) =>
    d.title || d.prompt.split('\n')[0] || d.revisedPrompt.slice(0, 80) || d.file || 'Untitled image';
  const noImage = (d: ViewerItem) =>
    d.linkExpiresAt && Date.parse(d.linkExpiresAt) <= Date.now()
      ? `No image: the link expired on ${d.linkExpiresAt.slice(0, 10)}`
      : 'No image: only the prompts were saved';

  function picture(d: ViewerItem): HTMLElement {
    if (!d.file) {
      const box = el('span', 'noimg');
      box.append(el('p', '', d.prompt || d.revisedPrompt), el('em', '', noImage(d)));
      return box;
    }
    const img = document.createElement('img');
    img.loading = 'lazy';
    img.src = d.file;
    img.alt = label(d);
    return img;
  }

  function card(d: ViewerItem): HTMLElement {
    const b = el('button', 'card');
    if (d.file) b.dataset.file = d.file;
    else b.dataset.noImage = 'true';
    b.append(
      picture(d),
      el('span', 'cap', `${d.favorite ? '★ ' : ''}${label(d)}`),
      el('span', 'date', d.createdAt.slice(0, 10)),
    );
    b.addEventListener('click', () => open(d));
    return b;
  }

  function showMore(): void {
    const next = matches.slice(shown, shown + PAGE);
    grid.append(...next.map(card));
    shown += next.length;
    more.hidden = shown >= matches.length;
    status.textContent = `${matches.length} of ${data.length} records`;
  }

  function search(): void {
    const terms = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    matches = data.filter((_, i) => terms.every((t) => haystack[i]!.includes(t)));
    grid.replaceChildren();
    shown = 0;
    showMore();
  }

  function open(d: ViewerItem): void {
    const img = $<HTMLImageElement>('d-img');
    img.hidden = !d.file;
    if (d.file) img.src = d.file;
    else img.removeAttribute('src');
    const none = $('d-noimg');
    none.hidden = !!d.file;
    none.textContent = d.file ? '' : noImage(d);
    $('d-title').textContent = label(d);
    $('d-meta').textContent =
      `${d.createdAt.replace('T', ' ').slice(0, 16)} UTC · ${d.model}${d.width ? ` · ${d.width}×${d.height}` : ''}${d.favorite ? ' · ★ favourite' : ''}`;
    $('d-prompt').textContent = d.prompt || '(none recorded)';
    $('d-revised').textContent = d.revisedPrompt || '(none recorded)';
    const conv = $<HTMLAnchorElement>('d-conv');
    conv.textContent = d.conversationTitle || d.conversationUrl;
    // Only ChatGPT's own pages become a link; anything else stays plain text (an <a> without href).
    if (isLink(d.conversationUrl)) conv.href = d.conversationUrl;
    else {
      conv.removeAttribute('href');
      if (d.conversationUrl) conv.textContent = `${conv.textContent} (not a ChatGPT address, not linked)`;
    }
    const file = $<HTMLAnchorElement>('d-file');
    file.hidden = !d.file;
    file.href = d.file ?? '#';
    const copy = $<HTMLAnchorElement>('d-copy');
    copy.hidden = !d.embeddedCopy;
    copy.href = d.embeddedCopy ?? '#';
    dlg.showModal();
  }

  for (const id of ['c-prompt', 'c-revised'])
    $(id).addEventListener('click', () => {
      void navigator.clipboard?.writeText($(id === 'c-prompt' ? 'd-prompt' : 'd-revised').textContent ?? '');
    });
  $('d-close').addEventListener('click', () => dlg.close());
  q.addEventListener('input', search);
  more.addEventListener('click', showMore);
  search();
  document.body.dataset.ready = 'true';
}
