/** The deep scan's pure parts (issue 9 §7): list paging, the unchanged-skip decision, the ETA, its words. */
import { expect, test } from 'vitest';
import { deepScanEtaMs, needsRead } from '../../src/background/library/deep-scan-plan';
import { freshBudget, REFILL_MS, SPACING_MS } from '../../src/core/request-budget';
import {
  conversationListPath,
  parseConversationList,
  parseProjectConversations,
  parseProjectSidebar,
  projectConversationsPath,
  projectSidebarPath,
} from '../../src/sites/chatgpt/conversation-list';
import { deepScanSentence } from '../../src/ui/deep-scan-words';

const conv = (id: string, t = '2025-01-02T03:04:05.000000+00:00') => ({ id, title: id, update_time: t });

test('the main list pages by offset, 100 at most, newest change first', () => {
  expect(conversationListPath(0)).toBe('/backend-api/conversations?offset=0&limit=100&order=updated');
  expect(conversationListPath(200, 500)).toContain('limit=100'); // 101 gives 422
  const first = parseConversationList({ items: [conv('a'), conv('b')], total: 3 }, 0);
  expect(first.items).toEqual([
    { id: 'a', updateTime: Date.parse('2025-01-02T03:04:05Z') },
    { id: 'b', updateTime: Date.parse('2025-01-02T03:04:05Z') },
  ]);
  expect(first.next).toBe(2);
  expect(parseConversationList({ items: [conv('c')], total: 3 }, 2).next).toBeNull();
  // Without a total: on until an empty page.
  expect(parseConversationList({ items: [conv('c')] }, 2).next).toBe(3);
  expect(parseConversationList({ items: [] }, 3).next).toBeNull();
});

test('list entries that do not parse are counted; a bad answer ends the walk', () => {
  const page = parseConversationList(
    { items: [conv('a'), { title: 'no id' }, null, conv('a')], total: 9 },
    0,
  );
  expect(page.items.map((i) => i.id)).toEqual(['a']);
  expect(page.invalid).toBe(2);
  expect(page.next).toBe(4); // the offset follows the raw count, not the valid one
  expect(parseConversationList({ detail: 'x' }, 0)).toEqual({ items: [], invalid: 1, next: null });
  expect(
    parseConversationList({ items: [{ id: 'x', update_time: 1_700_000_000 }] }, 0).items[0]?.updateTime,
  ).toBe(1_700_000_000_000);
  expect(parseConversationList({ items: [{ id: 'x' }] }, 0).items[0]?.updateTime).toBeNull();
});

test('projects: the sidebar in any observed shape, then each project by cursor', () => {
  expect(projectSidebarPath(null)).toBe('/backend-api/gizmos/snorlax/sidebar?conversations_per_gizmo=0');
  expect(projectSidebarPath('abc')).toContain('&cursor=abc');
  const sidebar = parseProjectSidebar(
    {
      items: [
        { gizmo: { gizmo: { id: 'g-p-1' } } },
        { gizmo: { id: 'g-p-2' } },
        { resource: { gizmo: { id: 'g-p-3' } } },
        { other: true },
      ],
      cursor: 'next',
    },
    null,
  );
  expect(sidebar).toEqual({ projects: ['g-p-1', 'g-p-2', 'g-p-3'], invalid: 1, next: 'next' });
  expect(
    parseProjectSidebar({ items: [{ gizmo: { id: 'g-p-1' } }], cursor: 'same' }, 'same').next,
  ).toBeNull();
  expect(projectConversationsPath('g-p-1', '0')).toBe(
    '/backend-api/gizmos/g-p-1/conversations?cursor=0&limit=50',
  );
  expect(parseProjectConversations({ items: [conv('a')], cursor: 50 }, '0').next).toBe('50');
  expect(parseProjectConversations({ items: [conv('a')], cursor: null }, '50').next).toBeNull();
  expect(parseProjectConversations({ items: [], cursor: '100' }, '50').next).toBeNull();
});

test('a conversation is read when new, changed, or without a change time; never when unchanged', () => {
  expect(needsRead(1000, undefined)).toBe(true);
  expect(needsRead(1000, null)).toBe(true);
  expect(needsRead(2000, 1000)).toBe(true);
  expect(needsRead(null, 1000)).toBe(true);
  expect(needsRead(1000, 1000)).toBe(false);
});

test('the ETA: tokens above the reserve at the bulk spacing, then one per refill (about 2 min)', () => {
  const now = 1_000_000;
  const full = freshBudget(now); // 50 tokens, 30 kept back: 20 in hand
  expect(deepScanEtaMs(0, full, now)).toBe(0);
  expect(deepScanEtaMs(5, full, now)).toBe(5 * SPACING_MS.backfill);
  expect(deepScanEtaMs(120, full, now)).toBe(20 * SPACING_MS.backfill + 100 * REFILL_MS);
  // 1,000 conversations on a full bucket: about 33 hours (980 × 2 min).
  expect(Math.round(deepScanEtaMs(1000, full, now) / 3_600_000)).toBe(33);
  const spent = { ...full, tokens: 10, blockedUntil: now + 60_000 };
  expect(deepScanEtaMs(3, spent, now)).toBe(60_000 + 3 * REFILL_MS);
});

test('the deep scan line says where it stands', () => {
  const p = { done: 12, total: 340, bytes: 0, waitingUntil: null, error: null, found: 3 };
  expect(deepScanSentence({ ...p, state: 'running', etaMs: 11 * 3_600_000 })).toBe(
    'Deep scan: 12 of 340 conversations read · 3 images found · about 11 hours left',
  );
  expect(deepScanSentence({ ...p, state: 'running', etaMs: null })).toBe(
    'Deep scan: 12 of 340 conversations read · 3 images found · still listing your conversations',
  );
  expect(deepScanSentence({ ...p, state: 'paused', etaMs: null })).toBe(
    'Deep scan paused: 12 of 340 conversations read · 3 images found',
  );
  expect(deepScanSentence({ ...p, state: 'done', done: 1, found: 1, etaMs: 0 })).toBe(
    'Deep scan done: 1 conversation read, 1 image found',
  );
  expect(deepScanSentence({ ...p, state: 'failed', etaMs: null, error: 'signed out' })).toBe(
    'Deep scan stopped: signed out',
  );
  expect(deepScanSentence({ ...p, state: 'idle', etaMs: null })).toMatch(/^Older images/);
});
