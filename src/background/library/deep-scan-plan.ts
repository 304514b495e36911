/**
 * The deep scan's pure decisions (issue 9 §7): which listed conversations to read, and how
 * long what is left will take at the request budget's pace (docs/chatgpt.md §Rate limits).
 */
import { type BudgetState, REFILL_MS, RESERVE, refill, SPACING_MS } from '../../core/request-budget';

/**
 * Whether a listed conversation must be read: always when it was never read, or when the
 * list gives no change time; else only when it changed since the last read. A conversation
 * unchanged since then cannot hold an image that was not in it then.
 */
export function needsRead(listedUpdate: number | null, readAtUpdate: number | null | undefined): boolean {
  if (listedUpdate === null || readAtUpdate === null || readAtUpdate === undefined) return true;
  return listedUpdate !== readAtUpdate;
}

/**
 * Estimated ms for `requests` more API reads at the lowest priority: the bulk tokens in hand
 * (above the reserve live capture keeps) go at the bulk spacing, each one after that waits
 * for the bucket's refill (1 every REFILL_MS: about one conversation per 2 minutes).
 */
export function deepScanEtaMs(requests: number, budget: BudgetState, now: number): number {
  if (requests <= 0) return 0;
  const inHand = Math.max(0, Math.floor(refill(budget, now).tokens - RESERVE.backfill));
  const fast = Math.min(requests, inHand);
  const blocked = Math.max(0, budget.blockedUntil - now);
  return blocked + fast * SPACING_MS.backfill + (requests - fast) * REFILL_MS;
}
