/**
 * Bad input (issue #8): a 1 MB prompt full of bidi overrides, control characters and lone
 * surrogates (e2e/support/hostile-prompt.ts), and conversation links that are not
 * ChatGPT's. The gallery, its search and the popup stay usable; the copy button copies
 * the stored prompt; only ChatGPT's own pages are linked.
 * Lightbox-open time is measured by `npm run bench:huge-prompt`; the bound here only
 * catches a return of the multi-second stall.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { HOSTILE_START, hostilePrompt, putPrompt } from './support/hostile-prompt';
import { seedImages, syntheticRecord, syntheticRecords } from './support/seed';

const GALLERY = 'src/gallery/index.html';
const POPUP = 'src/popup/index.html';

async function ready(page: Page): Promise<Page> {
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  return page;
}
const tile = (page: Page, id: string) => page.locator(`[data-testid="gallery-item"][data-image-id="${id}"]`);

/**
 * In the page: the stored prompt of `id` against what the clipboard holds, what the page
 * handed to navigator.clipboard.writeText (recorded by recordCopies), or what the
 * lightbox shows. Compared there: lone surrogates do not survive the trip as JSON.
 */
function compareWithStored(page: Page, id: string, read: 'clipboard' | 'handed' | 'shown') {
  return page.evaluate(
    async ({ id, read }) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('image-vault');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const stored: string = await new Promise((res) => {
        db.transaction('images').objectStore('images').get(id).onsuccess = (e) =>
          res((e.target as IDBRequest).result.prompt);
      });
      db.close();
      const got =
        read === 'clipboard'
          ? await navigator.clipboard.readText()
          : read === 'handed'
            ? (window as unknown as { copied: string }).copied
            : document.querySelector('[data-testid="lightbox-prompt"]')!.textContent!;
      const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
      const wellFormed = (stored as unknown as { toWellFormed(): string }).toWellFormed();
      return {
        storedLength: stored.length,
        storedHasLoneSurrogates: lone.test(stored),
        exact: got === stored,
        sameButLoneSurrogates: got === wellFormed,
        length: got.length,
      };
    },
    { id, read },
  );
}

/** Records what the page hands to the clipboard, then lets it through. */
function recordCopies(page: Page): Promise<void> {
  return page.evaluate(() => {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text: string) => {
      (window as unknown as { copied: string }).copied = text;
      return write(text);
    };
  });
}

test('a 1 MB hostile prompt: the lightbox opens at once, search, copy and the popup still work', async ({
  context,
  openExtensionPage,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(24);
  const hostile = recs[0]!;
  await seedImages(page, recs);
  await putPrompt(page, hostile.id, hostilePrompt());
  await expect(tile(page, hostile.id)).toContainText(HOSTILE_START);

  // The lightbox shows the image and the start of the prompt promptly.
  const t0 = Date.now();
  await tile(page, hostile.id).locator('.tile-btn').click();
  const lb = page.getByTestId('lightbox');
  await expect(lb.locator('.lb-figure img')).toBeVisible({ timeout: 3000 });
  await expect(lb.getByTestId('lightbox-prompt')).toContainText(HOSTILE_START, { timeout: 3000 });
  expect(Date.now() - t0).toBeLessThan(3000);
  await expect(lb.getByTestId('lightbox-prompt-extent')).toHaveText(
    /^Showing the first [\d,]+ of 1,048,576 characters\.$/,
  );
  // The rest of the panel is where it belongs: the prompt's overrides are isolated in its box.
  const box = await lb.getByTestId('lightbox-prompt').boundingBox();
  const copy = await lb.getByTestId('copy-prompt').boundingBox();
  expect(copy!.x + copy!.width).toBeGreaterThan(box!.x + box!.width - 2);
  await expect(lb.getByRole('heading', { name: 'Revised prompt' })).toBeVisible();

  // Copy hands the clipboard the stored prompt, every code unit of it. The clipboard
  // holds Unicode text, so the lone surrogates (which are no characters) arrive as U+FFFD;
  // everything else arrives unchanged.
  await recordCopies(page);
  await lb.getByTestId('copy-prompt').click();
  await expect(lb.getByTestId('copy-prompt')).toHaveText('Copied');
  const handed = await compareWithStored(page, hostile.id, 'handed');
  expect(handed).toMatchObject({ storedLength: 1 << 20, storedHasLoneSurrogates: true, exact: true });
  const pasted = await compareWithStored(page, hostile.id, 'clipboard');
  expect(pasted).toMatchObject({ sameButLoneSurrogates: true, length: 1 << 20 });

  // "Show all" renders the rest in steps; nothing is lost (display swaps code unit for code unit).
  await lb.getByTestId('lightbox-prompt-show-all').click();
  await expect(lb.getByTestId('lightbox-prompt-extent')).toHaveText('All 1,048,576 characters shown.', {
    timeout: 30_000,
  });
  expect((await compareWithStored(page, hostile.id, 'shown')).length).toBe(1 << 20);
  await page.keyboard.press('Escape');
  await expect(lb).toBeHidden();

  // Search as you type still narrows the grid, the hostile prompt included.
  const search = page.getByTestId('search-input');
  await search.pressSequentially('مرحبا');
  await expect(page.getByTestId('gallery-count')).toHaveText('1');
  await expect(tile(page, hostile.id).locator('mark').first()).toHaveText('مرحبا');
  await search.fill('');
  await search.pressSequentially('dusk');
  const dusk =
    recs.filter((r) => r !== hostile && `${r.prompt} ${r.revisedPrompt}`.includes('dusk')).length + 1;
  await expect(page.getByTestId('gallery-count')).toHaveText(String(dusk));

  // The popup opens and lists it, by the start of its prompt.
  const popup = await ready(await openExtensionPage(POPUP));
  await expect(popup.locator(`[data-testid="popup-item"][data-image-id="${hostile.id}"]`)).toHaveAttribute(
    'aria-label',
    new RegExp(`^Open in the gallery: ${HOSTILE_START}`),
  );
});

test('a conversation link that is not ChatGPT is shown as text, never linked', async ({
  openExtensionPage,
}) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const script = syntheticRecord(0, { conversationUrl: 'javascript:alert(1)' });
  const evil = syntheticRecord(1, { conversationUrl: 'https://evil.example/c/x' });
  const real = syntheticRecord(2);
  await seedImages(page, [script, evil, real]);
  await expect(page.getByTestId('gallery-count')).toHaveText('3');
  const lb = page.getByTestId('lightbox');

  for (const rec of [script, evil]) {
    await tile(page, rec.id).locator('.tile-btn').click();
    await expect(lb.getByTestId('lightbox-prompt')).toHaveText(rec.prompt);
    await expect(lb.getByTestId('conversation-url-text')).toContainText(rec.conversationUrl);
    await expect(lb.getByTestId('open-in-chatgpt')).toHaveCount(0);
    expect(
      await lb.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ).not.toContain(rec.conversationUrl);
    await page.keyboard.press('Escape');
    await expect(lb).toBeHidden();
  }

  await tile(page, real.id).locator('.tile-btn').click();
  await expect(lb.getByTestId('open-in-chatgpt')).toHaveAttribute('href', real.conversationUrl);
  await expect(lb.getByTestId('conversation-url-text')).toHaveCount(0);
});
