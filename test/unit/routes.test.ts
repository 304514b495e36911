/** ChatGPT URL rules (docs/chatgpt.md §Pages and URLs, §Image bytes). */
import { describe, expect, it } from 'vitest';
import {
  conversationIdFromUrl,
  conversationUrl,
  fileIdFromImageUrl,
  isChatGptUrl,
  signedUrlExpiry,
} from '../../src/sites/chatgpt/routes';

const ID = '67e1a2b3-4c5d-8000-9e0f-a1b2c3d4e5f6';

describe('conversationIdFromUrl', () => {
  it.each([
    [`https://chatgpt.com/c/${ID}`, ID],
    [`https://chat.openai.com/c/${ID}`, ID],
    [`https://chatgpt.com/c/${ID}?model=gpt-4o`, ID],
    [`https://chatgpt.com/c/${ID}#settings`, ID],
    [`https://chatgpt.com/c/${ID}/`, ID],
    // custom GPTs: mixed-case gizmo ids
    [`https://chatgpt.com/g/g-2fkFE8rbu-dall-e/c/${ID}`, ID],
    [`https://chatgpt.com/g/g-2fkFE8rbu/c/${ID}`, ID],
    // projects: g-p-{32hex}[-slug]
    [`https://chatgpt.com/g/g-p-6790c1f6b4e881918b5ff2d3b2b5f3a1-jam-labels/c/${ID}`, ID],
    [`https://chatgpt.com/g/g-p-6790c1f6b4e881918b5ff2d3b2b5f3a1/c/${ID}`, ID],
    [`https://chatgpt.com/share/${ID}`, ID],
  ])('%s → the id', (url, id) => {
    expect(conversationIdFromUrl(url)).toBe(id);
  });

  it.each([
    'https://chatgpt.com/',
    'https://chatgpt.com/?temporary-chat=true',
    'https://chatgpt.com/?model=gpt-4o&temporary-chat=true',
    'https://chatgpt.com/g/g-2fkFE8rbu-dall-e',
    'https://chatgpt.com/g/g-p-6790c1f6b4e881918b5ff2d3b2b5f3a1-jam-labels/project',
    'https://chatgpt.com/library',
    'https://chatgpt.com/gpts',
    `https://example.com/c/${ID}`,
    `https://chatgpt.com.evil.example/c/${ID}`,
    `http://chatgpt.com/c/${ID}`,
    'not a url',
    '',
  ])('%s → null', (url) => {
    expect(conversationIdFromUrl(url)).toBeNull();
  });
});

describe('isChatGptUrl', () => {
  it('accepts both hosts over https only', () => {
    expect(isChatGptUrl('https://chatgpt.com/c/x')).toBe(true);
    expect(isChatGptUrl('https://chat.openai.com/')).toBe(true);
    expect(isChatGptUrl('http://chatgpt.com/')).toBe(false);
    expect(isChatGptUrl('https://openai.com/')).toBe(false);
    expect(isChatGptUrl('https://sub.chatgpt.com/')).toBe(false);
    expect(isChatGptUrl('chatgpt.com/c/x')).toBe(false);
  });
});

describe('fileIdFromImageUrl', () => {
  it.each([
    [
      'https://chatgpt.com/backend-api/estuary/content?id=file_00000000f6f0722fa9513c532f51a56c&ts=489012&p=fs&cid=1&sig=9f1c0a',
      'file_00000000f6f0722fa9513c532f51a56c',
    ],
    [
      'https://chat.openai.com/backend-api/estuary/content?ts=1&id=file-3lZoX8eYhN2pQwR5tV7uB9cD',
      'file-3lZoX8eYhN2pQwR5tV7uB9cD',
    ],
    // a composite id value (docs/chatgpt.md §Image bytes), URL-encoded or not
    [
      'https://chatgpt.com/backend-api/estuary/content?id=9c1f0a2b%23file_00000000f6f0722fa9513c532f51a56c%23thumbnail&sig=x',
      'file_00000000f6f0722fa9513c532f51a56c',
    ],
    [
      'https://chatgpt.com/backend-api/estuary/content?id=9c1f0a2b%2523file_00000000aa11bb22%2523thumbnail',
      'file_00000000aa11bb22',
    ],
    // a relative src, read against chatgpt.com as the page would
    ['/backend-api/estuary/content?id=file_00ab12cd&sig=x', 'file_00ab12cd'],
    [
      'https://files.oaiusercontent.com/file-Qm3Tz8Lk1Vb6Nx0Pw4Hr7Ys2?se=2025-03-15T12%3A00%3A00Z&sp=r&sv=2021-08-06&sr=b&rscd=attachment%3B%20filename%3Dcat.webp&sig=abc%3D',
      'file-Qm3Tz8Lk1Vb6Nx0Pw4Hr7Ys2',
    ],
  ])('%s → %s', (src, id) => {
    expect(fileIdFromImageUrl(src)).toBe(id);
  });

  it.each([
    'https://oaidalleapiprodscus.blob.core.windows.net/private/org-Zx81kQ2/user-Jd92hf/img-Hq7LmP2sV9wR4tY1.png?st=x&se=2023-10-25T12%3A33%3A20Z&sig=y',
    'https://chatgpt.com/backend-api/estuary/content?id=not-a-file&sig=x',
    'https://chatgpt.com/backend-api/estuary/content?sig=x',
    'https://example.com/backend-api/estuary/content?id=file_00ab12cd',
    'https://images.example.com/file-Qm3Tz8Lk1Vb6Nx0Pw4Hr7Ys2.png',
    'data:image/png;base64,iVBORw0KGgo=',
    'http://files.oaiusercontent.com/file-Qm3Tz8Lk1Vb6Nx0Pw4Hr7Ys2',
  ])('%s → null', (src) => {
    expect(fileIdFromImageUrl(src)).toBeNull();
  });
});

describe('signedUrlExpiry', () => {
  it('reads the se= timestamp of a signed CDN URL', () => {
    expect(
      signedUrlExpiry('https://files.oaiusercontent.com/file-abc?se=2025-03-15T12%3A00%3A00Z&sp=r&sig=x'),
    ).toBe(Date.UTC(2025, 2, 15, 12, 0, 0));
    expect(signedUrlExpiry('https://x.blob.core.windows.net/a?se=2025-03-15T12:30Z')).toBe(
      Date.UTC(2025, 2, 15, 12, 30),
    );
    expect(signedUrlExpiry('https://x.blob.core.windows.net/a?se=2025-03-15')).toBe(Date.UTC(2025, 2, 15));
  });

  it('is null without a readable se=', () => {
    expect(
      signedUrlExpiry('https://chatgpt.com/backend-api/estuary/content?id=file_00ab&ts=489012'),
    ).toBeNull();
    expect(signedUrlExpiry('https://x.example/a?se=tomorrow')).toBeNull();
    expect(signedUrlExpiry('https://x.example/a?se=1742040000')).toBeNull();
    expect(signedUrlExpiry('nonsense')).toBeNull();
  });
});

describe('conversationUrl', () => {
  it('is the canonical /c/ link by default', () => {
    expect(conversationUrl(ID)).toBe(`https://chatgpt.com/c/${ID}`);
    expect(conversationUrl(ID, `https://chat.openai.com/c/${ID}?model=gpt-4`)).toBe(
      `https://chatgpt.com/c/${ID}`,
    );
  });

  it('keeps the /g/…/c/ form the conversation was seen under', () => {
    expect(conversationUrl(ID, `https://chatgpt.com/g/g-2fkFE8rbu-dall-e/c/${ID}`)).toBe(
      `https://chatgpt.com/g/g-2fkFE8rbu-dall-e/c/${ID}`,
    );
    expect(
      conversationUrl(ID, `https://chat.openai.com/g/g-p-6790c1f6b4e881918b5ff2d3b2b5f3a1-jam/c/${ID}?x=1`),
    ).toBe(`https://chatgpt.com/g/g-p-6790c1f6b4e881918b5ff2d3b2b5f3a1-jam/c/${ID}`);
  });

  it('ignores a /g/ page that shows another conversation, or a foreign host', () => {
    const other = '11111111-2222-4333-8444-555555555555';
    expect(conversationUrl(ID, `https://chatgpt.com/g/g-2fkFE8rbu/c/${other}`)).toBe(
      `https://chatgpt.com/c/${ID}`,
    );
    expect(conversationUrl(ID, `https://example.com/g/g-2fkFE8rbu/c/${ID}`)).toBe(
      `https://chatgpt.com/c/${ID}`,
    );
    expect(conversationUrl(ID, 'not a url')).toBe(`https://chatgpt.com/c/${ID}`);
  });
});
