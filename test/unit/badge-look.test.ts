/** The toolbar badge's states (issue 13 §1): problems win over pause, pause over the count. */
import { describe, expect, test } from 'vitest';
import { BADGE_COLORS, type BadgeFacts, badgeLook } from '../../src/background/status/badge-text';

const fine: BadgeFacts = {
  mode: 'session',
  session: 4,
  total: 1234,
  paused: false,
  skipped: 0,
  failed: 0,
  pageChanged: false,
  storageUnavailable: false,
};

describe('badgeLook', () => {
  test('capturing: the count in blue, the tooltip says what it counts', () => {
    expect(badgeLook(fine)).toEqual({
      text: '4',
      color: BADGE_COLORS.count,
      title: 'Image Vault: capturing — 4 images saved this session',
    });
    expect(badgeLook({ ...fine, mode: 'total' }).title).toBe('Image Vault: capturing — 1,234 images saved');
    expect(badgeLook({ ...fine, mode: 'off' })).toEqual({
      text: '',
      color: BADGE_COLORS.count,
      title: 'Image Vault: capturing',
    });
  });

  test('paused: its own symbol and colour instead of the count, with the skipped images', () => {
    expect(badgeLook({ ...fine, paused: true })).toEqual({
      text: '❚❚',
      color: BADGE_COLORS.paused,
      title: 'Image Vault: capture is paused',
    });
    expect(badgeLook({ ...fine, paused: true, skipped: 3 }).title).toBe(
      'Image Vault: capture is paused — 3 images skipped',
    );
    expect(badgeLook({ ...fine, paused: true, skipped: 1 }).title).toBe(
      'Image Vault: capture is paused — 1 image skipped',
    );
  });

  test('problems win over pause and say why', () => {
    const failed = badgeLook({ ...fine, paused: true, skipped: 3, failed: 2 });
    expect(failed).toEqual({
      text: '!',
      color: BADGE_COLORS.problem,
      title: 'Image Vault: 2 images could not be saved',
    });
    expect(badgeLook({ ...fine, pageChanged: true, failed: 1 }).title).toBe(
      "Image Vault: 1 image could not be saved · ChatGPT's page changed and images are not recognised",
    );
    expect(badgeLook({ ...fine, storageUnavailable: true }).text).toBe('!');
  });

  test('the three states differ in colour and in symbol', () => {
    const looks = [fine, { ...fine, paused: true }, { ...fine, failed: 1 }].map(badgeLook);
    expect(new Set(looks.map((l) => l.color)).size).toBe(3);
    expect(new Set(looks.map((l) => l.text)).size).toBe(3);
  });
});
