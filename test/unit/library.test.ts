/** The library client's pure part: item validation, skipping, cursor handling (docs/chatgpt.md §Image library). */
import { describe, expect, it } from 'vitest';
import { libraryPath, parseLibraryItem, parseLibraryPage } from '../../src/sites/chatgpt/library';

const FILE = 'file_00000000a1b2c3d4e5f6a7b8c9d0e1f2';
const url = (id = FILE) => `https://chatgpt.com/backend-api/estuary/content?id=${id}&ts=1&p=fs&sig=ab`;

function item(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 's_1',
    url: url(),
    title: 'Red kite',
    prompt: null,
    created_at: 1_767_000_000.5,
    width: 1024,
    height: 1536,
    generation_id: 'gen_1',
    conversation_id: 'c-1',
    message_id: 'm-1',
    asset_pointer: `sediment://${FILE}`,
    is_archived: false,
    output_blocked: false,
    ...over,
  };
}

describe('library items', () => {
  it('keys an item by the file id of its asset pointer, with times in ms', () => {
    expect(parseLibraryItem(item())).toEqual({
      fileId: FILE,
      url: url(),
      title: 'Red kite',
      createdAt: 1_767_000_000_500,
      width: 1024,
      height: 1536,
      conversationId: 'c-1',
      messageId: 'm-1',
      prompt: null,
      genId: 'gen_1',
    });
  });

  it('falls back to the id= of the URL, never to the signed URL itself', () => {
    const other = 'file_ffff0000a1b2c3d4e5f6a7b8c9d0e1f2';
    expect(parseLibraryItem(item({ asset_pointer: undefined, url: url(other) }))?.fileId).toBe(other);
    expect(
      parseLibraryItem(item({ asset_pointer: 'https://x.example/file_abc', url: url(other) }))?.fileId,
    ).toBe(other);
  });

  it('refuses items without a file id or an https URL, and keeps a prompt when given', () => {
    expect(parseLibraryItem(item({ asset_pointer: null, url: 'https://chatgpt.com/x?id=nope' }))).toBeNull();
    expect(parseLibraryItem(item({ url: 'http://chatgpt.com/plain' }))).toBeNull();
    expect(parseLibraryItem('junk')).toBeNull();
    expect(parseLibraryItem(item({ prompt: 'a kite' }))?.prompt).toBe('a kite');
    expect(parseLibraryItem(item({ width: 'wide', created_at: null }))).toMatchObject({
      width: null,
      createdAt: 0,
    });
  });
});

describe('library pages', () => {
  it('skips blocked and archived items and counts what does not parse', () => {
    const other = 'file_11110000a1b2c3d4e5f6a7b8c9d0e1f2';
    const page = parseLibraryPage(
      {
        items: [
          item(),
          item({ output_blocked: true, asset_pointer: `sediment://${other}` }),
          item({ is_archived: true, asset_pointer: `sediment://${other}` }),
          { id: 'broken' },
          item(), // the same file twice: one item
        ],
        cursor: 'abc',
      },
      null,
    );
    expect(page.items.map((i) => i.fileId)).toEqual([FILE]);
    expect(page).toMatchObject({ invalid: 1, blocked: 1, archived: 1, next: 'abc' });
  });

  it('ends on a null, missing, empty or repeated cursor, and on an empty page', () => {
    expect(parseLibraryPage({ items: [item()], cursor: null }, null).next).toBeNull();
    expect(parseLibraryPage({ items: [item()] }, null).next).toBeNull();
    expect(parseLibraryPage({ items: [item()], cursor: '' }, null).next).toBeNull();
    expect(parseLibraryPage({ items: [item()], cursor: 'same' }, 'same').next).toBeNull();
    expect(parseLibraryPage({ items: [], cursor: 'more' }, null).next).toBeNull();
    expect(parseLibraryPage({ items: [item()], cursor: 40 }, null).next).toBe('40');
  });

  it('counts an answer that is not a page as one invalid item and stops', () => {
    expect(parseLibraryPage({ detail: 'nope' }, 'x')).toEqual({
      items: [],
      invalid: 1,
      blocked: 0,
      archived: 0,
      next: null,
    });
  });

  it('builds the page path with limit and after', () => {
    expect(libraryPath(25, null)).toBe('/backend-api/my/recent/image_gen?limit=25');
    expect(libraryPath(100, 'a b')).toBe('/backend-api/my/recent/image_gen?limit=100&after=a+b');
  });
});
