/**
 * The transfer dialogs' own rules, injected once. A style element rather than a CSS import: the
 * dialogs are loaded on demand by pages that do not link this stylesheet, and colours come
 * from the custom properties of ui/base.css that those pages already have. The base dialog
 * look is ui/base.css's; here: a raised surface and stronger edge in dark mode (a dialog the
 * colour of the page behind it does not stand out), a clear primary action, a destructive
 * Cancel that looks it, the drop area, and the gallery's drop overlay.
 */
const CSS = `
dialog.transfer{width:min(600px,92vw);padding:22px 24px;box-shadow:0 18px 50px rgb(0 0 0/.28)}
dialog.transfer h2{margin:0 0 12px;font-size:1.25rem}
dialog.transfer h3{margin:12px 0 4px;font-size:1rem}
dialog.transfer .muted{color:var(--muted)}
dialog.transfer .small{font-size:.875rem;line-height:1.45}
dialog.transfer .lead{font-size:1.05rem;font-weight:600;margin:0 0 10px}
dialog.transfer progress{width:100%;height:12px;accent-color:var(--accent)}
dialog.transfer [data-testid$="-progress"] p{margin:6px 0 0;font-variant-numeric:tabular-nums}
dialog.transfer .option{display:flex;gap:10px;align-items:flex-start;margin:16px 0 6px}
dialog.transfer:focus-visible{outline:none}
dialog.transfer .option input{margin-top:3px}
dialog.transfer .option label{font-size:.95rem;line-height:1.4}
dialog.transfer .option .hint{display:block;font-size:.875rem;margin-top:2px}
dialog.transfer ul{max-height:200px;overflow:auto;margin:4px 0;padding-left:20px}
dialog.transfer .row{margin-top:18px;flex-wrap:wrap}
dialog.transfer .done{margin-top:12px;padding:12px 14px;border-radius:var(--radius);background:var(--surface-2);border:1px solid var(--border)}
dialog.transfer .done p{margin:0;overflow-wrap:anywhere}
dialog.transfer .done .row{margin-top:10px}
dialog.transfer button.danger{border-color:var(--danger);color:var(--danger);font-weight:600}
dialog.transfer button.danger:hover:not(:disabled){background:var(--danger);color:var(--surface)}
dialog.transfer .primary{font-weight:600}
dialog.transfer .drop{display:flex;flex-direction:column;align-items:center;gap:10px;text-align:center;padding:22px 16px;border:2px dashed var(--border);border-radius:12px;background:var(--surface-2)}
dialog.transfer .drop.over{border-color:var(--accent);background:color-mix(in srgb,var(--accent) 12%,var(--surface))}
dialog.transfer .drop p{margin:0}
dialog.transfer .drop-words{font-weight:600}
dialog.transfer input[type=file]:focus-visible+label{outline:2px solid var(--focus);outline-offset:2px}
dialog.transfer details{margin-top:10px;border:1px solid var(--border);border-radius:var(--radius);padding:8px 12px}
dialog.transfer summary{cursor:pointer;font-weight:600}
dialog.transfer .reason p{margin:8px 0 2px}
@media (prefers-color-scheme:dark){
dialog.transfer{background:var(--surface-2);border-color:color-mix(in srgb,var(--text) 28%,transparent);box-shadow:0 0 0 1px rgb(0 0 0/.6),0 20px 60px rgb(0 0 0/.7)}
dialog.transfer::backdrop{background:rgb(0 0 0/.7)}
dialog.transfer .drop,dialog.transfer .done{background:var(--surface)}
}
.page-drop{position:fixed;inset:0;z-index:1000;display:grid;place-items:center;background:color-mix(in srgb,var(--accent) 18%,rgb(0 0 0/.55));pointer-events:none}
.page-drop[hidden]{display:none}
.page-drop p{padding:24px 36px;border:3px dashed var(--accent-text);border-radius:16px;background:var(--accent);color:var(--accent-text);font-size:1.3rem;font-weight:600}`;

/** Adds the rules to the page once. */
export function ensureDialogStyle(): void {
  if (document.getElementById('transfer-dialog-style')) return;
  const style = document.createElement('style');
  style.id = 'transfer-dialog-style';
  style.textContent = CSS;
  document.head.append(style);
}
