/**
 * The one request budget for every call to ChatGPT's API (issue 8, point 7), as pure logic:
 * a token bucket, a minimum gap between requests, priorities with reserves, and a
 * "blocked until" time set by a 429. The shell that keeps this state in IndexedDB and makes
 * callers wait is sites/chatgpt/request-budget.ts; the facts are in docs/chatgpt.md §Rate limits.
 *
 * The facts behind the numbers (reported, not published; treat as likely, not certain):
 * - People exporting whole accounts (2026) report a bucket of about 200–250 conversation
 *   reads that refills at about one a minute (1,000 conversations take ~13 hours).
 * - Past it, ChatGPT answers 429 "Too many requests" and its own page then tells the user
 *   "We've temporarily limited access to your conversations": our requests would lock the
 *   user out of their own chats. So we must stay well inside it, and a 429 stops us all.
 */
import { CaptureError } from './queue';

/** Who is asking: live capture first, then library sync, then backfill. */
export type Priority = 'live' | 'sync' | 'backfill';

/** Highest first: a waiting request of an earlier priority always goes before a later one. */
export const PRIORITIES: readonly Priority[] = ['live', 'sync', 'backfill'];

/**
 * Our bucket: 50 requests, a quarter of the low end (~200) of ChatGPT's reported bucket, so
 * even if we spend all of ours at once ChatGPT's own page keeps ~150 reads.
 */
export const BUCKET_SIZE = 50;

/**
 * One token back every 2 minutes: half ChatGPT's reported refill (~1 a minute), so at our
 * steadiest pace their bucket still refills at about half speed for the user's own page.
 */
export const REFILL_MS = 2 * 60_000;

/**
 * Tokens a priority must leave in the bucket: bulk work can never spend the last ones, so
 * live capture always has at least 20 requests in hand (a generated turn costs about one).
 */
export const RESERVE: Record<Priority, number> = { live: 0, sync: 20, backfill: 30 };

/**
 * Minimum gap after the previous request (of any priority) before this one leaves. Bulk
 * work ≥ 1 s apart, as good exporters do; live capture 300 ms (a turn's few images share one
 * conversation read, so live bursts are small).
 */
export const SPACING_MS: Record<Priority, number> = { live: 300, sync: 1000, backfill: 1000 };

/** Without a Retry-After, a 429 blocks for 60 s, doubling on each 429 in a row, … */
export const FIRST_BACKOFF_MS = 60_000;
/** … up to 5 minutes. */
export const MAX_BACKOFF_MS = 5 * 60_000;

/** The budget's whole state, persisted (kv `requestBudget`) so a worker restart keeps it. */
export interface BudgetState {
  /** Tokens left, fractional while refilling. */
  tokens: number;
  /** epoch ms at which `tokens` was last brought up to date. */
  refilledAt: number;
  /** epoch ms at which the last request left. */
  lastSentAt: number;
  /** epoch ms before which no request at all may leave (a 429). */
  blockedUntil: number;
  /** 429s in a row without a success in between (for the backoff). */
  strikes: number;
}

/** A new budget: a full bucket, nothing sent, not blocked. */
export function freshBudget(now: number): BudgetState {
  return { tokens: BUCKET_SIZE, refilledAt: now, lastSentAt: 0, blockedUntil: 0, strikes: 0 };
}

/** Brings `tokens` up to date at `now`. */
export function refill(s: BudgetState, now: number): BudgetState {
  const elapsed = Math.max(0, now - s.refilledAt);
  return { ...s, tokens: Math.min(BUCKET_SIZE, s.tokens + elapsed / REFILL_MS), refilledAt: now };
}

/** Why a request must wait. */
export type WaitReason = 'blocked' | 'spacing' | 'tokens';

export type Plan = { go: true; state: BudgetState } | { go: false; waitMs: number; reason: WaitReason };

/**
 * May a request of `priority` costing `cost` tokens leave at `now`? If so, the state after it
 * left; if not, how long until it may (assuming nothing else is sent meanwhile).
 * Cost 0 is for requests that are no API reads (image bytes the page loads too): they only
 * wait out a block, and neither spend tokens nor count for the spacing.
 */
export function plan(state: BudgetState, priority: Priority, cost: number, now: number): Plan {
  const s = refill(state, now);
  if (s.blockedUntil > now) return { go: false, waitMs: s.blockedUntil - now, reason: 'blocked' };
  if (cost <= 0) return { go: true, state: s };
  const gap = s.lastSentAt + SPACING_MS[priority] - now;
  if (gap > 0) return { go: false, waitMs: gap, reason: 'spacing' };
  const short = RESERVE[priority] + cost - s.tokens;
  if (short > 0) return { go: false, waitMs: Math.ceil(short * REFILL_MS), reason: 'tokens' };
  return { go: true, state: { ...s, tokens: s.tokens - cost, lastSentAt: now } };
}

/**
 * ChatGPT answered 429: nobody sends before Retry-After (when given), else before a backoff
 * of 60 s doubling per 429 in a row, capped at 5 minutes.
 */
export function rateLimited(state: BudgetState, now: number, retryAfterMs: number | null): BudgetState {
  const strikes = state.strikes + 1;
  const wait = retryAfterMs ?? Math.min(FIRST_BACKOFF_MS * 2 ** (strikes - 1), MAX_BACKOFF_MS);
  return { ...state, strikes, blockedUntil: Math.max(state.blockedUntil, now + wait) };
}

/** An API request succeeded: the next 429 starts the backoff from the beginning again. */
export function succeeded(state: BudgetState): BudgetState {
  return state.strikes === 0 ? state : { ...state, strikes: 0 };
}

/** Is this a well-formed state (read back from storage written by an older version)? */
export function isBudgetState(v: unknown): v is BudgetState {
  const o = v as Partial<BudgetState> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    [o.tokens, o.refilledAt, o.lastSentAt, o.blockedUntil, o.strikes].every(
      (n) => typeof n === 'number' && Number.isFinite(n),
    )
  );
}

/**
 * The budget says wait longer than the caller would hold its place (a capture job should not
 * sit on a queue slot for minutes): retryable, with the time to try again. The queue treats
 * it as a postponement, not as a failed attempt.
 */
export class BudgetWaitError extends CaptureError {
  constructor(
    readonly waitMs: number,
    readonly reason: WaitReason,
  ) {
    super(
      reason === 'blocked'
        ? 'waiting: ChatGPT asked us to slow down (rate limit)'
        : 'waiting for room in Image Vault’s request budget for ChatGPT',
      true,
      waitMs,
    );
    this.name = 'BudgetWaitError';
  }
}
