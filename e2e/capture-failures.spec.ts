/**
 * Bad input during capture: each gets a clear message a user can read (the popup's status)
 * and loses nothing that was stored or could still be saved.
 */
import { expect, test } from './harness/fixtures';
import {
  expectStored,
  isCdn,
  isEstuary,
  onWorkerRequest,
  sendFrom,
  vaultWith,
  vaultWithFailure,
} from './support/capture';

test('messages with a malformed payload or from an unexpected sender are refused and change nothing', async ({
  page,
  sim,
  openExtensionPage,
  readVault,
}) => {
  const ext = await openExtensionPage('src/popup/index.html');
  const send = (msg: unknown) =>
    ext.evaluate(
      (m) =>
        chrome.runtime.sendMessage(m).then(
          (r) => `answered ${JSON.stringify(r)}`,
          (e: Error) => e.message,
        ),
      msg,
    );
  const sighting = {
    fileId: 'file_00000000deadbeefdeadbeefdeadbeef',
    src: 'https://chatgpt.com/backend-api/estuary/content?id=file_00000000deadbeefdeadbeefdeadbeef',
    alt: 'Generated image',
    conversationId: null,
    turnMessageId: null,
    pageUrl: 'https://chatgpt.com/',
    naturalWidth: 1024,
    naturalHeight: 1024,
  };
  // a content-script message sent by an extension page: wrong sender
  expect(await send({ type: 'imageSeen', payload: sighting })).toContain(
    `content message from chrome-extension://${new URL(ext.url()).host}`,
  );
  // malformed payloads
  expect(await send({ type: 'imageSeen', payload: { ...sighting, fileId: '../../etc/passwd' } })).toContain(
    'fileId: expected a ChatGPT file id',
  );
  expect(await send({ type: 'imageSeen', payload: { ...sighting, src: 'javascript:alert(1)' } })).toContain(
    'src: expected an https URL',
  );
  expect(await send({ type: 'setPaused', payload: { paused: 'yes' } })).toContain(
    'paused: expected a boolean',
  );
  expect(await send({ type: 'deleteEverything', payload: {} })).toContain('unknown message type');
  expect(await send('hello')).toContain('message is not an object');
  // ChatGPT's own page scripts cannot reach the extension at all
  const conv = sim.conversation();
  await sim.open(page, conv);
  expect(
    await page.evaluate(
      () =>
        typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime
          ?.sendMessage,
    ),
  ).toBe('undefined');
  const snap = await readVault();
  expect(snap.images).toHaveLength(0);
  expect(snap.queue).toHaveLength(0);
  expect(snap.kv.paused ?? false).toBe(false);
});

test('a 200 answer that is an HTML page is not stored as an image; the user is told, and Retry saves it later', async ({
  context,
  page,
  sim,
  readVault,
  openExtensionPage,
}) => {
  const conv = sim.conversation();
  conv.user('A teapot').gptImage({ title: 'Teapot', revisedPrompt: 'A porcelain teapot, studio light' });
  // The page shows the image; the worker's fetches get an HTML error page (twice: the page's
  // link and the fresh download link), as a misbehaving proxy or CDN would answer.
  let htmlAnswers = 2;
  await onWorkerRequest(context, isEstuary, async (route) => {
    if (htmlAnswers-- <= 0) return false;
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><h1>Oops</h1>' });
    return true;
  });
  await sim.open(page, conv);
  const snap = await vaultWithFailure(readVault);
  expect(snap.images).toHaveLength(0);
  const job = snap.queue[0]!;
  expect(job.lastError).toBe('the server sent a web page (HTML), not an image');
  const ext = await openExtensionPage('src/popup/index.html');
  const st = await sendFrom(ext, 'getStatus');
  expect(st.problems[0]).toBe(
    '1 image seen on chatgpt.com could not be saved: the server sent a web page (HTML), not an image',
  );
  // the server recovered: Retry saves it with the right bytes
  expect(await sendFrom(ext, 'retryFailed')).toEqual({
    requeued: 1,
  });
  const after = await vaultWith(readVault, 1);
  expectStored(after, conv.images[0]!, sim.served(conv.images[0]!.fileId));
  expect((await sendFrom(ext, 'getStatus')).problems).toEqual([]);
});

test('an expired signed URL is replaced by a fresh download link and the image is still saved', async ({
  context,
  page,
  sim,
  readVault,
}) => {
  const conv = sim.conversation();
  conv.user('A lighthouse').dalle({ revisedPrompt: 'A lighthouse in a storm, oil painting' });
  const img = conv.images[0]!;
  // The page rendered the image while its link was good; the link expires before the worker fetches.
  let expired = false;
  await onWorkerRequest(context, isCdn, async () => {
    if (!expired) sim.expireCdnUrls(img.fileId);
    expired = true;
    return false;
  });
  await sim.open(page, conv);
  const snap = await vaultWith(readVault, 1);
  expectStored(snap, img, sim.served(img.fileId));
  expect(sim.count('download', 'worker')).toBeGreaterThanOrEqual(1);
  expect(sim.requestsOf('cdn', 'worker').map((r) => r.status)).toContain(403);
});

test('an expired URL with no fresh link is recorded with its reason, and other images are kept', async ({
  context,
  page,
  sim,
  readVault,
}) => {
  const conv = sim.conversation();
  conv.user('A lighthouse').dalle({ revisedPrompt: 'A lighthouse in a storm, oil painting' });
  conv.user('A harbour').dalle({ revisedPrompt: 'A quiet harbour at dawn' });
  const [dead, alive] = conv.images as [(typeof conv.images)[0], (typeof conv.images)[0]];
  await onWorkerRequest(context, isCdn, async (route) => {
    if (route.request().url().includes(dead!.fileId)) sim.expireCdnUrls(dead!.fileId);
    return false;
  });
  sim.fault('download', 'not-found', { times: 10, match: dead!.fileId });
  await sim.open(page, conv);
  const snap = await vaultWithFailure(readVault);
  await vaultWith(readVault, 1);
  const job = snap.queue.find((j) => j.id === dead!.fileId)!;
  expect(job.state).toBe('failed');
  // the CDN's own answer says "Signed expiry time has passed"
  expect(job.lastError).toBe('the image link has expired, and ChatGPT gave no fresh link');
  expectStored(await readVault(), alive!, sim.served(alive!.fileId));
});

test('a conversation JSON without the expected fields still saves the image, and says it has no prompt', async ({
  page,
  sim,
  readVault,
  openExtensionPage,
}) => {
  const conv = sim.conversation();
  conv.user('A cactus').gptImage({ title: 'Cactus', revisedPrompt: 'A cactus in a terracotta pot' });
  sim.fault('conversation', 'missing-fields', { times: 10 });
  await sim.open(page, conv);
  const snap = await vaultWith(readVault, 1, 30_000);
  const img = conv.images[0]!;
  const rec = snap.images[0]!;
  expect(snap.sha256[img.fileId]).toBe(sim.served(img.fileId).sha256);
  expect(rec.prompt).toBe('');
  expect(rec.warning).toBe(
    'saved without its prompt: ChatGPT’s conversation data looks different: conversation JSON has no mapping',
  );
  const st = await sendFrom(await openExtensionPage('src/popup/index.html'), 'getStatus');
  expect(st.problems).toContain(
    '1 image was saved without their prompts: ChatGPT’s conversation data looks different: conversation JSON has no mapping',
  );
});
