import { describe, expect, it } from 'vitest';
import {
  backlogSentence,
  etaWords,
  invalidSentence,
  promptsSentence,
  sizeEstimate,
  waitingSentence,
} from '../../src/ui/library-words';

const job = (patch: object) => ({
  state: 'running' as const,
  done: 0,
  total: 0,
  bytes: 0,
  etaMs: null,
  waitingUntil: null,
  error: null,
  ...patch,
});

describe('the library card’s words', () => {
  it('counts the backlog with thousands separators, singular and plural', () => {
    expect(backlogSentence(1234)).toBe(
      `Your ChatGPT library has ${(1234).toLocaleString()} images that are not in the vault`,
    );
    expect(backlogSentence(1)).toBe('Your ChatGPT library has 1 image that is not in the vault');
    expect(invalidSentence(1)).toMatch(/^1 library item was not understood/);
    expect(invalidSentence(3)).toMatch(/^3 library items were not understood — ChatGPT may have changed/);
  });

  it('estimates the size only when known', () => {
    expect(sizeEstimate(2.3e9)).toBe('about 2.3 GB');
    expect(sizeEstimate(null)).toBeNull();
    expect(sizeEstimate(0)).toBeNull();
  });

  it('words the ETA in minutes, hours, days', () => {
    expect(etaWords(null)).toBeNull();
    expect(etaWords(20_000)).toBe('less than a minute left');
    expect(etaWords(12 * 60_000)).toBe('about 12 min left');
    expect(etaWords(5 * 3600_000)).toBe('about 5 hours left');
    expect(etaWords(3 * 86400_000)).toBe('about 3 days left');
  });

  it('says when a rate-limit wait ends, in local time, with the date when not today', () => {
    const now = new Date(2026, 11, 2, 13, 0).getTime();
    const at = new Date(2026, 11, 2, 14, 5).getTime();
    const hhmm = new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    expect(waitingSentence(at, now)).toBe(`Waiting: ChatGPT asks us to slow down, resuming at ${hhmm}`);
    expect(waitingSentence(now + 86400_000, now)).toMatch(/resuming at .*2026/);
    expect(waitingSentence(null, now)).toBe('Waiting: ChatGPT asks us to slow down, resuming shortly');
  });

  it('the prompts line, by state', () => {
    expect(promptsSentence(job({ done: 812, total: 1234 }))).toBe(
      `Prompts: 812 of ${(1234).toLocaleString()}`,
    );
    expect(promptsSentence(job({ state: 'paused', done: 1, total: 2 }))).toBe('Prompts: 1 of 2 (paused)');
    expect(promptsSentence(job({ state: 'done', done: 2, total: 2 }))).toBe('Prompts: 2 of 2 (all found)');
    expect(promptsSentence(job({ state: 'failed', done: 0, total: 2, error: 'signed out' }))).toBe(
      'Prompts: 0 of 2 (stopped: signed out)',
    );
  });
});
