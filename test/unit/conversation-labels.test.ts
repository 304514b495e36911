import { describe, expect, it } from 'vitest';
import { syntheticRecord } from '../../e2e/support/seed';
import { Catalog } from '../../src/gallery/catalog';
import { conversationLabels } from '../../src/gallery/conversation-labels';
import { formatDate, formatDateTime } from '../../src/ui/format';

const day = (d: number, h = 12) => Date.UTC(2026, 9, d, h);

describe('conversation filter labels', () => {
  it('adds the date only where titles repeat, and the time where the date repeats too', () => {
    const labels = conversationLabels([
      { id: 'a', title: 'Desert caravan ideas', count: 4, latest: day(12) },
      { id: 'b', title: 'Desert caravan ideas', count: 1234, latest: day(3) },
      { id: 'c', title: 'Harbour at dawn', count: 2, latest: day(3) },
      { id: 'd', title: 'Twins', count: 1, latest: day(5, 9) },
      { id: 'e', title: 'twins', count: 1, latest: day(5, 17) },
      { id: 'f', title: '', count: 3, latest: day(1) },
    ]);
    expect(labels).toEqual([
      `Desert caravan ideas — ${formatDate(day(12))} (4)`,
      `Desert caravan ideas — ${formatDate(day(3))} (1,234)`,
      'Harbour at dawn (2)',
      `Twins — ${formatDateTime(day(5, 9))} (1)`,
      `twins — ${formatDateTime(day(5, 17))} (1)`,
      'Untitled conversation (3)',
    ]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('lists a conversation once, under the title of its newest image', () => {
    const c = new Catalog();
    const base = { conversationId: 'conv-1' };
    c.replaceAll([
      syntheticRecord(0, { ...base, conversationTitle: 'Renamed', createdAt: day(9) }),
      syntheticRecord(1, { ...base, conversationTitle: 'Old name', createdAt: day(2) }),
      syntheticRecord(2, { ...base, conversationTitle: 'Old name', createdAt: day(1) }),
    ]);
    expect(c.conversations()).toEqual([{ id: 'conv-1', title: 'Renamed', count: 3, latest: day(9) }]);
  });
});
