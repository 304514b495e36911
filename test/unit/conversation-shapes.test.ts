/**
 * Generations recognised by what they are (issue 8): the 2026 thinking-mode shape, unknown
 * tool names, and the bad inputs of the conversation JSON. Fixtures are sanitised, hand-written
 * from docs/chatgpt.md §Conversation JSON.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConversation } from '../../src/sites/chatgpt/conversation';
import { familyFromTool, isKnownImageTool } from '../../src/sites/chatgpt/image-tools';

const DIR = new URL('../fixtures/conversations/', import.meta.url);
interface Msg {
  recipient?: string;
  create_time: number | null;
  content: { parts: unknown[] };
}
type Json = { mapping: Record<string, { parent: string | null; children?: string[]; message: Msg | null }> };
const load = (name: string): Json => JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8'));

const TIGER = 'file_00000000c1e86230a8f47d3b95e2f0a1';
const CALL =
  'Retro 1980s synthwave poster of a tiger walking toward the viewer on a glowing magenta grid, neon pink and cyan rim light, a huge setting sun with horizontal stripes behind it, chrome title text reading "NEON TIGER"';
const CAPTION =
  'A synthwave poster: a tiger on a neon grid under a striped setting sun, with chrome "NEON TIGER" lettering.';
const RESULT = '8fa1405d-c627-4e91-9d34-5c902f7ea168';
const CALL_NODE = '7e903f4c-b516-4d80-8c23-4b8f1e6d9057';

describe('2026 thinking mode (image_gen.text2im)', () => {
  it('lists the bare sediment:// image with both prompts, across thoughts and recap', () => {
    const { images, warnings } = parseConversation(load('thinking-mode'));
    expect(warnings).toEqual([]);
    expect(images).toEqual([
      {
        fileId: TIGER,
        assetPointer: `sediment://${TIGER}`,
        messageId: RESULT,
        model: 'gpt-image',
        prompt: 'make a poster of a neon tiger, 80s synthwave style',
        // the commentary call's JSON prompt, not the caption beside the image
        revisedPrompt: CALL,
        genId: null,
        parentGenId: null,
        editOp: null,
        seed: null,
        width: 1024,
        height: 1536,
        sizeBytes: 2318842,
        genSize: null,
        title: null,
        // create_time is null on the result: the call's time stands in for it
        createdAt: 1764581409418,
        hidden: false,
      },
    ]);
  });

  it('falls back on the caption in parts[1] when the call is missing', () => {
    const json = load('thinking-mode');
    json.mapping[RESULT]!.parent = '6d8f2e3b-a405-4c7f-9b12-3a7e0d5c8f46';
    delete json.mapping[CALL_NODE];
    const { images, warnings } = parseConversation(json);
    expect(images.map((i) => [i.fileId, i.prompt, i.revisedPrompt])).toEqual([
      [TIGER, 'make a poster of a neon tiger, 80s synthwave style', CAPTION],
    ]);
    expect(warnings).toEqual([]);
  });

  it('ignores tool boilerplate as a caption and says the revised prompt is missing', () => {
    const json = load('thinking-mode');
    delete json.mapping[CALL_NODE]!.message!.recipient;
    json.mapping[RESULT]!.message!.content.parts[1] =
      'GPT-4o returned 1 images. From now on, do not say or show ANYTHING.';
    const { images, warnings } = parseConversation(json);
    expect(images.map((i) => [i.fileId, i.revisedPrompt])).toEqual([[TIGER, '']]);
    expect(warnings).toEqual([`no revised prompt found for image ${TIGER}`]);
  });
});

describe('generations recognised by their shape', () => {
  const turn = (result: Record<string, unknown>, recipient = 'x') => ({
    conversation_id: 'c1',
    mapping: {
      u: { parent: null, message: { author: { role: 'user' }, content: { parts: ['a kite'] } } },
      c: {
        parent: 'u',
        message: {
          author: { role: 'assistant' },
          recipient,
          content: { parts: ['{"prompt":"A red kite"}'] },
        },
      },
      r: { parent: 'c', message: { id: 'r', create_time: 1.5, ...result } },
    },
  });
  const part = (pointer: string, metadata?: object) => ({
    content_type: 'image_asset_pointer',
    asset_pointer: pointer,
    metadata,
  });

  it.each([
    ['ghostrider', 'sediment://file_00000000aa01', 'gpt-image'],
    ['ghostrider', 'file-service://file-Aa01Bb02', 'dalle3'],
    ['image_gen.edit', 'file-service://file-Aa01Bb02', 'gpt-image'],
    ['dalle.text2im', 'sediment://file_00000000aa01', 'dalle3'],
  ])('a %s result with %s is a %s generation, prompt from its call', (name, pointer, model) => {
    const json = turn(
      {
        author: { role: 'tool', name },
        content: { content_type: 'multimodal_text', parts: [part(pointer)] },
      },
      name,
    );
    const { images, warnings } = parseConversation(json);
    expect(images).toMatchObject([{ model, prompt: 'a kite', revisedPrompt: 'A red kite' }]);
    expect(warnings).toEqual([]);
  });

  it('an assistant-side image pointer is a generation; model unknown when nothing tells', () => {
    const json = turn({
      author: { role: 'assistant' },
      content: { parts: [part('blob-store://file_00000000aa02')] },
    });
    const { images, warnings } = parseConversation(json);
    expect(images).toMatchObject([{ fileId: 'file_00000000aa02', model: 'unknown', prompt: 'a kite' }]);
    expect(warnings).toEqual(['no revised prompt found for image file_00000000aa02']);
  });

  it('a 2023 call with a list of prompts gives each image of the answer its own', () => {
    const json = turn(
      {
        author: { role: 'tool', name: 'dalle.text2im' },
        content: { parts: [part('file-service://file-Aa01Bb02'), part('file-service://file-Cc03Dd04')] },
      },
      'dalle.text2im',
    );
    json.mapping.c.message.content.parts = ['{"prompts": ["A red kite", "A blue kite"]}'];
    expect(parseConversation(json).images.map((i) => i.revisedPrompt)).toEqual(['A red kite', 'A blue kite']);
  });

  it('knows image tools by name, and nothing else', () => {
    for (const name of [
      'dalle.text2im',
      't2uay3k.sj1i4kz',
      'image_gen.text2im',
      'image_gen.edit',
      'ghostrider',
    ])
      expect(isKnownImageTool(name), name).toBe(true);
    for (const name of ['python', 'web', 'constructor', '__proto__', 'image_genx', ''])
      expect(isKnownImageTool(name), name).toBe(false);
    expect(familyFromTool('ghostrider')).toBeNull();
    expect(familyFromTool('toString')).toBeNull();
  });

  it('Code Interpreter output is no generation, whatever its metadata', () => {
    for (const result of [
      {
        author: { role: 'tool', name: 'python' },
        content: { parts: [part('sediment://file_00000000aa03')] },
      },
      {
        author: { role: 'tool', name: 'python_user_visible' },
        content: { parts: [part('file-service://file-Cc03Dd04', { dalle: {} })] },
      },
      {
        author: { role: 'tool' },
        metadata: { aggregate_result: { messages: [] } },
        content: { parts: [part('sediment://file_00000000aa04')] },
      },
    ]) {
      expect(parseConversation(turn(result)).images).toEqual([]);
    }
  });
});

describe('bad conversation input: a clear warning, nothing lost', () => {
  it('an unknown tool name: the image is kept and the tool is named', () => {
    const { images, warnings } = parseConversation(load('unknown-tool'));
    expect(images).toMatchObject([
      {
        fileId: 'file_000000005a3c9e71d2b84f06e19c7a4b',
        model: 'gpt-image', // from metadata.generation
        prompt: 'isometric tiny bakery at night',
        revisedPrompt:
          'Isometric cutaway of a tiny bakery at night, warm window light, steam rising from a chimney, pastel palette',
        title: 'Tiny Bakery at Night',
        seed: 552103871,
      },
    ]);
    expect(warnings).toEqual([
      'ChatGPT made images with a tool Image Vault does not know ("k5v8n1p.q3zr7w"); kept them as generations',
    ]);
  });

  it('a null create_time everywhere in the turn: the image is kept, and the missing time is said', () => {
    const json = load('thinking-mode');
    for (const n of Object.values(json.mapping)) if (n.message) n.message.create_time = null;
    const { images, warnings } = parseConversation(json);
    expect(images.map((i) => [i.fileId, i.createdAt, i.revisedPrompt])).toEqual([[TIGER, null, CALL]]);
    expect(warnings).toEqual([
      `image ${TIGER} has no time in ChatGPT’s data; the time it is saved will be used`,
    ]);
  });

  it('nodes without children and messages without recipient read the same as complete ones', () => {
    const bare = load('thinking-mode');
    expect(Object.values(bare.mapping).some((n) => 'children' in n)).toBe(false);
    expect('recipient' in bare.mapping[RESULT]!.message!).toBe(false);
    // The same conversation with every children list and recipient filled in.
    const full = load('thinking-mode');
    for (const [id, n] of Object.entries(full.mapping)) {
      n.children = Object.entries(full.mapping)
        .filter(([, c]) => c.parent === id)
        .map(([cid]) => cid);
      if (n.message) n.message.recipient ??= 'all';
    }
    const a = parseConversation(bare);
    expect(a.images).toHaveLength(1);
    expect(a).toEqual(parseConversation(full));
  });

  it('a call without recipient: the image is kept with its caption as the revised prompt', () => {
    const json = load('thinking-mode');
    delete json.mapping[CALL_NODE]!.message!.recipient;
    const { images, warnings } = parseConversation(json);
    expect(images.map((i) => [i.fileId, i.prompt, i.revisedPrompt])).toEqual([
      [TIGER, 'make a poster of a neon tiger, 80s synthwave style', CAPTION],
    ]);
    expect(warnings).toEqual([]);
  });
});
