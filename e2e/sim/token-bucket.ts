/**
 * A token bucket, as ChatGPT is reported to limit conversation reads (docs/chatgpt.md §Rate
 * limits): `size` tokens to start with, `refillPerMin` back per minute, one per request.
 * Pure (the clock is passed in), so the arithmetic is unit-tested (test/unit/sim-token-bucket.test.ts).
 */

/** The answer to one request: served, or refused with when a token will be back. */
export type BucketVerdict = { ok: true } | { ok: false; retryAfterMs: number };

export class TokenBucket {
  private tokens: number;
  private last: number;

  /** A full bucket at `now`. */
  constructor(
    readonly size: number,
    readonly refillPerMin: number,
    now: number,
  ) {
    if (!(size >= 1) || !(refillPerMin > 0)) throw new Error('TokenBucket: size ≥ 1 and refillPerMin > 0');
    this.tokens = size;
    this.last = now;
  }

  /** Tokens now (fractional while refilling). */
  level(now: number): number {
    this.refill(now);
    return this.tokens;
  }

  /** Spends one token if there is one; otherwise says how long until there is. */
  take(now: number): BucketVerdict {
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil(((1 - this.tokens) * 60_000) / this.refillPerMin) };
  }

  private refill(now: number): void {
    if (now > this.last)
      this.tokens = Math.min(this.size, this.tokens + ((now - this.last) * this.refillPerMin) / 60_000);
    this.last = Math.max(this.last, now);
  }
}

/**
 * The least time `n` requests can take through a full bucket: the first `size` at once, every
 * further one a refill apart. What a perfectly paced client achieves; benchmarks compare with it.
 */
export function bucketMinimumMs(n: number, size: number, refillPerMin: number): number {
  return n <= size ? 0 : ((n - size) * 60_000) / refillPerMin;
}
