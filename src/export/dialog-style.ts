/**
 * The dialogs' few rules, injected once. A style element rather than a CSS import: the
 * dialogs are loaded on demand by pages that do not link this stylesheet, and colours
 * come from the custom properties of ui/base.css that those pages already have.
 */
const CSS = `
dialog.transfer{width:min(560px,92vw)}
dialog.transfer h2{margin-top:0}
dialog.transfer .muted{color:var(--muted)}
dialog.transfer progress{width:100%;height:10px}
dialog.transfer label.option{display:flex;gap:8px;align-items:flex-start;margin:12px 0}
dialog.transfer ul{max-height:180px;overflow:auto;margin:4px 0;padding-left:20px}
dialog.transfer .row{margin-top:16px}`;

export function ensureDialogStyle(): void {
  if (document.getElementById('transfer-dialog-style')) return;
  const style = document.createElement('style');
  style.id = 'transfer-dialog-style';
  style.textContent = CSS;
  document.head.append(style);
}
