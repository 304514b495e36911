/**
 * Firefox: the add-on's background page is an event page that Firefox suspends when idle
 * (`extensions.background.idle.timeout`, shortened here to 2 s). Suspended in the middle of a
 * capture, it loses nothing: the next event wakes it and the image is stored. A retry the queue
 * scheduled survives it too: the alarm wakes the background when its timer died with it.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ready, tid, waitForText } from '../harness/firefox/dom';
import { type FirefoxRun, launchFirefox } from '../harness/firefox/launch';
import { expectStoredFx, vaultWith } from './support';

let ff: FirefoxRun;
beforeAll(async () => {
  ff = await launchFirefox({ backgroundIdleS: 2 });
});
afterAll(async () => ff?.close());

test('a capture in flight when Firefox suspends the background page completes after it wakes', async () => {
  const conv = ff.sim.conversation({ title: 'Suspend' });
  conv
    .user('A paper boat')
    .gptImage({ title: 'Boat', revisedPrompt: 'A folded paper boat on a puddle', realistic: true });
  const img = conv.images[0]!;
  // The background's first byte request is held: the capture is mid-flight …
  const held = ff.proxy.holdNext(
    (u, fromAddon) => fromAddon && u.pathname === '/backend-api/estuary/content',
  );
  await ff.open(conv);
  await held.arrived;
  const during = await ff.readVault();
  expect(during.images).toHaveLength(0);
  expect(during.queue.map((j) => j.state)).toEqual(['running']);
  // … until Firefox suspends the idle background page, which drops the request with it (the
  // add-on's own image timeout is 60 s, so nothing else drops it this soon).
  const started = Date.now();
  await held.dropped;
  expect(Date.now() - started).toBeLessThan(20_000);
  // The next event wakes it (the tab's content script, or here at the latest the user opening the
  // popup) and the queue resumes the job.
  const popup = await ready(await ff.openExtensionPage('src/popup/index.html'));
  const snap = await vaultWith(ff, 1);
  expectStoredFx(snap, img, ff.sim.served(img.fileId));
  await waitForText(popup, tid('capture-count'), '1');
  // Closed: the next test needs the background left idle.
  await popup.close();
});

test('a capture told to retry later is woken by its alarm after Firefox suspended the background', async () => {
  const conv = ff.sim.conversation({ title: 'Alarm' });
  conv.user('A kite').gptImage({ title: 'Kite', revisedPrompt: 'A red kite over green hills' });
  const img = conv.images[0]!;
  // The background's byte request is refused with "retry in 5 s"; the tab then goes away, so
  // no content-script message can wake the background: only the queue's alarm can.
  ff.sim.fault('estuary', 'rate-limit', { retryAfter: 5, from: 'worker' });
  const bytes = () =>
    ff.sim
      .requestsOf('estuary', 'worker')
      .filter((r) => r.url.includes(img.fileId))
      .map((r) => r.status);
  await ff.open(conv);
  await expect.poll(bytes, { timeout: 20_000 }).toContain(429);
  const refusedAt = Date.now();
  await ff.page.goto('about:blank');
  // Watched at the proxy, not from an extension page (opening one could count as activity).
  await expect.poll(bytes, { timeout: 60_000, interval: 200 }).toContain(200);
  const retriedAfter = Date.now() - refusedAt;
  const snap = await vaultWith(ff, 2, 60_000);
  expectStoredFx(snap, img, ff.sim.served(img.fileId));
  // The 5 s timer died with the suspended page: the alarm (30 s at the soonest) did the retry.
  expect(retriedAfter).toBeGreaterThan(20_000);
});
