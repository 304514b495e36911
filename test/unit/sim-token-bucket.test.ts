import { describe, expect, it } from 'vitest';
import { bucketMinimumMs, TokenBucket } from '../../e2e/sim/token-bucket';

describe('the simulator token bucket', () => {
  it('serves `size` requests at once, then refuses with the time until the next token', () => {
    const b = new TokenBucket(3, 6, 0); // a token every 10 s
    expect([b.take(0), b.take(0), b.take(0)]).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(b.take(0)).toEqual({ ok: false, retryAfterMs: 10_000 });
    expect(b.take(4_000)).toEqual({ ok: false, retryAfterMs: 6_000 });
    expect(b.take(10_000)).toEqual({ ok: true });
    expect(b.take(10_000)).toEqual({ ok: false, retryAfterMs: 10_000 });
  });

  it('refills at refillPerMin up to its size, never beyond', () => {
    const b = new TokenBucket(2, 60, 0);
    b.take(0);
    b.take(0);
    expect(b.level(500)).toBeCloseTo(0.5);
    expect(b.level(60_000)).toBe(2);
  });

  it('a refused request costs nothing', () => {
    const b = new TokenBucket(1, 1, 0);
    b.take(0);
    for (let i = 0; i < 5; i++) expect(b.take(1_000).ok).toBe(false);
    expect(b.take(60_000)).toEqual({ ok: true });
  });

  it('a clock that goes back neither refills nor breaks it', () => {
    const b = new TokenBucket(1, 60, 10_000);
    b.take(10_000);
    expect(b.take(5_000).ok).toBe(false);
    expect(b.take(11_000)).toEqual({ ok: true });
  });

  it('the theoretical minimum: the bucket at once, then one refill per request', () => {
    expect(bucketMinimumMs(10, 20, 1)).toBe(0);
    expect(bucketMinimumMs(220, 200, 1)).toBe(20 * 60_000);
    expect(bucketMinimumMs(130, 100, 60)).toBe(30_000);
  });

  it('refuses a bucket that could never serve', () => {
    expect(() => new TokenBucket(0, 1, 0)).toThrow(/size/);
    expect(() => new TokenBucket(1, 0, 0)).toThrow(/refill/);
  });
});
