/** The one request budget's rules (src/core/request-budget.ts). */
import { describe, expect, it } from 'vitest';
import {
  BUCKET_SIZE,
  type BudgetState,
  BudgetWaitError,
  FIRST_BACKOFF_MS,
  freshBudget,
  isBudgetState,
  MAX_BACKOFF_MS,
  type Priority,
  plan,
  REFILL_MS,
  RESERVE,
  rateLimited,
  SPACING_MS,
  succeeded,
} from '../../src/core/request-budget';

const T0 = Date.UTC(2026, 0, 1);

/** Sends as many requests of `p` as the budget lets go, each as soon as allowed; returns their times. */
function burst(s: BudgetState, p: Priority, n: number, now = T0): { at: number[]; state: BudgetState } {
  const at: number[] = [];
  let t = now;
  while (at.length < n) {
    const r = plan(s, p, 1, t);
    if (r.go) {
      s = r.state;
      at.push(t);
    } else t += r.waitMs;
  }
  return { at, state: s };
}

describe('request budget', () => {
  it('stays well inside ChatGPT’s reported bucket (~200–250 reads, ~1 a minute)', () => {
    expect(BUCKET_SIZE).toBeLessThanOrEqual(200 / 4);
    expect(REFILL_MS).toBeGreaterThanOrEqual(2 * 60_000);
    expect(SPACING_MS.live).toBeGreaterThanOrEqual(300);
    expect(SPACING_MS.sync).toBeGreaterThanOrEqual(1000);
    expect(SPACING_MS.backfill).toBeGreaterThanOrEqual(1000);
  });

  it('spaces live requests 300 ms apart and bulk requests 1 s apart', () => {
    const live = burst(freshBudget(T0), 'live', 5).at;
    expect(live.slice(1).map((t, i) => t - live[i]!)).toEqual([300, 300, 300, 300]);
    const bulk = burst(freshBudget(T0), 'backfill', 5).at;
    expect(bulk.slice(1).map((t, i) => t - bulk[i]!)).toEqual([1000, 1000, 1000, 1000]);
  });

  it('a bulk request waits 1 s after a live one, a live one only 300 ms after a bulk one', () => {
    const s = burst(freshBudget(T0), 'sync', 1).state;
    expect(plan(s, 'sync', 1, T0 + 10)).toEqual({ go: false, waitMs: 990, reason: 'spacing' });
    expect(plan(s, 'live', 1, T0 + 10)).toEqual({ go: false, waitMs: 290, reason: 'spacing' });
  });

  it('bulk work never spends the reserve: live capture still has room after a long backfill', () => {
    // A backfill drains what it may …
    let { state, at } = burst(freshBudget(T0), 'backfill', BUCKET_SIZE - RESERVE.backfill);
    const end = at.at(-1)! + SPACING_MS.backfill;
    const next = plan(state, 'backfill', 1, end);
    expect(next).toMatchObject({ go: false, reason: 'tokens' });
    // … and waits for a refill, while sync may still go down to its own, smaller reserve
    expect(plan(state, 'sync', 1, end).go).toBe(true);
    // live has RESERVE.backfill requests in hand at once, 300 ms apart
    ({ state, at } = burst(state, 'live', RESERVE.backfill, end));
    expect(at.at(-1)! - end).toBe((RESERVE.backfill - 1) * SPACING_MS.live);
    expect(plan(state, 'live', 1, at.at(-1)! + 300)).toMatchObject({ go: false, reason: 'tokens' });
  });

  it('refills one token per REFILL_MS, up to the bucket size', () => {
    const state: BudgetState = { ...freshBudget(T0), tokens: 0, lastSentAt: T0 };
    const last = T0;
    expect(plan(state, 'live', 1, last + 300)).toEqual({
      go: false,
      waitMs: REFILL_MS - 300,
      reason: 'tokens',
    });
    expect(plan(state, 'live', 1, last + REFILL_MS - 1).go).toBe(false);
    expect(plan(state, 'live', 1, last + REFILL_MS).go).toBe(true);
    // a budget left alone a long time is full, not more
    const later = plan(state, 'live', 1, last + 1000 * REFILL_MS);
    expect(later.go && later.state.tokens).toBe(BUCKET_SIZE - 1);
  });

  it('a 429 blocks every priority until Retry-After, then lets them go again', () => {
    const s = rateLimited(freshBudget(T0), T0, 20_000);
    for (const p of ['live', 'sync', 'backfill'] as const)
      expect(plan(s, p, 1, T0 + 5000)).toEqual({ go: false, waitMs: 15_000, reason: 'blocked' });
    // image bytes (cost 0) wait out the block too, then go without spending a token
    expect(plan(s, 'live', 0, T0 + 19_999)).toMatchObject({ go: false, reason: 'blocked' });
    const bytes = plan(s, 'live', 0, T0 + 20_000);
    expect(bytes.go && bytes.state.tokens).toBe(BUCKET_SIZE);
    expect(plan(s, 'live', 1, T0 + 20_000).go).toBe(true);
  });

  it('without Retry-After, a 429 backs off 60 s, doubling to a 5-minute cap; a success resets it', () => {
    let s = freshBudget(T0);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const now = Math.max(T0, s.blockedUntil);
      s = rateLimited(s, now, null);
      waits.push(s.blockedUntil - now);
    }
    expect(waits).toEqual([FIRST_BACKOFF_MS, 120_000, 240_000, MAX_BACKOFF_MS, MAX_BACKOFF_MS]);
    s = succeeded(s);
    const again = rateLimited(s, s.blockedUntil, null);
    expect(again.blockedUntil - s.blockedUntil).toBe(FIRST_BACKOFF_MS);
  });

  it('a later, shorter 429 does not shorten an existing block', () => {
    const s = rateLimited(rateLimited(freshBudget(T0), T0, 60_000), T0 + 1000, 1000);
    expect(s.blockedUntil).toBe(T0 + 60_000);
  });

  it('recognises a stored state and refuses anything else', () => {
    expect(isBudgetState(rateLimited(freshBudget(T0), T0, 1000))).toBe(true);
    expect(isBudgetState(null)).toBe(false);
    expect(isBudgetState({ tokens: 3 })).toBe(false);
    expect(isBudgetState({ ...freshBudget(T0), blockedUntil: Number.NaN })).toBe(false);
  });

  it('a wait that is too long is a retryable error that says when to come back', () => {
    const e = new BudgetWaitError(42_000, 'blocked');
    expect(e.retryable).toBe(true);
    expect(e.retryAfterMs).toBe(42_000);
    expect(e.message).toBe('waiting: ChatGPT asked us to slow down (rate limit)');
  });
});
