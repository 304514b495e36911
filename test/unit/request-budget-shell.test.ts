/**
 * The request budget's shell (src/sites/chatgpt/request-budget.ts) over a real IndexedDB
 * implementation (fake-indexeddb): who goes first, who is sent away, what is kept.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BudgetWaitError, SPACING_MS } from '../../src/core/request-budget';
import { kvGet } from '../../src/db/kv';
import { budget } from '../../src/sites/chatgpt/request-budget';

describe('request budget shell', () => {
  it('lets live capture go before bulk work that was waiting first', async () => {
    await budget.take('sync');
    const t0 = Date.now();
    const order: [string, number][] = [];
    const note = (who: string) => () => order.push([who, Date.now() - t0]);
    const backfill = budget.take('backfill').then(note('backfill'));
    const live = budget.take('live').then(note('live'));
    await Promise.all([backfill, live]);
    expect(order.map(([who]) => who)).toEqual(['live', 'backfill']);
    const [[, liveAt], [, backfillAt]] = order as [[string, number], [string, number]];
    // live waits only its own 300 ms, not the 1 s the bulk request ahead of it waits
    expect(liveAt).toBeGreaterThanOrEqual(SPACING_MS.live - 5);
    expect(liveAt).toBeLessThan(SPACING_MS.backfill - 200);
    expect(backfillAt - liveAt).toBeGreaterThanOrEqual(SPACING_MS.backfill - 5);
  });

  it('a 429 blocks everyone, is kept in IndexedDB, and sends away who will not wait that long', async () => {
    const wait = await budget.rateLimited(60_000);
    expect(wait).toBe(60_000);
    const stored = await kvGet('requestBudget', null);
    expect(stored!.blockedUntil - Date.now()).toBeGreaterThan(59_000);
    const started = Date.now();
    const refused = await budget.take('live', 1, { maxWaitMs: 10_000 }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(refused).toBeInstanceOf(BudgetWaitError);
    expect((refused as BudgetWaitError).reason).toBe('blocked');
    expect((refused as BudgetWaitError).retryAfterMs).toBeGreaterThan(59_000);
    // image bytes (cost 0) wait out the block too
    const bytes = await budget.take('live', 0, { maxWaitMs: 10_000 }).catch((e: unknown) => e);
    expect(bytes).toBeInstanceOf(BudgetWaitError);
  });
});
