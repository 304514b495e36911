import { describe, expect, it } from 'vitest';
import { groupByReason, importSentence, itemName, titleOf } from '../../src/export/import-summary';

describe('importSentence', () => {
  it('says every count of an official import in one sentence, joined for the language', () => {
    expect(
      importSentence({
        added: 312,
        promptsFilled: 45,
        promptOnly: 1020,
        expiredLinks: 1000,
        skipped: 80,
        rejected: 2,
      }),
    ).toBe(
      'Added 312 images, filled in the prompts of 45, kept 1,020 prompts whose images are not in the export (1,000 of them with expired links), skipped 80 already in the vault or deleted by you, and rejected 2.',
    );
  });

  it('leaves out what did not happen, and speaks of one image in the singular', () => {
    expect(
      importSentence({ added: 1, promptsFilled: 0, promptOnly: 1, expiredLinks: 0, skipped: 0, rejected: 0 }),
    ).toBe(
      'Added 1 image, kept 1 prompt whose image is not in the export, skipped 0 already in the vault or deleted by you, and rejected 0.',
    );
  });
});

describe('the report names images by title and groups them by reason', () => {
  it('takes the title, else the prompt, else the revised prompt, on one line and clipped', () => {
    expect(titleOf({ title: 'Desert caravan at dusk', prompt: 'camels' })).toBe('Desert caravan at dusk');
    expect(titleOf({ title: null, prompt: 'camels\n in  the desert', revisedPrompt: 'x' })).toBe(
      'camels in the desert',
    );
    expect(titleOf({ title: '', prompt: '', revisedPrompt: 'A long one. '.repeat(20) })).toMatch(
      /^A long one\..{60,}…$/,
    );
    expect(titleOf({ title: null, prompt: '', revisedPrompt: '' })).toBeNull();
  });

  it('quotes a title, and falls back to the id only when there are no words', () => {
    expect(itemName({ id: 'file_1', reason: 'r', title: 'Desert caravan at dusk' })).toBe(
      '“Desert caravan at dusk”',
    );
    expect(itemName({ id: 'file_1', reason: 'r', title: null })).toContain('file_1');
  });

  it('puts identical reasons together, the biggest group first', () => {
    const items = [
      { id: 'a', reason: 'already in the vault', title: 'A' },
      { id: 'b', reason: 'you deleted this image earlier', title: 'B' },
      { id: 'c', reason: 'already in the vault', title: 'C' },
    ];
    expect(groupByReason(items).map((g) => [g.reason, g.items.map((i) => i.id)])).toEqual([
      ['already in the vault', ['a', 'c']],
      ['you deleted this image earlier', ['b']],
    ]);
  });
});
