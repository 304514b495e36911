/** One copy of each image: a second source fills gaps, never overwrites (issue 9 §6). */
import { describe, expect, it } from 'vitest';
import { fillGaps } from '../../src/core/merge-record';
import { record } from '../support/db-rows';

describe('fillGaps', () => {
  it('fills empty fields and keeps every non-empty one', () => {
    const stored = record(1, { title: null, genId: null, conversationTitle: '', prompt: 'mine' });
    const merged = fillGaps(stored, {
      title: 'Kite',
      genId: 'g1',
      conversationTitle: 'Kites',
      prompt: 'other',
    });
    expect(merged).toEqual({ ...stored, title: 'Kite', genId: 'g1', conversationTitle: 'Kites' });
  });

  it('never replaces a value with an empty one, and says when nothing changes', () => {
    const stored = record(1, { title: 'Kite' });
    expect(fillGaps(stored, { title: null, prompt: '', revisedPrompt: '' })).toBeNull();
  });

  it('drops the missing-prompt warning once prompts arrive', () => {
    const stored = record(1, { prompt: '', revisedPrompt: '', warning: 'saved without its prompt: x' });
    expect(fillGaps(stored, { prompt: 'p', revisedPrompt: 'r', warning: null })).toMatchObject({
      prompt: 'p',
      revisedPrompt: 'r',
      warning: null,
    });
  });

  it('learns the model only when it was unknown', () => {
    expect(fillGaps(record(1, { model: 'unknown' }), { model: 'gpt-image' })?.model).toBe('gpt-image');
    expect(fillGaps(record(1, { model: 'dalle3' }), { model: 'gpt-image' })).toBeNull();
  });
});
