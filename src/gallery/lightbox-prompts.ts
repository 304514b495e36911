/** The lightbox's prompt blocks: heading, copy button (copies the stored text exactly), the text. */
import type { ImageRecord } from '../core/types';
import { t } from '../platform/i18n';
import { h } from '../ui/dom';
import { icon } from '../ui/icons';
import { toast } from '../ui/toast';
import { longText } from './long-text';

async function copy(
  text: string,
  button: HTMLButtonElement,
  label: HTMLElement,
  failed: string,
): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    label.textContent = t('lightbox_copied');
    button.dataset.copied = 'true';
    setTimeout(() => {
      label.textContent = t('lightbox_copy');
      delete button.dataset.copied;
    }, 1500);
  } catch (err) {
    console.warn('[image-vault] copy failed', err);
    toast(failed);
  }
}

interface PromptOptions {
  heading: string;
  copyLabel: string;
  copyFailed: string;
  text: string;
  testid: string;
  copyTestid: string;
  terms: readonly string[];
  empty: string;
}

function promptBlock(o: PromptOptions): HTMLElement {
  const label = h('span', null, t('lightbox_copy'));
  const copyBtn = h(
    'button',
    { type: 'button', class: 'small', 'data-testid': o.copyTestid, 'aria-label': o.copyLabel },
    icon('copy'),
    label,
  );
  copyBtn.disabled = !o.text;
  copyBtn.addEventListener('click', () => void copy(o.text, copyBtn, label, o.copyFailed));
  return h(
    'section',
    { class: 'prompt' },
    h('div', { class: 'prompt-head' }, h('h3', null, o.heading), copyBtn),
    o.text
      ? longText(o.text, o.terms, o.testid)
      : h('p', { 'data-testid': o.testid, class: 'muted' }, o.empty),
  );
}

/** The user's prompt, then the revised prompt, each with its copy button. */
export function promptBlocks(rec: ImageRecord, terms: readonly string[]): HTMLElement[] {
  return [
    promptBlock({
      heading: t('lightbox_prompt'),
      copyLabel: t('lightbox_copy_prompt'),
      copyFailed: t('lightbox_copy_prompt_failed'),
      text: rec.prompt,
      testid: 'lightbox-prompt',
      copyTestid: 'copy-prompt',
      terms,
      empty: t('lightbox_prompt_none'),
    }),
    promptBlock({
      heading: t('lightbox_revised'),
      copyLabel: t('lightbox_copy_revised'),
      copyFailed: t('lightbox_copy_revised_failed'),
      text: rec.revisedPrompt,
      testid: 'lightbox-revised-prompt',
      copyTestid: 'copy-revised-prompt',
      terms,
      empty: t('lightbox_revised_none'),
    }),
  ];
}
