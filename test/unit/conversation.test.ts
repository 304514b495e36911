/**
 * The conversation parser against one fixture per shape of docs/chatgpt.md §Conversation JSON.
 * The fixtures (test/fixtures/conversations) were written by hand from that guide, not captured.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileIdFromPointer, findImage, parseConversation } from '../../src/sites/chatgpt/conversation';

const DIR = new URL('../fixtures/conversations/', import.meta.url);
const load = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8'));
const parse = (name: string) => parseConversation(load(name));

describe('DALL·E 3', () => {
  it('reads the code-content tool call and takes the revised prompt from dalle.prompt', () => {
    const { info, images, warnings } = parse('dalle3-code');
    expect(warnings).toEqual([]);
    expect(info).toEqual({
      conversationId: '2b91f1ab-6681-4f09-bbd9-48198b67d576',
      title: 'Treehouse Reading Nook',
      createTime: 1707815511119,
    });
    expect(images).toHaveLength(2);
    expect(images[0]).toEqual({
      fileId: 'file-ZnRyxInT0FWkxBz4qa3AmvXq',
      assetPointer: 'file-service://file-ZnRyxInT0FWkxBz4qa3AmvXq',
      messageId: 'bb4f68d6-8782-4545-a6b0-d5b59af2dae2',
      model: 'dalle3',
      prompt: 'a cozy reading nook in a treehouse, rainy afternoon',
      // dalle.prompt, not the (different) prompt of the tool call
      revisedPrompt:
        'Wide interior view of a cozy reading nook built inside a wooden treehouse on a rainy afternoon. Plump cushions and knitted blankets fill a window seat, shelves overflow with books, raindrops streak the round windows, and a brass lamp casts warm amber light.',
      genId: 'IhqIYwGXKd1cDQxE',
      parentGenId: null,
      editOp: null,
      seed: 4286421595,
      width: 1792,
      height: 1024,
      sizeBytes: 295596,
      genSize: null,
      title: null,
      createdAt: 1707815533819,
      hidden: false,
    });
  });

  it('links a selection edit to the image it was made from', () => {
    const edit = parse('dalle3-code').images[1]!;
    expect(edit.prompt).toBe('make the blanket on the window seat bright orange');
    expect(edit.genId).toBe('mP0cZ3vKq8RwT1yN');
    expect(edit.parentGenId).toBe('IhqIYwGXKd1cDQxE');
    expect(edit.editOp).toBe('inpainting');
    expect(edit.seed).toBe(1917253840);
  });

  it('reads the 2023 shape: JSON in parts[0], several images per message, no model_slug', () => {
    const { images, warnings } = parse('dalle3-text-parts');
    expect(warnings).toEqual([]);
    expect(images.map((i) => [i.fileId, i.genId, i.seed])).toEqual([
      ['file-yL5FiuS4V0qOUDEOBgrVkKNz', 'Vb7XtQ2nLc9RkE4s', 3052138472],
      ['file-H5AdUEaJLkHgDyTbqk3YOajA', 'Hd3JwY8pFz1UqA6m', 1206627891],
    ]);
    expect(
      images.every((i) => i.prompt === 'lighthouse in a storm, two versions: photo and illustration'),
    ).toBe(true);
    expect(images[1]!.revisedPrompt).toBe(
      'Illustration of a lighthouse battered by a storm, drawn with bold ink lines in a teal and orange palette, stylised swirling clouds and waves.',
    );
    expect(images[1]!.messageId).toBe(images[0]!.messageId);
  });

  it('falls back on the tool call when dalle.prompt is empty (custom GPT)', () => {
    const [img] = parse('custom-gpt').images;
    expect(img?.model).toBe('dalle3');
    expect(img?.prompt).toBe('pixel art castle on a floating island');
    expect(img?.revisedPrompt).toBe(
      '16-bit pixel art of a stone castle on a floating island with waterfalls spilling into the clouds, bright palette',
    );
  });

  it('reads the older tether_browsing_display shape with Markdown CDN links', () => {
    const { images, warnings } = parse('tether-browsing');
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({
      fileId: 'file-WHQbvHJwQBRrWAXsONZaibaA',
      assetPointer: 'file-service://file-WHQbvHJwQBRrWAXsONZaibaA',
      messageId: 'e34bcfd8-d7d7-4c0f-9aec-53cdd4d752d1',
      model: 'dalle3',
      prompt: 'Draw a cat astronaut floating above the Moon',
      revisedPrompt:
        'A ginger cat in a white spacesuit floating weightlessly above the grey cratered Moon, Earth rising in the background, digital art',
      createdAt: 1698230023420,
    });
    // The blob link has no file id; the link repeated in a later turn is no generation.
    expect(warnings).toEqual(['an older DALL·E image link has no file id; skipped it']);
    expect(findImage({ images }, 'file-YtNLlDi0lmfq2FPQrvUNev1d')).toBeUndefined();
  });
});

describe('GPT-4o / gpt-image', () => {
  it('takes the revised prompt from the tool call and the rest from metadata.generation', () => {
    const { images, warnings } = parse('gpt-image-single');
    expect(warnings).toEqual([]);
    expect(images).toEqual([
      {
        fileId: 'file_00000000dedb061ffadb15b9a398142e',
        assetPointer: 'sediment://file_00000000dedb061ffadb15b9a398142e',
        messageId: 'ddf30b76-ffdd-4aaa-a9b9-72f0483655dc',
        model: 'gpt-image',
        prompt: 'make a watercolor of a lighthouse at dusk',
        revisedPrompt:
          'A soft watercolor painting of a lone lighthouse on a rocky shore at dusk, violet and peach sky, gentle waves, visible paper texture and loose brush strokes',
        genId: '4f8a2c1e-93b7-4d0a-8e65-2b7c9d1f0a34',
        parentGenId: null,
        editOp: null,
        seed: 1083376223,
        width: 1536,
        height: 1024,
        sizeBytes: 3651278,
        genSize: 'xlimage',
        title: 'Lighthouse at Dusk Watercolor',
        createdAt: 1743412928535,
        hidden: false,
      },
    ]);
  });

  it('lists every image of a turn: several result messages and several parts', () => {
    const { images, warnings } = parse('gpt-image-multi');
    expect(warnings).toEqual([]);
    expect(images.map((i) => [i.fileId, i.prompt, i.title, i.seed])).toEqual([
      [
        'file_0000000078b5aff5e6a4b3f972694129',
        'two logo options for a bakery called Crumb & Co',
        'Crumb & Co Logo',
        733910482,
      ],
      [
        'file_00000000f070260568adae76ebfbdb5a',
        'two logo options for a bakery called Crumb & Co',
        'Crumb & Co Logo',
        2931840077,
      ],
      [
        'file_000000004e7d7f2663287798caa39b1e',
        'now two round sticker versions',
        'Crumb & Co Stickers',
        409217783,
      ],
      [
        'file_000000001986a825e21850639765d47d',
        'now two round sticker versions',
        'Crumb & Co Stickers',
        3600012945,
      ],
    ]);
    // The second result message sits under the first: the same call still applies.
    expect(images[1]!.revisedPrompt).toBe(
      'Minimal flat logo for a bakery named "Crumb & Co": a stylised croissant above hand-lettered wordmark, warm brown and cream, white background',
    );
    expect(images[3]!.revisedPrompt).toBe(
      'Round die-cut sticker of the Crumb & Co bakery logo, thick white border, subtle drop shadow',
    );
  });

  it('follows an edit chain through parent_gen_id / edit_op', () => {
    const { images } = parse('edit-lineage');
    expect(images.map((i) => [i.prompt, i.genId, i.parentGenId, i.editOp])).toEqual([
      ['a log cabin in the mountains at sunrise', '6e0f1a2b-7c3d-4e5f-8a9b-0c1d2e3f4a5b', null, null],
      [
        'make the sky pink',
        '7f1a2b3c-8d4e-4f6a-9b0c-1d2e3f4a5b6c',
        '6e0f1a2b-7c3d-4e5f-8a9b-0c1d2e3f4a5b',
        'inpainting',
      ],
      [
        'now as a pencil sketch',
        '8a2b3c4d-9e5f-4a7b-8c1d-2e3f4a5b6c7d',
        '7f1a2b3c-8d4e-4f6a-9b0c-1d2e3f4a5b6c',
        'transformation',
      ],
    ]);
    // Calls with referenced_image_ids / reference_image_paths still give their prompt.
    expect(images[1]!.revisedPrompt).toBe('Same cabin and mountains, the sunrise sky now a soft pink');
    expect(images[2]!.revisedPrompt).toBe(
      'Pencil sketch of the same cabin scene under a pink sky, graphite shading',
    );
  });

  it('recognises a result by its metadata when the tool has no name (project chat)', () => {
    const { images, warnings } = parse('project');
    expect(warnings).toEqual([]);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({
      fileId: 'file_00000000d6050c006eb178e474cc7ec2',
      model: 'gpt-image',
      // not the hidden custom-instructions user message above it
      prompt: 'design a label for strawberry jam, hand-drawn look',
      revisedPrompt:
        'Hand-drawn label for a jar of strawberry jam: ripe strawberries and leaves around curly lettering reading "Strawberry Jam", cream background, ink and watercolor',
      genSize: 'image',
      seed: 90210,
    });
  });

  it('skips in-progress messages but keeps a finished one that still carries image_gen_async', () => {
    const { images, warnings } = parse('in-progress');
    expect(warnings).toEqual([]);
    expect(images.map((i) => i.fileId)).toEqual(['file_00000000d0d5b854b5ce4e120147dbbf']);
    expect(findImage({ images }, 'file_000000000799c426453fb0e8a18afd7d')).toBeUndefined();
  });

  it('keeps one entry per file id, the visible copy, when a hidden duplicate exists', () => {
    const { images } = parse('hidden-duplicate');
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({
      fileId: 'file_00000000657ad903754b5e40af90eb1d',
      messageId: '8e8c2de9-bf7e-4de4-9511-694e17a20301',
      hidden: false,
      title: 'Fox Travel Poster',
      createdAt: 1752400163600,
    });
  });

  it('still returns an image whose only copy is hidden, marked hidden', () => {
    const json = load('hidden-duplicate');
    const mapping = json.mapping as Record<string, unknown>;
    delete mapping['8e8c2de9-bf7e-4de4-9511-694e17a20301'];
    const { images } = parseConversation(json);
    expect(images.map((i) => [i.messageId, i.hidden])).toEqual([
      ['be0de52f-3a04-4ccd-8d2f-ca4855e059a5', true],
    ]);
  });

  it('warns when no tool call gives a gpt-image result its revised prompt', () => {
    const json = load('gpt-image-single');
    const mapping = json.mapping as Record<string, { parent: string | null }>;
    // Re-hang the result directly under the user message, as if the call were lost.
    mapping['ddf30b76-ffdd-4aaa-a9b9-72f0483655dc']!.parent = 'aaa2b572-39ae-44fa-ba27-b3f3a2dfbf39';
    const { images, warnings } = parseConversation(json);
    expect(images[0]!.revisedPrompt).toBe('');
    expect(images[0]!.prompt).toBe('make a watercolor of a lighthouse at dusk');
    expect(warnings).toEqual(['no revised prompt found for image file_00000000dedb061ffadb15b9a398142e']);
  });
});

describe('minimal shapes', () => {
  it('reads a bare-bones gpt-image turn (no names, no content_type on the part)', () => {
    const { images, warnings } = parseConversation({
      conversation_id: 'c1',
      mapping: {
        u: { parent: null, message: { author: { role: 'user' }, content: { parts: ['a blue cat icon'] } } },
        t: {
          parent: 'u',
          message: {
            id: 't',
            author: { role: 'tool' },
            create_time: 1700000000.25,
            metadata: { async_task_type: 'image_gen', image_gen_title: 'Blue Cat Icon' },
            content: {
              content_type: 'multimodal_text',
              parts: [{ asset_pointer: 'sediment://file_00000000abcd' }],
            },
          },
        },
      },
    });
    expect(images).toMatchObject([
      {
        fileId: 'file_00000000abcd',
        model: 'gpt-image',
        prompt: 'a blue cat icon',
        revisedPrompt: '',
        title: 'Blue Cat Icon',
        createdAt: 1700000000250,
      },
    ]);
    expect(warnings).toEqual(['no revised prompt found for image file_00000000abcd']);
  });
});

describe('messages that are not generations', () => {
  it('ignores system_error tool messages', () => {
    expect(parse('system-error')).toMatchObject({ images: [], warnings: [] });
  });

  it('ignores Code Interpreter charts (execution_output and python image parts)', () => {
    expect(parse('code-interpreter-chart')).toMatchObject({ images: [], warnings: [] });
  });

  it('ignores user uploads and skips their pointer when joining the prompt', () => {
    const { images, uploads, warnings } = parse('user-upload');
    expect(warnings).toEqual([]);
    expect(uploads).toContain('file-4iSPWMm438KecbYAjbn6kqF0');
    expect(images.map((i) => i.fileId)).toEqual(['file_00000000b855bffb1c1c4c76a580d248']);
    expect(findImage({ images }, 'file-4iSPWMm438KecbYAjbn6kqF0')).toBeUndefined();
    expect(images[0]!.prompt).toBe('turn this photo of my dog into a Studio Ghibli style illustration');
  });
});

describe('tree walking', () => {
  const expected = [
    [
      'file_00000000e5aba8a7965dad79b5a071b0',
      'draw a red fox in the snow',
      'A red fox standing in deep fresh snow, winter forest, soft morning light',
    ],
    [
      'file_00000000f65b407f0eab1cbade4ec352',
      'draw a grey wolf in the snow',
      'A grey wolf walking through deep snow at dusk, blue hour light',
    ],
    [
      'file_00000000e65fcba3bb15e4a240a32936',
      'draw a grey wolf in the snow',
      'Close-up portrait of a grey wolf with frost on its fur, falling snow, shallow depth of field',
    ],
  ];

  it('follows parent links, not mapping order, across edited and regenerated branches', () => {
    const { images, warnings } = parse('branches');
    expect(warnings).toEqual([]);
    expect(images.map((i) => [i.fileId, i.prompt, i.revisedPrompt])).toEqual(expected);
  });

  it('gives the same answer whatever the mapping order', () => {
    const json = load('branches');
    json.mapping = Object.fromEntries(Object.entries(json.mapping as object).reverse());
    expect(parseConversation(json).images.map((i) => [i.fileId, i.prompt, i.revisedPrompt])).toEqual(
      expected,
    );
  });
});

describe('malformed input', () => {
  it.each([
    [null, 'conversation JSON is not an object'],
    [42, 'conversation JSON is not an object'],
    ['{"mapping":{}}', 'conversation JSON is not an object'],
    [[{ mapping: {} }], 'conversation JSON is not an object'],
    [{ conversation_id: 'c1' }, 'conversation JSON has no mapping'],
    [{ conversation_id: 'c1', mapping: [] }, 'conversation JSON has no mapping'],
    [{ conversation_id: 'c1', mapping: null }, 'conversation JSON has no mapping'],
  ])('does not throw on %j', (input, warning) => {
    const r = parseConversation(input);
    expect(r.images).toEqual([]);
    expect(r.warnings).toContain(warning);
  });

  it('reads an empty conversation without complaint except the missing id', () => {
    expect(parseConversation({ mapping: {} })).toEqual({
      info: { conversationId: '', title: '', createTime: null },
      images: [],
      uploads: [],
      warnings: ['conversation JSON has no conversation id'],
    });
  });

  it('accepts the ISO create_time of the conversation list', () => {
    const r = parseConversation({ id: 'c1', title: 'T', create_time: '2025-03-15T12:00:00Z', mapping: {} });
    expect(r.info).toEqual({ conversationId: 'c1', title: 'T', createTime: Date.UTC(2025, 2, 15, 12) });
  });

  it('keeps what parses from a conversation full of wrong types, with plain-words warnings', () => {
    const { info, images, warnings } = parse('malformed');
    expect(info).toEqual({
      conversationId: 'fa424bfa-4098-4981-b15b-d1677078de1e',
      title: '',
      createTime: null,
    });
    expect(images.map((i) => i.fileId)).toEqual([
      'file_00000000dead37c1c5830fe7533d2abd',
      'file_0000000053b61e3dea85a34bc96e1e0b',
      'file_00000000e4b24ea142edb5cb6babccb4',
    ]);
    expect(images[0]).toMatchObject({
      // string parts only; null and 5 are skipped
      prompt: 'a red fox asleep in the snow',
      // read out of a truncated tool-call JSON
      revisedPrompt: 'A red fox curled up asleep in fresh snow, "cosy" mood',
      width: null, // "1024" is a string
      height: 1024,
      genId: null, // 5 is a number
      seed: null,
      createdAt: 1750000040500,
    });
    expect(images[1]).toMatchObject({ messageId: 'n-orphan', prompt: '', revisedPrompt: '' });
    expect(images[2]).toMatchObject({ messageId: 'n-loop', genId: 'g-loop', seed: 7 });
    expect(warnings).toEqual(
      expect.arrayContaining([
        'some message nodes are not objects; skipped them',
        'some messages have parts that are not a list; skipped them',
        'an image has an asset pointer that could not be read; skipped it',
        'the message tree has a loop; stopped following it',
      ]),
    );
  });

  it('never throws when any value of any fixture is replaced by junk', () => {
    const junk: unknown[] = [null, 0, -1, '', 'x', [], {}, [null], { parts: 1 }, true, Number.NaN];
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    for (const f of files) {
      for (let round = 0; round < 40; round++) {
        const json = JSON.parse(readFileSync(new URL(f, DIR), 'utf8'));
        // Walk to a random object and replace one of its values.
        let node: Record<string, unknown> = json;
        for (let depth = 0; depth < 8; depth++) {
          const keys = Object.keys(node);
          if (keys.length === 0) break;
          const key = keys[rand(keys.length)]!;
          const next = node[key];
          if (depth > 1 && (rand(3) === 0 || typeof next !== 'object' || next === null)) {
            node[key] = junk[rand(junk.length)];
            break;
          }
          if (typeof next !== 'object' || next === null) break;
          node = next as Record<string, unknown>;
        }
        expect(() => parseConversation(json)).not.toThrow();
      }
    }
  });
});

describe('fileIdFromPointer', () => {
  it.each([
    ['file-service://file-3lZoX8eYhN2pQwR5tV7uB9cD', 'file-3lZoX8eYhN2pQwR5tV7uB9cD'],
    ['sediment://file_00000000f6f0722fa9513c532f51a56c', 'file_00000000f6f0722fa9513c532f51a56c'],
    // share pages append the share id
    ['sediment://file_00ab?shared_conversation_id=abc', 'file_00ab'],
    ['  sediment://file_00ab  ', 'file_00ab'],
    ['file-3lZo', null],
    ['sediment://', null],
    ['https://example.com/file-abc', null],
    ['https://file-abc', null],
    ['', null],
  ])('%s → %s', (pointer, id) => {
    expect(fileIdFromPointer(pointer)).toBe(id);
  });
});
