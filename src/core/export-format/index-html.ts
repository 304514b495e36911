/**
 * index.html: an offline gallery that works from the unzipped folder with no extension and
 * no network. file:// pages cannot fetch manifest.json, so the data is embedded as an inline
 * JSON block; images are referenced by relative path. Streamed like the other files.
 */
import { MODEL_LABEL, type ModelFamily } from '../types';
import { isChatGptLink } from './chatgpt-link';
import { type ViewerItem, viewerMain } from './index-html-viewer';
import type { ManifestEntry } from './manifest';

/**
 * JSON that cannot end its <script> element early or open a comment: every <, > and & is
 * escaped (JSON allows \u escapes anywhere in strings), and so are U+2028/2029.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function viewerItem(e: ManifestEntry): ViewerItem {
  return {
    file: e.file,
    linkExpiresAt: e.linkExpiresAt ?? null,
    title: e.title,
    prompt: e.prompt,
    revisedPrompt: e.revisedPrompt,
    createdAt: e.createdAt,
    model: MODEL_LABEL[e.model as ModelFamily] ?? e.model,
    width: e.width,
    height: e.height,
    favorite: e.favorite,
    conversationTitle: e.conversationTitle,
    conversationUrl: e.conversationUrl,
    embeddedCopy: e.embeddedCopy ?? null,
  };
}

// No network: the policy allows only this page's inline script and style, and local images.
const CSP =
  "default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

const STYLE = `
:root{color-scheme:light dark;font-family:system-ui,sans-serif}
[hidden]{display:none!important}
body{margin:0;padding:16px}
header{display:flex;gap:12px;align-items:center;flex-wrap:wrap;margin-bottom:12px}
h1{font-size:1.2rem;margin:0}
#q{flex:1;min-width:200px;padding:8px;font-size:1rem}
#grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:10px}
.card{display:flex;flex-direction:column;gap:4px;padding:0;border:1px solid #8884;border-radius:8px;background:none;color:inherit;text-align:left;cursor:pointer;overflow:hidden}
.card img{width:100%;aspect-ratio:1;object-fit:cover;background:#8882}
.noimg{aspect-ratio:1;display:flex;flex-direction:column;gap:6px;padding:10px;font-size:.8rem;overflow:hidden;border-bottom:1px dashed #8886;background:#8881}
.noimg p{margin:0;overflow:hidden;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:7}
.noimg em{margin-top:auto;opacity:.75}
.cap{padding:0 8px;font-size:.85rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.date{padding:0 8px 8px;font-size:.75rem;opacity:.7}
#more{margin:16px auto;display:block;padding:8px 16px}
dialog{max-width:min(1100px,95vw);width:100%;border-radius:10px}
.detail{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px}
@media (max-width:800px){.detail{grid-template-columns:1fr}}
#d-img{width:100%;height:auto;max-height:80vh;object-fit:contain}
.text{white-space:pre-wrap;font-size:.9rem;max-height:30vh;overflow:auto;border-left:3px solid #8886;padding-left:8px}
h3{font-size:.95rem;margin:12px 0 4px;display:flex;gap:8px;align-items:center}`;

export const indexHtml = {
  head(exportedAtIso: string, total: number): string {
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Image Vault: ${total} images</title><style>${STYLE}</style></head>
<body>
<header><h1>Image Vault</h1><input id="q" type="search" placeholder="Search prompts and revised prompts" autofocus>
<span id="status"></span><small>Exported ${exportedAtIso.slice(0, 10)}</small></header>
<main id="grid"></main><button id="more" hidden>Show more</button>
<dialog id="detail"><div class="detail"><div><img id="d-img" alt=""><p id="d-noimg" hidden></p></div><div>
<h2 id="d-title"></h2><p id="d-meta"></p>
<h3>Prompt <button id="c-prompt">Copy</button></h3><div class="text" id="d-prompt"></div>
<h3>Revised prompt <button id="c-revised">Copy</button></h3><div class="text" id="d-revised"></div>
<p><a id="d-conv" target="_blank" rel="noreferrer"></a></p>
<p><a id="d-file" target="_blank">Open original</a> <a id="d-copy" target="_blank" hidden>Copy with prompt embedded</a></p>
<button id="d-close">Close</button></div></div></dialog>
<script type="application/json" id="vault-data">[`;
  },
  entry(e: ManifestEntry, index: number): string {
    return `${index === 0 ? '' : ','}\n${jsonForScript(viewerItem(e))}`;
  },
  tail(): string {
    return `]</script>\n<script>(${viewerMain.toString()})(${isChatGptLink.toString()});</script>\n</body></html>\n`;
  },
};
