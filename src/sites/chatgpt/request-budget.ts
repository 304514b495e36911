/**
 * The one request budget for ChatGPT, as the worker uses it: every API call (session,
 * conversation, download link; later library sync, backfill, prompt filling) first calls
 * `budget.take(priority, cost)`. The rules are pure (core/request-budget.ts); this shell keeps
 * their state in IndexedDB (kv `requestBudget`), so a 429's "blocked until" survives a worker
 * restart, and makes callers wait their turn, highest priority first.
 * Why these limits: docs/chatgpt.md §Rate limits.
 */
import {
  type BudgetState,
  BudgetWaitError,
  freshBudget,
  isBudgetState,
  PRIORITIES,
  type Priority,
  plan,
  rateLimited,
  succeeded,
} from '../../core/request-budget';
import { kvGet, kvSet } from '../../db/kv';

export type { Priority } from '../../core/request-budget';

export interface TakeOptions {
  /**
   * Longest wait the caller accepts; past it `take` rejects at once with a BudgetWaitError
   * saying when to come back (a capture job gives its queue slot back). Default: no limit.
   */
  maxWaitMs?: number;
}

interface Waiter {
  priority: Priority;
  cost: number;
  maxWaitMs: number;
  seq: number;
  resolve: () => void;
  reject: (e: unknown) => void;
}

let state: BudgetState | null = null;
let loading: Promise<BudgetState> | null = null;
const waiters: Waiter[] = [];
let seq = 0;
let pumping = false;
let wake: (() => void) | null = null;

/** When each API request left (epoch ms), for diagnostics: `globalThis.__imageVaultApiLog`. */
const sent: number[] = [];
(globalThis as { __imageVaultApiLog?: number[] }).__imageVaultApiLog = sent;

function current(): Promise<BudgetState> {
  if (state) return Promise.resolve(state);
  loading ??= kvGet('requestBudget', null)
    .then((v) => {
      state ??= isBudgetState(v) ? v : freshBudget(Date.now());
      return state;
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}

async function save(next: BudgetState): Promise<void> {
  state = next;
  await kvSet('requestBudget', next);
}

/** Sleeps `ms`, or less when a new waiter arrives or a 429 changes the rules. */
function nap(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      wake = null;
      resolve();
    };
    const timer = setTimeout(done, ms);
    wake = done;
  });
}

const rank = (w: Waiter) => PRIORITIES.indexOf(w.priority) * 1e9 + w.seq;

/** Lets waiters go one at a time, highest priority first. Never rejects: errors go to the waiters. */
async function pump(): Promise<void> {
  pumping = true;
  try {
    while (waiters.length > 0) {
      const s = await current();
      // Sorted after the await: a waiter that arrived meanwhile may outrank the old head.
      waiters.sort((a, b) => rank(a) - rank(b));
      const now = Date.now();
      const head = waiters[0]!;
      const p = plan(s, head.priority, head.cost, now);
      if (p.go) {
        waiters.shift();
        await save(p.state);
        sent.push(now);
        if (sent.length > 200) sent.shift();
        head.resolve();
        continue;
      }
      // Whoever would wait longer than they hold their place is told when to come back.
      for (const w of [...waiters]) {
        const q = plan(s, w.priority, w.cost, now);
        if (q.go || q.waitMs <= w.maxWaitMs) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.reject(new BudgetWaitError(q.waitMs, q.reason));
      }
      if (waiters[0] === head) await nap(p.waitMs);
    }
  } catch (err) {
    for (const w of waiters.splice(0)) w.reject(err);
  } finally {
    pumping = false;
  }
}

/**
 * Resolves when a request of `priority` costing `cost` tokens (1 for an API call) may leave.
 * Cost 0 (image bytes, no API read) only waits out a 429 block.
 */
async function take(priority: Priority, cost = 1, opts: TakeOptions = {}): Promise<void> {
  const maxWaitMs = opts.maxWaitMs ?? Number.POSITIVE_INFINITY;
  if (cost <= 0) {
    for (;;) {
      const wait = (await current()).blockedUntil - Date.now();
      if (wait <= 0) return;
      if (wait > maxWaitMs) throw new BudgetWaitError(wait, 'blocked');
      await new Promise((r) => setTimeout(r, wait));
    }
  }
  return new Promise<void>((resolve, reject) => {
    waiters.push({ priority, cost, maxWaitMs, seq: seq++, resolve, reject });
    wake?.();
    if (!pumping) void pump();
  });
}

/** ChatGPT answered 429: blocks every priority (persisted). Resolves to the wait in ms. */
async function noteRateLimited(retryAfterMs: number | null): Promise<number> {
  const now = Date.now();
  await save(rateLimited(await current(), now, retryAfterMs));
  wake?.();
  return Math.max(0, state!.blockedUntil - now);
}

/** An API request succeeded: a later 429 starts its backoff afresh. */
async function noteSucceeded(): Promise<void> {
  const s = await current();
  if (s.strikes > 0) await save(succeeded(s));
}

/** The budget every ChatGPT request goes through (see the module comment). */
export const budget = { take, rateLimited: noteRateLimited, succeeded: noteSucceeded };
