/** Message guards (src/messaging/guards.ts): bad payloads and wrong senders are refused with a reason. */
import { describe, expect, it } from 'vitest';
import { parseMessage, type SenderFacts, senderAllowed } from '../../src/messaging/guards';

const seen = {
  fileId: 'file_00000000dedb061ffadb15b9a398142e',
  src: 'https://chatgpt.com/backend-api/estuary/content?id=file_00000000dedb061ffadb15b9a398142e&sig=x',
  alt: 'Generated image: lighthouse',
  conversationId: '67e1a2b3-4c5d-8000-9e0f-a1b2c3d4e5f6',
  turnMessageId: null,
  pageUrl: 'https://chatgpt.com/c/67e1a2b3-4c5d-8000-9e0f-a1b2c3d4e5f6',
  naturalWidth: 1536,
  naturalHeight: 1024,
};
const health = { pageUrl: 'https://chatgpt.com/', turns: 4, tiles: 2, unrecognisedImages: 0 };

describe('parseMessage accepts well-formed messages', () => {
  it.each([
    ['imageSeen', seen],
    ['imageSeen', { ...seen, fileId: 'file-3lZoX8eYhN2pQwR5tV7uB9cD', conversationId: null }],
    ['imageSeen', { ...seen, accountId: null }],
    ['imageSeen', { ...seen, accountId: 'a1b2c3d4-0000-4000-8000-000000000000' }],
    ['imageSeen', { ...seen, src: 'blob:https://chatgpt.com/0b9f2c1e-4d3a-4f5e-9a8b-7c6d5e4f3a2b' }],
    ['imageSeen', { ...seen, src: 'blob:https://chat.openai.com/0b9f2c1e-4d3a-4f5e-9a8b-7c6d5e4f3a2b' }],
    ['pageHealth', health],
    ['getStatus', {}],
    ['setPaused', { paused: true }],
    ['retryFailed', {}],
    ['dismissFailed', {}],
    ['mirrorAll', { action: 'start' }],
    ['mirrorAll', { action: 'status' }],
  ])('%s', (type, payload) => {
    expect(parseMessage({ type, payload })).toEqual({ ok: true, message: { type, payload } });
  });
});

describe('parseMessage refuses malformed messages with a reason', () => {
  it.each([
    [null, 'message is not an object'],
    ['imageSeen', 'message is not an object'],
    [[{ type: 'getStatus', payload: {} }], 'message is not an object'],
    [{ payload: {} }, 'unknown message type undefined'],
    [{ type: 'deleteEverything', payload: {} }, 'unknown message type deleteEverything'],
    [{ type: 7, payload: {} }, 'unknown message type 7'],
    [{ type: 'getStatus' }, 'getStatus: expected an object'],
    [{ type: 'getStatus', payload: [] }, 'getStatus: expected an object'],
    [{ type: 'setPaused', payload: { paused: 'yes' } }, 'setPaused: paused: expected a boolean'],
    [{ type: 'mirrorAll', payload: { action: 'wipe' } }, 'mirrorAll: action: expected start or status'],
    [{ type: 'setPaused', payload: {} }, 'setPaused: paused: expected a boolean'],
    [
      { type: 'imageSeen', payload: { ...seen, fileId: 'img-123' } },
      'imageSeen: fileId: expected a ChatGPT file id',
    ],
    [
      { type: 'imageSeen', payload: { ...seen, fileId: 'file_../../x' } },
      'imageSeen: fileId: expected a ChatGPT file id',
    ],
    [
      { type: 'imageSeen', payload: { ...seen, src: 'http://chatgpt.com/x.png' } },
      'imageSeen: src: expected an https URL',
    ],
    [
      { type: 'imageSeen', payload: { ...seen, src: 'data:image/png;base64,AAAA' } },
      'imageSeen: src: expected an https URL',
    ],
    [{ type: 'imageSeen', payload: { ...seen, src: 'not a url' } }, 'imageSeen: src: expected a URL'],
    [
      { type: 'imageSeen', payload: { ...seen, src: 'javascript:alert(1)' } },
      'imageSeen: src: expected an https URL',
    ],
    [
      { type: 'imageSeen', payload: { ...seen, src: 'blob:https://evil.example/0b9f2c1e-4d3a' } },
      'imageSeen: src: expected a blob: URL of a ChatGPT page',
    ],
    [
      { type: 'imageSeen', payload: { ...seen, src: 'blob:http://chatgpt.com/0b9f2c1e-4d3a' } },
      'imageSeen: src: expected a blob: URL of a ChatGPT page',
    ],
    [
      { type: 'imageSeen', payload: { ...seen, src: 'blob:null/0b9f2c1e-4d3a' } },
      'imageSeen: src: expected a blob: URL of a ChatGPT page',
    ],
    [
      { type: 'imageSeen', payload: { ...seen, src: 'blob:javascript:alert(1)' } },
      'imageSeen: src: expected a blob: URL of a ChatGPT page',
    ],
    [
      { type: 'imageSeen', payload: { ...seen, alt: 'x'.repeat(2001) } },
      'imageSeen: alt: expected a string of at most 2000 characters',
    ],
    [
      { type: 'imageSeen', payload: { ...seen, conversationId: 5 } },
      'imageSeen: conversationId: expected a string of at most 200 characters',
    ],
    [
      { type: 'imageSeen', payload: { ...seen, turnMessageId: undefined } },
      'imageSeen: turnMessageId: expected a string of at most 200 characters',
    ],
    [
      { type: 'imageSeen', payload: { ...seen, naturalWidth: -1 } },
      'imageSeen: naturalWidth: expected a number ≥ 0',
    ],
    [
      { type: 'imageSeen', payload: { ...seen, naturalHeight: Number.NaN } },
      'imageSeen: naturalHeight: expected a number ≥ 0',
    ],
    [
      { type: 'imageSeen', payload: { ...seen, accountId: 42 } },
      'imageSeen: accountId: expected a string of at most 200 characters',
    ],
    [{ type: 'pageHealth', payload: { ...health, tiles: '2' } }, 'pageHealth: tiles: expected a number ≥ 0'],
  ])('%j', (raw, reason) => {
    expect(parseMessage(raw)).toEqual({ ok: false, reason });
  });

  // Object.prototype members are not message types (a `type in PAYLOADS` lookup let them in).
  it.each(['hasOwnProperty', 'isPrototypeOf', '__proto__'])('refuses the inherited name %s', (type) => {
    expect(parseMessage({ type, payload: 'x' })).toEqual({
      ok: false,
      reason: `unknown message type ${type}`,
    });
  });
});

describe('senderAllowed', () => {
  const BASE = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
  const tab = (url: string | undefined, own = true): SenderFacts => ({
    ownExtension: own,
    url,
    fromTab: true,
    extensionBase: BASE,
  });
  const page = (url: string | undefined): SenderFacts => ({
    ownExtension: true,
    url,
    fromTab: false,
    extensionBase: BASE,
  });

  it('accepts content messages from ChatGPT tabs on both hosts', () => {
    expect(senderAllowed('imageSeen', tab('https://chatgpt.com/c/abc'))).toBeNull();
    expect(senderAllowed('pageHealth', tab('https://chat.openai.com/'))).toBeNull();
  });

  it('accepts UI messages from our own pages', () => {
    expect(senderAllowed('getStatus', page(`${BASE}src/popup/index.html`))).toBeNull();
    expect(senderAllowed('retryFailed', page(`${BASE}src/gallery/index.html#failed`))).toBeNull();
  });

  it.each([
    [
      'another extension',
      'imageSeen',
      tab('https://chatgpt.com/c/abc', false),
      'sender is not this extension',
    ],
    ['no URL', 'imageSeen', tab(undefined), 'sender has no URL'],
    ['a non-tab sender', 'imageSeen', page('https://chatgpt.com/c/abc'), 'content message not from a tab'],
    [
      'another site',
      'imageSeen',
      tab('https://evil.example/c/abc'),
      'content message from https://evil.example',
    ],
    [
      'a look-alike host',
      'imageSeen',
      tab('https://chatgpt.com.evil.example/'),
      'content message from https://chatgpt.com.evil.example',
    ],
    ['plain http', 'pageHealth', tab('http://chatgpt.com/'), 'content message from http://chatgpt.com'],
    ['an unparsable URL', 'imageSeen', tab('::nonsense'), 'sender URL does not parse'],
    [
      'a web page sending a UI message',
      'setPaused',
      tab('https://chatgpt.com/'),
      'UI message not from an extension page',
    ],
    [
      'another extension origin',
      'dismissFailed',
      page('chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/popup.html'),
      'UI message not from an extension page',
    ],
  ] as const)('refuses %s', (_what, type, facts, reason) => {
    expect(senderAllowed(type, facts)).toBe(reason);
  });
});
