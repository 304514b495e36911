/** The change channel: listeners in the announcing context hear it (marked local), other contexts too. */
import { expect, test } from 'vitest';
import {
  announceChange,
  CHANNEL_NAME,
  type Change,
  onChange,
  parseChange,
} from '../../src/messaging/changes';

test('an announcement reaches this context (local) and other contexts; theirs arrive marked remote', async () => {
  const heard: [Change, boolean][] = [];
  const life = new AbortController();
  onChange(life.signal, (c, local) => void heard.push([c, local]));
  const other = new BroadcastChannel(CHANNEL_NAME);
  const otherHeard = new Promise<unknown>((r) =>
    other.addEventListener('message', (e) => r(e.data), { once: true }),
  );

  await announceChange({ type: 'images-changed', ids: ['file_a'] });
  expect(heard).toEqual([[{ type: 'images-changed', ids: ['file_a'] }, true]]);
  expect(await otherHeard).toEqual({ type: 'images-changed', ids: ['file_a'] });

  const remote = new Promise<void>((r) => onChange(life.signal, (_c, local) => (local ? undefined : r())));
  other.postMessage({ type: 'status-changed' });
  await remote;
  expect(heard.at(-1)).toEqual([{ type: 'status-changed' }, false]);

  life.abort();
  await announceChange({ type: 'status-changed' });
  expect(heard).toHaveLength(2);
  other.close();
});

test('what does not parse is dropped; ids must be strings', () => {
  expect(parseChange({ type: 'images-changed', ids: [1] })).toEqual({ type: 'images-changed' });
  expect(parseChange({ type: 'something-else' })).toBeNull();
  expect(parseChange('images-changed')).toBeNull();
});
