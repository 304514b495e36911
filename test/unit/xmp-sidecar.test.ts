import { describe, expect, it } from 'vitest';
import { jsonSidecar, xmlEscape, xmpSidecar } from '../../src/core/xmp-sidecar';
import { record } from '../support/db-rows';

describe('xmpSidecar', () => {
  it('puts the prompt in dc:description and the rest in the iv: namespace, escaped', () => {
    const rec = record(1, {
      prompt: 'a <cat> & "dog" \u0001',
      revisedPrompt: 'A cat & a dog',
      title: 'Cat & dog',
    });
    const xmp = xmpSidecar(rec);
    expect(xmp).toContain(
      '<dc:description>\n    <rdf:Alt>\n     <rdf:li xml:lang="x-default">a &lt;cat&gt; &amp; &quot;dog&quot; </rdf:li>',
    );
    expect(xmp).toContain('<iv:revisedPrompt>A cat &amp; a dog</iv:revisedPrompt>');
    expect(xmp).toContain(`<iv:sha256>${rec.sha256}</iv:sha256>`);
    expect(xmp).toContain('<iv:fileId>file_0001</iv:fileId>');
    expect(xmp).toContain('<iv:conversationUrl>https://chatgpt.com/c/c1</iv:conversationUrl>');
    expect(xmp).toContain('<xmp:CreateDate>2023-11-14T22:13:20.001Z</xmp:CreateDate>');
    expect(xmp).toMatch(/^<\?xpacket begin=/);
    expect(xmp).not.toContain('\u0001');
  });

  it('falls back to the revised prompt when the prompt is unknown', () => {
    expect(xmpSidecar(record(2, { prompt: '' }))).toContain('x-default">revised 2</rdf:li>');
  });

  it('escapes every XML special character', () => {
    expect(xmlEscape(`<a href='x'>&</a>`)).toBe('&lt;a href=&apos;x&apos;&gt;&amp;&lt;/a&gt;');
  });
});

describe('jsonSidecar', () => {
  it('is the manifest entry with the image file name', () => {
    const entry = JSON.parse(jsonSidecar(record(3), 'x_file_0003.png'));
    expect(entry).toMatchObject({
      id: 'file_0003',
      file: 'x_file_0003.png',
      prompt: 'prompt 3',
      revisedPrompt: 'revised 3',
    });
  });
});
