/**
 * prompts.md: every image's prompts as a document, by date, the "specification" record a
 * designer keeps next to design docs. Streamed: head, one section per image, tail.
 */
import { MODEL_LABEL, type ModelFamily } from '../types';
import type { ManifestEntry } from './manifest';
import { displayTitle, utcDateTime, utcDay } from './text';

/** Backslash-escapes what Markdown would otherwise read as formatting or HTML. */
const md = (s: string) => s.replace(/[\\`*_[\]<>#|]/g, '\\$&');

/** A prompt as a block quote, line breaks kept. */
function quote(text: string): string {
  if (!text.trim()) return '> _(none recorded)_';
  return text
    .trim()
    .split(/\r?\n/)
    .map((l) => (l.trim() ? `> ${md(l)}` : '>'))
    .join('\n');
}

export const promptsMarkdown = {
  head(exportedAtIso: string, total: number): string {
    return `# Image prompts\n\nExported by Image Vault on ${utcDateTime(exportedAtIso)} UTC: ${total} image${total === 1 ? '' : 's'}, oldest first. Times are UTC.\n`;
  },
  /** `prev` is the entry before, to start a new day heading when the date changes. */
  entry(e: ManifestEntry, prev: ManifestEntry | null): string {
    const day = utcDay(e.createdAt);
    const out: string[] = [];
    if (!prev || utcDay(prev.createdAt) !== day) out.push(`\n## ${day}\n`);
    out.push(`\n### ${md(displayTitle(e))}\n`);
    out.push(`\n![${md(displayTitle(e))}](${encodeURI(e.file)})\n`);
    const facts = [
      utcDateTime(e.createdAt).slice(11, 16),
      MODEL_LABEL[e.model as ModelFamily] ?? e.model,
      `${e.width}×${e.height}`,
      ...(e.favorite ? ['★ favourite'] : []),
    ];
    out.push(`\n${facts.join(' · ')}  \nFile: \`${e.file}\``);
    if (e.conversationUrl)
      out.push(`  \nConversation: [${md(e.conversationTitle || 'ChatGPT')}](<${e.conversationUrl}>)`);
    out.push(`\n\n**Prompt**\n\n${quote(e.prompt)}\n`);
    if (e.revisedPrompt.trim() && e.revisedPrompt.trim() !== e.prompt.trim())
      out.push(`\n**Revised prompt** (what the model used)\n\n${quote(e.revisedPrompt)}\n`);
    return out.join('');
  },
  tail(): string {
    return '';
  },
};
