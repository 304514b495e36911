/** Plain words for answers that are not the image asked for (sites/chatgpt/responses.ts). */
import { describe, expect, it } from 'vitest';
import { describeDeadLink, describeNotAnImage } from '../../src/sites/chatgpt/responses';

const text = (s: string) => new TextEncoder().encode(s);
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('describeNotAnImage', () => {
  it.each([
    ['image/png', '<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>'],
    ['image/svg+xml', '<?xml version="1.0"?>\n<svg viewBox="0 0 1 1"/>'],
    ['image/png', '\ufeff<?xml version="1.0"?><!-- made by hand -->\n<!DOCTYPE svg PUBLIC "x"><svg>'],
    [null, '  <svg>'],
  ])('an SVG labelled %s is called an SVG drawing', (type, body) => {
    expect(describeNotAnImage(type, text(body))).toBe(
      'the server sent an SVG drawing, not the PNG/WebP image',
    );
  });

  it('an HTML page that calls itself image/png (an HTML/PNG polyglot) is a web page', () => {
    const polyglot = new Uint8Array([
      ...text('<html><!--'),
      ...PNG_MAGIC,
      ...text('--><script>x()</script>'),
    ]);
    expect(describeNotAnImage('image/png; charset=binary', polyglot)).toBe(
      'the server said image/png but sent a web page (HTML), not an image',
    );
  });

  it('a PNG-looking body labelled text/html is a web page', () => {
    const polyglot = new Uint8Array([...PNG_MAGIC, ...text('<html><script>x()</script>')]);
    expect(describeNotAnImage('text/html; charset=utf-8', polyglot)).toBe(
      'the server sent a web page (HTML), not an image',
    );
  });

  it.each([
    ['text/html', '<!doctype html><h1>Oops</h1>', 'the server sent a web page (HTML), not an image'],
    [
      'text/plain',
      '<!-- cdn -->\n<HTML><BODY>Error</BODY></HTML>',
      'the server sent a web page (HTML), not an image',
    ],
    ['image/png', 'GIF89a…truncated', 'the server said image/png but the bytes are not a PNG'],
    ['image/webp', 'RIFF\0\0\0\0WAVEfmt ', 'the server said image/webp but the bytes are not a WebP'],
    ['image/avif', '....ftypavif', 'the server said image/avif but the bytes are not a picture of that type'],
    [
      'application/json',
      '{"detail":"Unauthorized"}',
      'the server sent an error message (JSON), not an image',
    ],
    ['text/plain', 'File stream access denied', 'the server sent text/plain, not an image'],
    [null, 'zzz', 'the server sent something without a content type, and it is not an image'],
    ['image/png', '', 'the server sent an empty answer, not an image'],
  ])('%s with %j: %s', (type, body, words) => {
    expect(describeNotAnImage(type, text(body))).toBe(words);
  });

  it('never says "a image/png page"', () => {
    for (const t of ['image/png', 'image/webp', 'text/html', null])
      expect(describeNotAnImage(t, text('<svg/>'))).not.toMatch(/a image|page instead/);
  });
});

describe('describeDeadLink', () => {
  const now = Date.UTC(2026, 11, 2);
  it('names the day a signed link expired', () => {
    expect(describeDeadLink(403, 'AuthenticationFailed', Date.UTC(2025, 2, 15, 12), now)).toBe(
      'the image link expired on 2025-03-15',
    );
  });
  it.each([
    [403, 'Signature has expired', null, 'the image link has expired'],
    [
      403,
      'File stream access denied',
      null,
      'ChatGPT refused Image Vault access to the image (“File stream access denied”)',
    ],
    [404, '', Date.UTC(2027, 0, 1), 'the image link no longer works (HTTP 404)'],
    [410, 'Gone', null, 'the image link no longer works (HTTP 410)'],
  ])('%i %j → %s', (status, body, expiry, words) => {
    expect(describeDeadLink(status, body, expiry, now)).toBe(words);
  });
});
