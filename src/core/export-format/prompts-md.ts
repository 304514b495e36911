/**
 * prompts.md: every image's prompts as a document, by date, the "specification" record a
 * designer keeps next to design docs. Streamed: head, one section per image, tail.
 */
import { MODEL_LABEL, type ModelFamily } from '../types';
import { chatGptHref } from './chatgpt-link';
import type { ManifestEntry } from './manifest';
import { displayTitle, utcDateTime, utcDay } from './text';

/** Backslash-escapes what Markdown would otherwise read as formatting or HTML. */
const md = (s: string) => s.replace(/[\\`*_[\]<>#|]/g, '\\$&');

/** Line breaks would end the paragraph (and let the rest be read as Markdown). */
const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ');

/**
 * Text in a code span, which Markdown never turns into a link (an escaped https address
 * would still be auto-linked): the fence is one backtick longer than any run inside.
 */
export function codeSpan(s: string): string {
  const longest = (s.match(/`+/g) ?? []).reduce((n, run) => Math.max(n, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${s} ${fence}`;
}

/** A prompt as a block quote, line breaks kept. */
function quote(text: string): string {
  if (!text.trim()) return '> _(none recorded)_';
  return text
    .trim()
    .split(/\r?\n/)
    .map((l) => (l.trim() ? `> ${md(l)}` : '>'))
    .join('\n');
}

/** The line that stands for the file of a prompt-only record. */
function noImageLine(e: ManifestEntry): string {
  const expiry = e.linkExpiresAt && !Number.isNaN(Date.parse(e.linkExpiresAt)) ? e.linkExpiresAt : null;
  const link = expiry
    ? Date.parse(expiry) <= Date.now()
      ? `; ChatGPT's link to it expired on ${utcDay(expiry)}`
      : `; ChatGPT's link to it expires on ${utcDay(expiry)}`
    : '';
  return `File: none (**no image**: Image Vault holds only the prompts${link})`;
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
    if (e.file) out.push(`\n![${md(displayTitle(e))}](${encodeURI(e.file)})\n`);
    const facts = [
      utcDateTime(e.createdAt).slice(11, 16),
      MODEL_LABEL[e.model as ModelFamily] ?? e.model,
      ...(e.width && e.height ? [`${e.width}×${e.height}`] : []),
      ...(e.favorite ? ['★ favourite'] : []),
    ];
    out.push(`\n${facts.join(' · ')}  \n${e.file ? `File: \`${e.file}\`` : noImageLine(e)}`);
    const href = chatGptHref(e.conversationUrl);
    if (href) out.push(`  \nConversation: [${md(e.conversationTitle || 'ChatGPT')}](<${href}>)`);
    else if (e.conversationUrl)
      out.push(
        `  \nConversation: ${md(oneLine(e.conversationTitle || 'untitled'))}, at ${codeSpan(oneLine(e.conversationUrl))} (not a ChatGPT address, not linked)`,
      );
    out.push(`\n\n**Prompt**\n\n${quote(e.prompt)}\n`);
    if (e.revisedPrompt.trim() && e.revisedPrompt.trim() !== e.prompt.trim())
      out.push(`\n**Revised prompt** (what the model used)\n\n${quote(e.revisedPrompt)}\n`);
    return out.join('');
  },
  tail(): string {
    return '';
  },
};
