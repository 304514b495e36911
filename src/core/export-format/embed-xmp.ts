/**
 * The XMP packet carried by prompt-embedded copies (WebP "XMP " chunk, PNG iTXt
 * "XML:com.adobe.xmp"): Dublin Core title/description/source that photo tools show,
 * plus Image Vault's own prompt and revised prompt.
 */

export interface EmbedText {
  title: string | null;
  prompt: string;
  revisedPrompt: string;
  createdAt: string;
  conversationUrl: string;
  model: string;
}

/** Namespace for the fields Dublin Core has no word for. `.invalid` is never resolvable. */
export const XMP_NS = 'https://image-vault.invalid/ns/1.0/';

/** XML 1.0 text: escaped, and without the control characters XML cannot carry at all. */
export function xmlText(s: string): string {
  return (
    s
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

const alt = (tag: string, text: string) =>
  `<${tag}><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(text)}</rdf:li></rdf:Alt></${tag}>`;

export function xmpPacket(t: EmbedText): string {
  const fields = [
    t.title ? alt('dc:title', t.title) : '',
    alt('dc:description', t.revisedPrompt || t.prompt),
    t.conversationUrl ? `<dc:source>${xmlText(t.conversationUrl)}</dc:source>` : '',
    `<xmp:CreateDate>${xmlText(t.createdAt)}</xmp:CreateDate>`,
    `<xmp:CreatorTool>${xmlText(`ChatGPT (${t.model}), saved by Image Vault`)}</xmp:CreatorTool>`,
    `<iv:prompt>${xmlText(t.prompt)}</iv:prompt>`,
    `<iv:revisedPrompt>${xmlText(t.revisedPrompt)}</iv:revisedPrompt>`,
  ].filter(Boolean);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:iv="${XMP_NS}">
${fields.join('\n')}
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="r"?>`;
}
