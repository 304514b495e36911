/**
 * A hostile link in an imported archive (issue #8, "Bad input"): only ChatGPT's own pages
 * ever become a link, in the archive's files as in the gallery; everything else stays text.
 */
import { describe, expect, it } from 'vitest';
import { chatGptHref, isChatGptLink } from '../../src/core/export-format/chatgpt-link';
import { indexHtml } from '../../src/core/export-format/index-html';
import type { ManifestEntry } from '../../src/core/export-format/manifest';
import { codeSpan, promptsMarkdown } from '../../src/core/export-format/prompts-md';
import { isChatGptUrl } from '../../src/sites/chatgpt/routes';

const LINKED = [
  'https://chatgpt.com/c/6650a1b2-0000-4000-8000-000000000001',
  'https://chat.openai.com/c/abc',
  'https://chatgpt.com/g/g-2fkFE8rbu-dall-e/c/abc',
  'HTTPS://CHATGPT.COM/c/abc',
];
const NOT_LINKED = [
  'javascript:alert(1)',
  ' javascript:alert(1)',
  'JaVaScRiPt:alert(document.domain)',
  'data:text/html,<script>alert(1)</script>',
  'https://evil.example/c/x',
  'http://chatgpt.com/c/x',
  'https://chatgpt.com.evil.example/c/x',
  'https://evilchatgpt.com/c/x',
  'https://sub.chatgpt.com/c/x',
  'file:///etc/passwd',
  '//chatgpt.com/c/x',
  '/c/x',
  '',
  'not a url',
];

describe('isChatGptLink', () => {
  it.each(LINKED)('links %s', (url) => expect(isChatGptLink(url)).toBe(true));
  it.each(NOT_LINKED)('does not link %j', (url) => expect(isChatGptLink(url)).toBe(false));
  it('agrees with the ChatGPT URL rule of sites/chatgpt/routes.ts', () => {
    for (const url of [...LINKED, ...NOT_LINKED]) expect(isChatGptLink(url)).toBe(isChatGptUrl(url));
  });
  it('normalizes what it links, so a link cannot be broken out of', () => {
    expect(chatGptHref('https://chatgpt.com/c/a> [x](javascript:alert(1))\n')).toBe(
      'https://chatgpt.com/c/a%3E%20[x](javascript:alert(1))',
    );
    expect(chatGptHref('javascript:alert(1)')).toBeNull();
  });
});

const entry = (conversationUrl: string, conversationTitle = 'Cats'): ManifestEntry =>
  ({
    id: 'file_1',
    file: 'images/f1.png',
    title: 'A cat',
    prompt: 'a cat',
    revisedPrompt: 'a cat, detailed',
    createdAt: '2025-01-01T10:00:00.000Z',
    model: 'gpt-image',
    width: 1024,
    height: 1024,
    favorite: false,
    conversationTitle,
    conversationUrl,
  }) as ManifestEntry;

describe('prompts.md', () => {
  it('links a ChatGPT conversation', () => {
    expect(promptsMarkdown.entry(entry('https://chatgpt.com/c/c1'), null)).toContain(
      'Conversation: [Cats](<https://chatgpt.com/c/c1>)',
    );
  });
  it.each(['javascript:alert(1)', 'https://evil.example/c/x'])(
    'writes %s as code text, which Markdown never links',
    (url) => {
      const md = promptsMarkdown.entry(entry(url), null);
      expect(md).toContain(`Conversation: Cats, at \` ${url} \` (not a ChatGPT address, not linked)`);
      expect(md).not.toMatch(/\]\(<?(javascript|https:\/\/evil)/);
    },
  );
  it('keeps a hostile address on one line and inside its code span', () => {
    const md = promptsMarkdown.entry(entry('https://evil.example/`x`\n# Heading\n[a](javascript:x)'), null);
    expect(md).toContain('at `` https://evil.example/`x` # Heading [a](javascript:x) `` (not a ChatGPT');
    expect(md).not.toMatch(/^# Heading/m);
  });
  it('codeSpan fences longer than any backtick run inside', () => {
    expect(codeSpan('a``b')).toBe('``` a``b ```');
  });
});

describe('index.html', () => {
  it('hands the viewer the same link rule, as self-contained source', () => {
    const tail = indexHtml.tail();
    const src = /\}\)\((function[\s\S]*)\);<\/script>/.exec(tail)?.[1];
    expect(src).toBeDefined();
    // Evaluated on its own, as the offline page does: it must not need anything outside itself.
    const rule = new Function(`return (${src});`)() as (url: string) => boolean;
    for (const url of LINKED) expect(rule(url)).toBe(true);
    for (const url of NOT_LINKED) expect(rule(url)).toBe(false);
  });
});
