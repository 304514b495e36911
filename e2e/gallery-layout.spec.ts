/**
 * The gallery's layout and hierarchy (issue 13 §5, §7, §8): what a user sees at 800 px, the
 * filter bar and its chips, tiles, the selection bar and the undo toast, the deep link to an
 * unknown image, the `?` shortcut sheet, and axe on each state in light and dark.
 */
import type { Locator, Page } from '@playwright/test';
import type { ImageRecord } from '../src/core/types';
import { expect, test } from './harness/fixtures';
import { axeViolations } from './support/axe';
import { readRecords, seedImages, syntheticRecord, syntheticRecords } from './support/seed';

const GALLERY = 'src/gallery/index.html';

async function ready(page: Page): Promise<Page> {
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  return page;
}

/** The gallery loaded fresh at this size (the filter bar picks its default from the width). */
async function openAt(
  openExtensionPage: (p: string) => Promise<Page>,
  width: number,
  height = 800,
): Promise<Page> {
  const page = await openExtensionPage(GALLERY);
  await page.setViewportSize({ width, height });
  await page.reload();
  return ready(page);
}

const tile = (page: Page, id: string) => page.locator(`[data-testid="gallery-item"][data-image-id="${id}"]`);
const firstTile = (page: Page) => page.locator('[data-testid="gallery-item"][aria-posinset="1"]');

async function box(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}

test('at 800 px the header stays on one line and the grid starts within 120 px of the top', async ({
  openExtensionPage,
}) => {
  const page = await openAt(openExtensionPage, 800);
  await seedImages(page, syntheticRecords(12));
  await expect(page.getByTestId('gallery-count')).toHaveText('12');
  // Collapsed by default at this width.
  await expect(page.getByTestId('filters-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('filter-model')).toBeHidden();

  const buttons = page.locator('.topbar .actions button');
  await expect(buttons).toHaveCount(5);
  const tops = await buttons.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  const search = await box(page.getByTestId('search-input'));
  expect(Math.abs(search.y + search.height / 2 - (tops[0]! + 18))).toBeLessThan(6);
  // Icon-only secondary buttons keep their names and a tooltip.
  for (const [id, name] of [
    ['select-mode', 'Select'],
    ['import-button', 'Import'],
    ['storage-button', 'Storage'],
    ['settings-button', 'Settings'],
  ] as const) {
    await expect(page.getByTestId(id)).toHaveAccessibleName(name);
    await expect(page.getByTestId(id)).toHaveAttribute('title', new RegExp(name));
  }
  await expect(page.getByTestId('export-button')).toHaveText('Export all');
  await expect(page.getByTestId('export-button')).toHaveClass(/primary/);

  expect((await box(firstTile(page))).y).toBeLessThanOrEqual(120);
});

test('the filter bar: remembered open or closed, chips that remove their filter, a count', async ({
  openExtensionPage,
}) => {
  const page = await openAt(openExtensionPage, 800);
  await seedImages(page, syntheticRecords(24));
  await expect(page.getByTestId('gallery-count')).toHaveText('24');
  const toggle = page.getByTestId('filters-toggle');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.reload();
  await ready(page);
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('filters-count')).toBeHidden();

  await page.getByTestId('filter-model').selectOption('dalle3');
  await page.getByTestId('filter-favorites').check();
  await expect(toggle).toHaveAccessibleName('Filters 2 active');
  await expect(page.getByTestId('filters-count').locator('[aria-hidden="true"]')).toHaveText('2');
  const chips = page.getByTestId('filter-chip');
  await expect(chips).toHaveText(['DALL·E 3', 'Favourites only']);
  const filtered = Number(await page.getByTestId('gallery-count').textContent());
  expect(filtered).toBeLessThan(24);

  // Collapsed, the chips still say what is filtered, and remove it by keyboard.
  await toggle.click();
  await expect(page.getByTestId('filter-model')).toBeHidden();
  await chips.first().focus();
  await page.keyboard.press('Enter');
  await expect(chips).toHaveText(['Favourites only']);
  await expect(toggle).toHaveAccessibleName('Filters 1 active');
  await expect(chips.first()).toBeFocused();
  await expect(page.getByTestId('filter-model')).toHaveValue('');
  await page.keyboard.press('Space');
  await expect(chips).toHaveCount(0);
  await expect(toggle).toBeFocused();
  await expect(page.getByTestId('gallery-count')).toHaveText('24');
  await expect(page.getByTestId('filter-favorites')).not.toBeChecked();
});

test('conversations: one entry each, repeated titles told apart by date', async ({ openExtensionPage }) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const at = (d: number) => new Date(2026, 9, d, 12).getTime();
  const recs: ImageRecord[] = [
    ...[0, 1, 2, 3].map((i) =>
      syntheticRecord(i, {
        conversationId: 'conv-a',
        conversationTitle: 'Desert caravan ideas',
        createdAt: at(12) - i,
      }),
    ),
    syntheticRecord(4, {
      conversationId: 'conv-b',
      conversationTitle: 'Desert caravan ideas',
      createdAt: at(3),
    }),
    // The same conversation under an older title: still one entry.
    syntheticRecord(5, { conversationId: 'conv-b', conversationTitle: 'Caravans', createdAt: at(2) }),
    syntheticRecord(6, { conversationId: 'conv-c', conversationTitle: 'Harbour at dawn', createdAt: at(1) }),
  ];
  await seedImages(page, recs);
  await expect(page.getByTestId('gallery-count')).toHaveText('7');
  const day = (d: number) =>
    page.evaluate(
      (ms) => new Intl.DateTimeFormat(navigator.language, { dateStyle: 'medium' }).format(ms),
      at(d),
    );
  const conv = page.getByTestId('filter-conversation');
  await conv.focus();
  await expect(conv.locator('option')).toHaveText([
    'All conversations',
    `Desert caravan ideas — ${await day(12)} (4)`,
    `Desert caravan ideas — ${await day(3)} (2)`,
    'Harbour at dawn (1)',
  ]);
  await conv.selectOption('conv-b');
  await expect(page.getByTestId('gallery-count')).toHaveText('2');
  await expect(page.getByTestId('filter-chip')).toHaveText('Conversation: Desert caravan ideas');
});

test('numbers have thousands separators; Export N shown follows the view and 0 is disabled', async ({
  openExtensionPage,
}) => {
  const page = await ready(await openExtensionPage(GALLERY));
  await seedImages(page, syntheticRecords(1_234), { exact: false });
  await expect(page.getByTestId('gallery-count')).toHaveText('1,234');
  await expect(page.getByTestId('gallery-summary')).toHaveText('1,234 images');
  await page.getByTestId('filter-from').fill('2000-01-01');
  await expect(page.getByTestId('filter-chip')).toHaveCount(1);
  await expect(page.getByTestId('export-button')).toHaveText('Export 1,234 shown');
  await expect(page.getByTestId('export-button')).toBeEnabled();
  await page.getByTestId('search-input').fill('zzqqxx-nothing-matches');
  await expect(page.getByTestId('gallery-summary')).toHaveText('0 of 1,234 images');
  await expect(page.getByTestId('export-button')).toHaveText('Export 0 shown');
  await expect(page.getByTestId('export-button')).toBeDisabled();
});

test('tiles: date and model on hover and on keyboard focus; a favourite toggle with aria-pressed', async ({
  openExtensionPage,
}) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(8).map((r) => ({ ...r, favorite: 0 as const }));
  await seedImages(page, recs);
  await expect(page.getByTestId('gallery-count')).toHaveText('8');
  const [a, b] = [recs[0]!, recs[1]!];
  const meta = (id: string) => tile(page, id).locator('.tile-meta');
  const expected = await page.evaluate(
    (ms) => new Intl.DateTimeFormat(navigator.language, { dateStyle: 'medium' }).format(ms),
    a.createdAt,
  );
  await expect(meta(a.id)).toHaveText(`${expected} · DALL·E 3`);
  await expect(meta(a.id)).toHaveCSS('opacity', '0');
  await tile(page, a.id).hover();
  await expect(meta(a.id)).toHaveCSS('opacity', '1');
  await page.mouse.move(1, 500);
  await expect(meta(a.id)).toHaveCSS('opacity', '0');
  // Keyboard: Tab into the grid, arrow to the second tile.
  await page.getByTestId('search-input').focus();
  const firstBtn = tile(page, a.id).locator('.tile-btn');
  for (let i = 0; i < 30 && !(await firstBtn.evaluate((e) => e === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(firstBtn).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(tile(page, b.id).locator('.tile-btn')).toBeFocused();
  await expect(meta(b.id)).toHaveCSS('opacity', '1');
  await expect(tile(page, b.id).locator('.tile-btn')).toHaveAccessibleName(
    `${b.title ?? b.prompt} ${expected} · DALL·E 3`,
  );

  // The star: a toggle button whose state is aria-pressed (and a filled star), saved to the vault.
  const star = tile(page, a.id).getByTestId('tile-favorite');
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await tile(page, a.id).hover();
  await star.click();
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  await expect(star.locator('svg')).toHaveAttribute('fill', 'currentColor');
  expect((await readRecords(page, [a.id]))[0]!.favorite).toBe(1);
  await page.mouse.move(1, 500);
  await expect(star).toBeVisible();
  await expect(star).toHaveCSS('opacity', '1');
  // F on a focused tile flips it too.
  await expect(tile(page, b.id).getByTestId('tile-favorite')).toHaveAttribute('aria-pressed', 'false');
  await tile(page, b.id).locator('.tile-btn').focus();
  await page.keyboard.press('f');
  await expect(tile(page, b.id).getByTestId('tile-favorite')).toHaveAttribute('aria-pressed', 'true');
  expect((await readRecords(page, [b.id]))[0]!.favorite).toBe(1);
  await expect(page.getByTestId('lightbox')).toBeHidden();
});

test('the selection bar does not move the grid, and the undo toast covers no tile or button', async ({
  openExtensionPage,
}) => {
  const page = await openAt(openExtensionPage, 800);
  const recs = syntheticRecords(40);
  await seedImages(page, recs);
  await expect(page.getByTestId('gallery-count')).toHaveText('40');
  const before = await box(firstTile(page));
  await page.getByTestId('select-mode').click();
  await expect(page.getByTestId('selection-bar')).toBeVisible();
  expect(await box(firstTile(page))).toEqual(before);
  await tile(page, recs[0]!.id).locator('.tile-btn').click();
  await tile(page, recs[1]!.id).locator('.tile-btn').click();
  await expect(page.getByTestId('selection-count')).toHaveText('2 images selected');
  expect(await box(firstTile(page))).toEqual(before);
  // The bar sits below the grid's visible area.
  const grid = await box(page.getByTestId('gallery-grid'));
  const bar = await box(page.getByTestId('selection-bar'));
  expect(bar.y).toBeGreaterThanOrEqual(grid.y + grid.height - 1);

  await page.getByTestId('bulk-delete').click();
  await expect(page.getByTestId('confirm-ok')).toHaveClass(/danger/);
  await page.getByTestId('confirm-ok').click();
  const toast = page.getByTestId('toast');
  await expect(toast).toBeVisible();
  await expect(page.getByTestId('gallery-count')).toHaveText('38');
  // Every control a user could click — visible tiles' buttons, the selection bar's — is clear of the toast.
  const overlaps = await page.evaluate(() => {
    const t = document.querySelector('[data-testid="toast"]')!.getBoundingClientRect();
    const view = document.querySelector('[data-testid="gallery-grid"]')!.getBoundingClientRect();
    const hits: string[] = [];
    for (const el of document.querySelectorAll('.tile-btn, .tile-fav, .tile-check, .selection-bar button')) {
      const r = el.getBoundingClientRect();
      const inGrid = el.closest('.tile');
      const top = inGrid ? Math.max(r.top, view.top) : r.top;
      const bottom = inGrid ? Math.min(r.bottom, view.bottom) : r.bottom;
      if (bottom <= top || r.width === 0) continue; // scrolled out of sight, or hidden
      if (r.left < t.right && r.right > t.left && top < t.bottom && bottom > t.top)
        hits.push(el.className || el.textContent || '?');
    }
    return hits;
  });
  expect(overlaps).toEqual([]);
  await expect(page.getByTestId('undo-button')).toBeVisible();
  await page.getByTestId('undo-button').click();
  await expect(page.getByTestId('gallery-count')).toHaveText('40');
});

test('a link to an image the vault does not hold says so and leaves the URL clean', async ({
  openExtensionPage,
}) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(3);
  await seedImages(page, recs);
  await expect(page.getByTestId('gallery-count')).toHaveText('3');
  const base = page.url().split('#')[0]!;
  await page.goto('about:blank');
  await page.goto(`${base}#img=file-NotInThisVault&fav=1`);
  await ready(page);
  await expect(page.getByTestId('unknown-image')).toHaveText(
    /That image is not in your vault — it may have been deleted\./,
  );
  await expect.poll(() => new URL(page.url()).hash).toBe('#fav=1');
  await expect(page.getByTestId('lightbox')).toBeHidden();
  await page.getByTestId('unknown-image').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('unknown-image')).toHaveCount(0);
  // A known image still opens from a link.
  await page.goto(`${base}#img=${recs[1]!.id}`);
  await expect(page.getByTestId('lightbox')).toBeVisible();
  await expect(page.getByTestId('unknown-image')).toHaveCount(0);
});

test('? opens the shortcut sheet (over the lightbox too), Esc closes it; typed in search it stays text', async ({
  openExtensionPage,
}) => {
  const page = await ready(await openExtensionPage(GALLERY));
  const recs = syntheticRecords(4);
  await seedImages(page, recs);
  await expect(page.getByTestId('gallery-count')).toHaveText('4');
  await page.getByTestId('search-input').fill('what?');
  await expect(page.getByTestId('search-input')).toHaveValue('what?');
  await expect(page.getByTestId('shortcut-sheet')).toHaveCount(0);
  await page.getByTestId('search-input').fill('');

  await page.getByTestId('search-input').blur();
  await page.keyboard.press('?');
  const sheet = page.getByTestId('shortcut-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('heading')).toHaveText('Keyboard shortcuts');
  for (const what of [
    'Search',
    'Move between images',
    'Select a range',
    'Previous or next image',
    'Close the image',
  ])
    await expect(sheet.getByRole('cell', { name: what, exact: true })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  await tile(page, recs[0]!.id).locator('.tile-btn').click();
  await expect(page.getByTestId('lightbox')).toBeVisible();
  await page.keyboard.press('?');
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(page.getByTestId('lightbox')).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: no violations on the gallery in ${scheme} (empty, 50 images, filtered, selection, storage, shortcuts, delete confirmation)`, async ({
    openExtensionPage,
  }) => {
    const page = await openExtensionPage(GALLERY);
    await page.emulateMedia({ colorScheme: scheme });
    await ready(page);
    await expect(page.getByTestId('empty-state')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await seedImages(page, syntheticRecords(50));
    await expect(page.getByTestId('gallery-count')).toHaveText('50');
    await expect(page.locator('.tile img[src^="blob:"]').first()).toBeAttached();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('filter-model').selectOption('dalle3');
    await page.getByTestId('filter-favorites').check();
    await expect(page.getByTestId('filter-chip')).toHaveCount(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('clear-filters').click();

    await page.getByTestId('select-mode').click();
    await page.locator('[data-testid="gallery-item"][aria-posinset="2"] .tile-btn').click();
    await expect(page.getByTestId('selection-count')).toHaveText('1 image selected');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('clear-selection').click();
    await page.getByTestId('select-mode').click();

    await page.getByTestId('storage-button').click();
    await expect(page.getByTestId('storage-images')).toHaveText('50');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('storage-panel')).toBeHidden();

    // The shortcut sheet and the delete confirmation: every dialog, in both schemes.
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcut-sheet')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcut-sheet')).toHaveCount(0);

    await page.getByTestId('select-mode').click();
    await page.locator('[data-testid="gallery-item"][aria-posinset="3"] .tile-btn').click();
    await page.getByTestId('bulk-delete').click();
    await expect(page.getByTestId('confirm-dialog')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('confirm-cancel').click();
    await expect(page.getByTestId('gallery-count')).toHaveText('50');
  });
}
