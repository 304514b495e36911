/**
 * The sidecars the disk mirror writes beside each image (issue 12 §1): an XMP file that
 * Lightroom, Bridge and darktable read (`dc:description` = the prompt) and a JSON file with
 * the export manifest's entry for the image. Sidecars, not embedded text: the original keeps
 * its bytes, and so its Content Credentials.
 */
import { toManifestEntry } from './export-format/manifest';
import { type ImageRecord, MODEL_LABEL } from './types';

/** The namespace of Image Vault's own XMP properties. */
export const XMP_NS = 'https://image-vault.invalid/ns/1.0/';

/** Escapes text for XML content and attribute values. */
export function xmlEscape(s: string): string {
  return (
    s
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const alt = (tag: string, text: string) =>
  `   <${tag}>\n    <rdf:Alt>\n     <rdf:li xml:lang="x-default">${xmlEscape(text)}</rdf:li>\n    </rdf:Alt>\n   </${tag}>\n`;
const prop = (tag: string, text: string | null) => (text ? `   <${tag}>${xmlEscape(text)}</${tag}>\n` : '');

const iso = (ms: number) => new Date(Number.isFinite(ms) ? ms : 0).toISOString();

/**
 * The XMP sidecar of `rec`: `dc:description` holds the user's prompt (the revised prompt when
 * the prompt is unknown), `dc:title` the image title; the rest in the `iv:` namespace.
 */
export function xmpSidecar(rec: ImageRecord): string {
  const description = rec.prompt || rec.revisedPrompt;
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n' +
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n' +
    '  <rdf:Description rdf:about=""\n' +
    '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n' +
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n' +
    `    xmlns:iv="${XMP_NS}">\n` +
    (description ? alt('dc:description', description) : '') +
    (rec.title ? alt('dc:title', rec.title) : '') +
    prop('xmp:CreateDate', iso(rec.createdAt)) +
    prop('xmp:CreatorTool', 'ChatGPT') +
    prop('iv:prompt', rec.prompt) +
    prop('iv:revisedPrompt', rec.revisedPrompt) +
    prop('iv:model', MODEL_LABEL[rec.model] ?? rec.model) +
    prop('iv:conversationTitle', rec.conversationTitle) +
    prop('iv:conversationUrl', rec.conversationUrl) +
    prop('iv:fileId', rec.id) +
    prop('iv:sha256', rec.sha256) +
    '  </rdf:Description>\n' +
    ' </rdf:RDF>\n' +
    '</x:xmpmeta>\n' +
    '<?xpacket end="w"?>\n'
  );
}

/** The JSON sidecar: the export manifest's entry (docs/export-format.md), `file` = the image's name. */
export function jsonSidecar(rec: ImageRecord, fileName: string): string {
  return `${JSON.stringify(toManifestEntry(rec, fileName), null, 2)}\n`;
}
