/**
 * The simulator's token-bucket rate limiter and expiring estuary URLs (docs/testing.md
 * §Rate limiter): what a client of the simulator sees, from a ChatGPT page.
 */
import { expect, test } from './harness/fixtures';

/** Runs in a page: GETs a backend path `n` times with a fresh session token; statuses and Retry-After. */
async function reads([path, n]: readonly [string, number]): Promise<
  { status: number; retryAfter: string | null }[]
> {
  const { accessToken } = (await (await fetch('/api/auth/session')).json()) as { accessToken: string };
  const out: { status: number; retryAfter: string | null }[] = [];
  for (let i = 0; i < n; i++) {
    const r = await fetch(path, { headers: { authorization: `Bearer ${accessToken}` } });
    out.push({ status: r.status, retryAfter: r.headers.get('retry-after') });
  }
  return out;
}

test('a full bucket serves its size, then answers 429 with Retry-After until a token is back', async ({
  page,
  sim,
}) => {
  const conv = sim
    .conversation({ title: 'Cats' })
    .user('a cat')
    .gptImage({ revisedPrompt: 'A cat', title: 'Cat' });
  await sim.open(page, conv);
  // 60 a minute: one token a second, so the wait below is about a second.
  // Only the page's reads: the extension's worker may read the conversation too (it saw the image).
  sim.rateLimit({ bucket: 3, refillPerMin: 60, kinds: ['conversation'], from: 'page' });
  const path = `/backend-api/conversation/${conv.id}`;
  const first = await page.evaluate(reads, [path, 5] as const);
  expect(first.slice(0, 3).map((r) => r.status)).toEqual([200, 200, 200]);
  expect(first.slice(3)).toEqual([
    { status: 429, retryAfter: '1' },
    { status: 429, retryAfter: '1' },
  ]);
  expect(sim.rateLimited.map((r) => [r.kind, r.from, r.retryAfterS])).toEqual([
    ['conversation', 'page', 1],
    ['conversation', 'page', 1],
  ]);
  // Other kinds are not counted.
  expect(
    (await page.evaluate(reads, ['/backend-api/conversations', 3] as const)).map((r) => r.status),
  ).toEqual([200, 200, 200]);
  // Honouring Retry-After gets a 200 again: the refused requests cost nothing.
  await expect
    .poll(async () => (await page.evaluate(reads, [path, 1] as const))[0]!.status, {
      intervals: [1000],
    })
    .toBe(200);
  sim.rateLimit(null);
  expect((await page.evaluate(reads, [path, 4] as const)).every((r) => r.status === 200)).toBe(true);
});

test('estuary URLs expire: by lifetime, or all at once; a fresh URL works', async ({ page, sim }) => {
  const conv = sim
    .conversation({ title: 'Dogs' })
    .user('a dog')
    .gptImage({ revisedPrompt: 'A dog', title: 'Dog' });
  await sim.open(page, conv);
  const file = sim.files.get(conv.images[0]!.fileId)!;
  const status = (u: string) => page.evaluate((x) => fetch(x).then((r) => r.status), u);
  const old = sim.files.url(file);
  expect(await status(old)).toBe(200);
  sim.expireEstuaryUrls();
  expect(await status(old)).toBe(403);
  // URLs are signed per second (`ts=`): a new one from the next second on is fine.
  const stale = new URL(old);
  stale.searchParams.set('ts', String(Math.floor(Date.now() / 1000) + 1));
  expect(await status(stale.href)).toBe(200);

  sim.options.estuaryTtlMs = 60_000;
  const aged = new URL(old);
  aged.searchParams.set('ts', String(Math.floor(Date.now() / 1000) - 120));
  expect(await status(aged.href)).toBe(403);
  aged.searchParams.set('ts', String(Math.floor(Date.now() / 1000) + 1));
  expect(await status(aged.href)).toBe(200);
});
