/**
 * A simulated conversation: a scenario builder that keeps the conversation JSON
 * (docs/chatgpt.md §Conversation JSON) and the rendered turns (§Live DOM) consistent,
 * because both are derived from the same list of nodes.
 */
import type { FileStore, SimFile } from './files';
import type { Ids } from './ids';
import type { RenderFrame, RenderTile, RenderTurn } from './render-model';

export type ConversationKind = 'plain' | 'gpt' | 'project';
export type ModelFamily = 'dalle3' | 'gpt-image';

export interface ConversationOptions {
  title?: string;
  kind?: ConversationKind;
  /** Alt-text language of generated tiles: 'en' "Generated image: …", 'zh' "已生成图片: …". */
  locale?: 'en' | 'zh';
  /** Lazy rendering: only the last N turns are in the DOM until `__sim.showAllTurns()`. */
  lazyTurns?: number;
  /** Conversation create time, epoch seconds (default: now − 1 h). */
  createTime?: number;
  /** Emit `mapping` keys in reverse order, so parsers must follow `parent` links. */
  reverseMapping?: boolean;
}

/** One generated image, as the scenario defined it: what the extension should end up storing. */
export interface SimImage {
  fileId: string;
  /** `file-service://file-…` or `sediment://file_…` */
  assetPointer: string;
  model: ModelFamily;
  conversationId: string;
  /** Node id of the tool message holding the image. */
  messageId: string;
  /** The user's own prompt (nearest preceding user message). */
  prompt: string;
  revisedPrompt: string;
  title: string | null;
  genId: string;
  parentGenId: string | null;
  editOp: string | null;
  seed: number | null;
  genSize: string | null;
  width: number;
  height: number;
  mimeType: string;
  /** File ids of progressive partial frames (gpt-image, `progressive`). Not generations. */
  partials: string[];
  /** Set when the JSON does not list the image as generated (see ImageOptions.inJson). */
  inJson?: 'missing' | 'upload';
}

export interface ImageOptions {
  revisedPrompt: string;
  n?: number;
  width?: number;
  height?: number;
  seed?: number;
  /** The image this one is an edit of (sets parent_gen_id, edit_op). Alias: `parentOf`. */
  editOf?: SimImage | string;
  parentOf?: SimImage | string;
  editOp?: string;
  /** PNG only: noisy pixels, ~1.5–3 MB at 1024² (default: small, fast). */
  realistic?: boolean;
  /**
   * The page renders the tiles as generated, but the JSON does not list them so: 'missing'
   * leaves them out of the tool message (a shape the parser does not know yet), 'upload' lists
   * them as attachments of the preceding user message instead.
   */
  inJson?: 'missing' | 'upload';
}

export interface DalleOptions extends ImageOptions {
  /** e.g. "1024x1024", "1792x1024"; sets width/height. */
  size?: string;
}

export interface GptImageOptions extends ImageOptions {
  title: string;
  /** Progressive partial frames, stacked under the final `<img>` (default 0; 2 when `progressive: true`). */
  progressive?: boolean | number;
  genSize?: 'xlimage' | 'image' | 'smimage';
  /** Skip the assistant's follow-up text message after the tool message. */
  noFollowUp?: boolean;
  /**
   * The 2026 "thinking" shape (docs/chatgpt.md §Conversation JSON): thought and recap messages
   * after the user's, the call on channel "commentary" to `image_gen.text2im` with its JSON as
   * text in parts[0], a result with `create_time: null`, a bare `sediment://` pointer without
   * dalle/generation metadata and this caption in parts[1]. The JSON then carries no title,
   * gen id or size class: the SimImage says so (title and genSize null).
   */
  thinking?: { caption: string };
  /**
   * How the page shows the final frame (default: its estuary URL). 'blob': the page fetches
   * it itself and shows a `blob:` URL, naming the file only in `data-file-id`. 'composite':
   * an estuary URL whose `id=` is `{hash}#file_…#thumbnail`, which serves a 256-px preview
   * (`sim.files.thumbnail`), not the original. docs/chatgpt.md §Live DOM.
   */
  finalSrc?: 'blob' | 'composite';
}

type Json = Record<string, unknown>;

interface SimNode {
  id: string;
  parent: string | null;
  /** Visible in the JSON only once it returns true (live generation). */
  visible: () => boolean;
  message: (() => Json) | null;
}

interface TurnDef {
  key: string;
  role: 'user' | 'assistant';
  build: () => RenderTurn;
}

/** Handle of an image turn added "live": in progress until `finish()`. */
export interface LiveImageTurn {
  turnKey: string;
  images: SimImage[];
  /** One list of partial-frame files per image. */
  partialFiles: SimFile[][];
  finish(): void;
  isFinished(): boolean;
  finalTiles(): RenderTile[];
}

const PROCESSING =
  'Processing image\n\nLots of people are creating images right now, so this might take a bit.';

export class SimConversation {
  readonly id: string;
  readonly kind: ConversationKind;
  readonly title: string;
  readonly path: string;
  readonly gizmoId: string | null;
  readonly locale: 'en' | 'zh';
  readonly lazyTurns: number | null;
  readonly createTime: number;
  readonly reverseMapping: boolean;
  /** Every generated image, in order. */
  readonly images: SimImage[] = [];
  /** User uploads (not generations). */
  readonly uploads: SimFile[] = [];
  /** Search thumbnails (not generations). */
  readonly searchThumbs: SimFile[] = [];
  gizmoIcon: SimFile | null = null;
  private readonly nodes: SimNode[] = [];
  private readonly turns: TurnDef[] = [];
  private clock: number;
  private lastUserText = '';
  private lastUserNode: SimNode | null = null;
  private lastUserTurn: { uploads: SimFile[]; jsonUploads: SimFile[] } | null = null;

  constructor(
    private readonly ids: Ids,
    private readonly files: FileStore,
    opts: ConversationOptions,
  ) {
    this.id = ids.uuid();
    this.kind = opts.kind ?? 'plain';
    this.title = opts.title ?? 'New chat';
    this.locale = opts.locale ?? 'en';
    this.lazyTurns = opts.lazyTurns ?? null;
    this.reverseMapping = opts.reverseMapping ?? false;
    this.createTime = opts.createTime ?? Date.now() / 1000 - 3600;
    this.clock = this.createTime;
    if (this.kind === 'gpt') {
      this.gizmoId = `g-${ids.base62(9)}`;
      this.path = `/g/${this.gizmoId}-sim-helper/c/${this.id}`;
      this.gizmoIcon = files.add({
        fileId: ids.dalleFileId(),
        kind: 'icon',
        host: 'cdn',
        mimeType: 'image/png',
        width: 256,
        height: 256,
        realistic: false,
        conversationId: null,
      });
    } else if (this.kind === 'project') {
      this.gizmoId = `g-p-${ids.hex(32)}`;
      this.path = `/g/${this.gizmoId}-sim-project/c/${this.id}`;
    } else {
      this.gizmoId = null;
      this.path = `/c/${this.id}`;
    }
    this.addNode(null, () => true); // client-created-root
    this.addNode(
      () =>
        this.message('system', null, { content_type: 'text', parts: [''] }, this.createTime, {
          is_visually_hidden_from_conversation: true,
        }),
      () => true,
    );
  }

  /** The last update time, epoch seconds. */
  get updateTime(): number {
    return this.clock;
  }

  private tick(): number {
    this.clock += 5 + Math.random();
    return this.clock;
  }

  private addNode(message: (() => Json) | null, visible: () => boolean, id = this.ids.uuid()): SimNode {
    const parent = this.nodes.length ? this.nodes[this.nodes.length - 1]!.id : null;
    const node: SimNode = { id: this.nodes.length ? id : 'client-created-root', parent, visible, message };
    this.nodes.push(node);
    return node;
  }

  private message(
    role: string,
    name: string | null,
    content: Json,
    time: number | null,
    metadata: Json = {},
    extra: Json = {},
  ): Json {
    return {
      author: { role, name, metadata: {} },
      create_time: time,
      update_time: null,
      content,
      status: 'finished_successfully',
      end_turn: role === 'assistant' ? true : null,
      weight: 1,
      metadata,
      recipient: 'all',
      channel: null,
      ...extra,
    };
  }

  /** A user turn. */
  user(text: string): this {
    const time = this.tick();
    const uploads: SimFile[] = [];
    // Listed as uploads in the JSON only (ImageOptions.inJson 'upload'); rendered as generated.
    const jsonUploads: SimFile[] = [];
    this.lastUserText = text;
    const node = this.addNode(
      () => {
        const listed = [...uploads, ...jsonUploads];
        const parts: unknown[] = listed.map((f) => this.pointerPart(f, `sediment://${f.fileId}`, {}));
        const content =
          listed.length > 0
            ? { content_type: 'multimodal_text', parts: [...parts, text] }
            : { content_type: 'text', parts: [text] };
        const attachments = listed.map((f) => ({
          id: f.fileId,
          size: this.files.body(f).length,
          name: f.fileName,
          mime_type: f.mimeType,
          width: f.width,
          height: f.height,
        }));
        return this.message('user', null, content, time, listed.length ? { attachments } : {});
      },
      () => true,
    );
    this.lastUserNode = node;
    this.lastUserTurn = { uploads, jsonUploads };
    const turnRef = this.lastUserTurn;
    this.turns.push({
      key: node.id,
      role: 'user',
      build: () => ({
        ...this.emptyTurn(node.id, 'user', node.id, text),
        uploads: turnRef.uploads.map((f) => ({
          src: this.files.url(f),
          alt: 'Uploaded image',
          width: f.width,
          height: f.height,
        })),
      }),
    });
    return this;
  }

  /** A user-uploaded image in the latest user turn (a new user turn if the last node isn't one). */
  upload(opts: { width?: number; height?: number } = {}): this {
    if (!this.lastUserTurn || this.nodes[this.nodes.length - 1] !== this.lastUserNode) this.user('');
    const file = this.files.add({
      fileId: this.ids.sedimentFileId(),
      kind: 'upload',
      host: 'estuary',
      mimeType: 'image/png',
      width: opts.width ?? 800,
      height: opts.height ?? 600,
      realistic: false,
      conversationId: this.id,
    });
    this.lastUserTurn!.uploads.push(file);
    this.uploads.push(file);
    return this;
  }

  /** A plain assistant text turn. */
  assistant(text: string): this {
    const time = this.tick();
    const node = this.addNode(
      () => this.message('assistant', null, { content_type: 'text', parts: [text] }, time),
      () => true,
    );
    this.turns.push({
      key: node.id,
      role: 'assistant',
      build: () => this.emptyTurn(node.id, 'assistant', node.id, text),
    });
    return this;
  }

  /** An assistant turn with web-search thumbnails (`group/search-image`): not generations. */
  searchThumbnails(n = 3): this {
    const time = this.tick();
    const thumbs = Array.from({ length: n }, () =>
      this.files.add({
        fileId: this.ids.sedimentFileId(),
        kind: 'search',
        host: 'estuary',
        mimeType: 'image/png',
        width: 320,
        height: 180,
        realistic: false,
        conversationId: this.id,
      }),
    );
    this.searchThumbs.push(...thumbs);
    const text = 'Here are a few results from the web.';
    const node = this.addNode(
      () =>
        this.message('assistant', null, { content_type: 'text', parts: [text] }, time, {
          search_result_groups: thumbs.map((_, i) => ({
            type: 'search_result_group',
            domain: `example${i}.com`,
          })),
        }),
      () => true,
    );
    this.turns.push({
      key: node.id,
      role: 'assistant',
      build: () => ({
        ...this.emptyTurn(node.id, 'assistant', node.id, text),
        search: thumbs.map((f, i) => ({
          src: this.files.url(f),
          title: `Result ${i + 1}`,
          width: f.width,
          height: f.height,
        })),
      }),
    });
    return this;
  }

  /** A failed generation: `system_error` tool message, "Image generation failed" + "Try again". */
  failedImage(reason = 'Image generation failed'): this {
    const time = this.tick();
    this.addNode(
      () =>
        this.message(
          'assistant',
          null,
          { content_type: 'code', language: 'json', text: '{"prompt":"x"}' },
          time,
          {},
          {
            recipient: 't2uay3k.sj1i4kz',
          },
        ),
      () => true,
    );
    const node = this.addNode(
      () =>
        this.message(
          'tool',
          't2uay3k.sj1i4kz',
          { content_type: 'system_error', name: 'ImageGenError', text: reason },
          time + 1,
        ),
      () => true,
    );
    this.turns.push({
      key: node.id,
      role: 'assistant',
      build: () => ({ ...this.emptyTurn(node.id, 'assistant', node.id, reason), failed: true }),
    });
    return this;
  }

  /** A DALL·E 3 generation: `dalle.text2im` call + tool result with `file-service://` pointers (WebP on the CDN). */
  dalle(opts: DalleOptions): this {
    this.imageTurn('dalle3', opts, false);
    return this;
  }

  /** A GPT-4o / gpt-image generation: `t2uay3k.sj1i4kz` call + tool result with `sediment://` pointers (PNG on estuary). */
  gptImage(opts: GptImageOptions): this {
    this.imageTurn('gpt-image', opts, false);
    return this;
  }

  /**
   * A second copy of the last image message, flagged `is_visually_hidden_from_conversation`
   * (docs/chatgpt.md §Conversation JSON): JSON only, not rendered.
   */
  hiddenDuplicate(): this {
    const src = [...this.nodes].reverse().find((n) => n.message && this.isImageTool(n));
    if (!src?.message) throw new Error('hiddenDuplicate: no image message yet');
    const orig = src.message;
    this.addNode(() => {
      const m = orig();
      return { ...m, metadata: { ...(m.metadata as Json), is_visually_hidden_from_conversation: true } };
    }, src.visible);
    return this;
  }

  private readonly imageTools = new Set<SimNode>();
  private isImageTool(n: SimNode): boolean {
    return this.imageTools.has(n);
  }

  /** Adds an image turn; with `live`, it stays in progress until the handle's `finish()`. */
  imageTurn(model: ModelFamily, opts: DalleOptions & Partial<GptImageOptions>, live: boolean): LiveImageTurn {
    let finished = !live;
    const gpt = model === 'gpt-image';
    const [w, h] = opts.size
      ? opts.size.split('x').map(Number)
      : [opts.width ?? (gpt ? 1024 : 1024), opts.height ?? 1024];
    const width = w ?? 1024;
    const height = h ?? 1024;
    const n = opts.n ?? 1;
    const parent = opts.editOf ?? opts.parentOf;
    const parentGenId = parent === undefined ? null : typeof parent === 'string' ? parent : parent.genId;
    const editOp = opts.editOp ?? (parentGenId ? 'inpainting' : null);
    const partialCount =
      opts.progressive === true ? 2 : typeof opts.progressive === 'number' ? opts.progressive : 0;
    const thinking = gpt ? (opts.thinking ?? null) : null;
    if (thinking) this.thoughts();
    const callTime = this.tick();
    const toolTime = this.tick();
    const size = `${width}x${height}`;
    const callText = gpt
      ? JSON.stringify({
          prompt: opts.revisedPrompt,
          size,
          n,
          ...(parent && typeof parent !== 'string' ? { referenced_image_ids: [parent.fileId] } : {}),
        })
      : JSON.stringify({ size, prompt: opts.revisedPrompt });
    const recipient = thinking ? 'image_gen.text2im' : gpt ? 't2uay3k.sj1i4kz' : 'dalle.text2im';
    this.addNode(
      () =>
        this.message(
          'assistant',
          null,
          thinking
            ? { content_type: 'text', parts: [JSON.stringify({ prompt: opts.revisedPrompt, size })] }
            : { content_type: 'code', language: 'json', text: callText },
          callTime,
          {},
          {
            recipient,
            end_turn: false,
            ...(thinking ? { channel: 'commentary' } : {}),
          },
        ),
      () => true,
    );
    const toolNodeId = this.ids.uuid();
    const files: SimFile[] = [];
    const partialFiles: SimFile[][] = [];
    const images: SimImage[] = [];
    for (let i = 0; i < n; i++) {
      const file = this.files.add({
        fileId: gpt ? this.ids.sedimentFileId() : this.ids.dalleFileId(),
        kind: 'generated',
        host: gpt ? 'estuary' : 'cdn',
        mimeType: gpt ? 'image/png' : 'image/webp',
        width,
        height,
        realistic: opts.realistic ?? false,
        conversationId: this.id,
      });
      files.push(file);
      partialFiles.push(
        Array.from({ length: partialCount }, () =>
          this.files.add({
            fileId: this.ids.sedimentFileId(),
            kind: 'partial',
            host: 'estuary',
            mimeType: 'image/png',
            width,
            height,
            realistic: false,
            conversationId: this.id,
          }),
        ),
      );
      images.push({
        fileId: file.fileId,
        assetPointer: gpt ? `sediment://${file.fileId}` : `file-service://${file.fileId}`,
        model,
        conversationId: this.id,
        messageId: toolNodeId,
        prompt: this.lastUserText,
        revisedPrompt: opts.revisedPrompt,
        title: gpt && !thinking ? (opts.title ?? null) : null,
        genId: this.ids.genId(),
        parentGenId,
        editOp,
        seed: gpt ? null : (opts.seed ?? 1_000_000_000 + this.ids.int(3_000_000_000)) + i,
        genSize: gpt && !thinking ? (opts.genSize ?? 'xlimage') : null,
        width,
        height,
        mimeType: file.mimeType,
        partials: partialFiles[i]!.map((f) => f.fileId),
        ...(opts.inJson ? { inJson: opts.inJson } : {}),
      });
    }
    if (opts.inJson === 'upload') {
      if (!this.lastUserTurn) throw new Error("inJson 'upload': add a user turn first");
      this.lastUserTurn.jsonUploads.push(...files);
    }
    this.images.push(...images);
    const taskId = `task_${this.ids.hex(24)}`;
    const toolMessage = (): Json => {
      if (!finished) {
        return this.message(
          'tool',
          recipient,
          { content_type: 'text', parts: [PROCESSING] },
          toolTime,
          {
            image_gen_async: true,
            async_task_id: taskId,
            async_task_type: 'image_gen',
          },
          { status: 'in_progress' },
        );
      }
      if (thinking) {
        const bare = images.map((img, i) => {
          const { metadata: _none, ...part } = this.pointerPart(files[i]!, img.assetPointer, {});
          return { ...part, metadata: { sanitized: true } };
        });
        const content = { content_type: 'multimodal_text', parts: [...bare, thinking.caption] };
        return this.message('tool', recipient, content, null);
      }
      const parts: unknown[] = images.flatMap((img, i) =>
        img.inJson
          ? []
          : [this.pointerPart(files[i]!, img.assetPointer, gpt ? this.gptMeta(img) : this.dalleMeta(img))],
      );
      if (!gpt) {
        parts.push(
          `\nDALL·E displayed ${n} images. The images are already plainly visible, so don't repeat the descriptions in detail. Do not list download links as they are available in the ChatGPT UI already. The user may download the images by clicking on them, but do not mention anything about downloading to the user.`,
        );
      }
      const metadata: Json = gpt
        ? { async_task_type: 'image_gen', image_gen_title: opts.title ?? null, async_task_id: taskId }
        : {};
      return this.message('tool', recipient, { content_type: 'multimodal_text', parts }, toolTime, metadata);
    };
    const toolNode = this.addNode(toolMessage, () => true, toolNodeId);
    this.imageTools.add(toolNode);
    if (!opts.noFollowUp) {
      const followTime = this.tick();
      const text = gpt ? '' : 'Here is the image you asked for.';
      this.addNode(
        () => this.message('assistant', null, { content_type: 'text', parts: [text] }, followTime),
        () => finished,
      );
    }
    const alt = (img: SimImage) =>
      gpt
        ? `${this.locale === 'zh' ? '已生成图片' : 'Generated image'}: ${img.title ?? ''}`
        : 'Generated by DALL·E';
    const domIds = images.map((_, i) =>
      gpt ? `image-${this.ids.uuid()}` : `dalle-image-${toolNodeId}-${i}`,
    );
    const tiles = (final: boolean): RenderTile[] =>
      images.map((img, i) => {
        const file = files[i]!;
        const frame = (f: SimFile, role: RenderFrame['role']): RenderFrame => ({
          src: this.files.url(f),
          alt: alt(img),
          role,
          width: f.width,
          height: f.height,
        });
        const partials = partialFiles[i]!.map((f) => frame(f, 'partial'));
        let frames: RenderFrame[];
        if (!gpt) frames = final ? [frame(file, 'final')] : [];
        else if (!final) frames = partials.slice(0, 0);
        else {
          const f = frame(file, 'final');
          if (opts.finalSrc === 'composite') f.src = this.files.compositeUrl(file);
          if (opts.finalSrc === 'blob') f.blob = true;
          frames = partials.length ? [...partials, f] : [{ ...f, role: 'placeholder' }, f];
          if (opts.finalSrc === 'blob') f.dataFileId = file.fileId;
        }
        return { kind: gpt ? 'imagegen' : 'dalle', domId: domIds[i]!, fileId: file.fileId, frames };
      });
    this.turns.push({
      key: toolNodeId,
      role: 'assistant',
      build: () => ({
        ...this.emptyTurn(
          toolNodeId,
          'assistant',
          toolNodeId,
          finished && !gpt ? 'Here is the image you asked for.' : '',
        ),
        tiles: tiles(finished),
        generating: !finished,
      }),
    });
    return {
      turnKey: toolNodeId,
      images,
      partialFiles,
      finish: () => {
        finished = true;
        this.clock = Math.max(this.clock, Date.now() / 1000);
      },
      isFinished: () => finished,
      finalTiles: () => tiles(true),
    };
  }

  /** A thinking model's thought and "Thought for Ns" recap (assistant messages, JSON only). */
  private thoughts(): void {
    const time = this.tick();
    const thoughts = {
      content_type: 'thoughts',
      thoughts: [{ summary: 'Planning the image', content: 'I will call the image tool.', finished: true }],
    };
    const recap = { content_type: 'reasoning_recap', content: 'Thought for 4s' };
    const meta = (status: string) => ({ reasoning_status: status, model_slug: 'gpt-5-thinking' });
    const extra = { channel: 'analysis', end_turn: false };
    this.addNode(
      () => this.message('assistant', null, thoughts, time, meta('is_reasoning'), extra),
      () => true,
    );
    this.addNode(
      () => this.message('assistant', null, recap, time + 4, meta('reasoning_ended'), extra),
      () => true,
    );
  }

  private pointerPart(file: SimFile, pointer: string, metadata: Json): Json {
    return {
      content_type: 'image_asset_pointer',
      asset_pointer: pointer,
      size_bytes: this.files.body(file).length,
      width: file.width,
      height: file.height,
      fovea: null,
      metadata: { dalle: null, gizmo: null, generation: null, container_pixel_height: null, ...metadata },
    };
  }

  private dalleMeta(img: SimImage): Json {
    return {
      dalle: {
        gen_id: img.genId,
        prompt: img.revisedPrompt,
        seed: img.seed,
        parent_gen_id: img.parentGenId,
        edit_op: img.editOp,
        serialization_title: 'DALL-E generation metadata',
      },
    };
  }

  private gptMeta(img: SimImage): Json {
    return {
      dalle: {
        gen_id: img.genId,
        prompt: '',
        seed: null,
        parent_gen_id: img.parentGenId,
        edit_op: img.editOp,
        serialization_title: 'DALL-E generation metadata',
      },
      generation: {
        gen_id: img.genId,
        gen_size: img.genSize,
        seed: null,
        parent_gen_id: img.parentGenId,
        height: img.height,
        width: img.width,
        transparent_background: false,
        serialization_title: 'Image Generation metadata',
      },
    };
  }

  private emptyTurn(key: string, role: 'user' | 'assistant', messageId: string, text: string): RenderTurn {
    return {
      key,
      role,
      messageId,
      text,
      tiles: [],
      uploads: [],
      search: [],
      gizmoIcon: role === 'assistant' && this.gizmoIcon ? this.files.url(this.gizmoIcon) : null,
      failed: false,
      generating: false,
    };
  }

  /** `GET /backend-api/conversation/{id}` body. */
  toJson(): Json {
    const visible = this.nodes.filter((n) => n.visible());
    const ids = new Set(visible.map((n) => n.id));
    const entries = visible.map((n): [string, Json] => [
      n.id,
      {
        id: n.id,
        message: n.message ? { id: n.id, ...n.message() } : null,
        parent: n.parent,
        children: visible.filter((c) => c.parent === n.id && ids.has(c.id)).map((c) => c.id),
      },
    ]);
    if (this.reverseMapping) entries.reverse();
    return {
      title: this.title,
      create_time: this.createTime,
      update_time: this.clock,
      mapping: Object.fromEntries(entries),
      moderation_results: [],
      current_node: visible[visible.length - 1]!.id,
      plugin_ids: null,
      conversation_id: this.id,
      conversation_template_id: this.gizmoId,
      gizmo_id: this.gizmoId,
      gizmo_type: this.kind === 'gpt' ? 'gpt' : this.kind === 'project' ? 'snorlax' : null,
      is_archived: false,
      is_starred: null,
      safe_urls: [],
      blocked_urls: [],
      default_model_slug: 'gpt-4o',
      conversation_origin: null,
      voice: null,
      async_status: null,
      disabled_tool_ids: [],
      is_do_not_remember: false,
      memory_scope: 'global_enabled',
    };
  }

  /** The turns as the page renders them now (fresh URLs). */
  renderTurns(): RenderTurn[] {
    return this.turns.map((t) => t.build());
  }

  /** The render of one turn by key. */
  renderTurn(key: string): RenderTurn {
    const t = this.turns.find((x) => x.key === key);
    if (!t) throw new Error(`no turn ${key}`);
    return t.build();
  }

  /** Key of the last user turn (for live generation). */
  lastTurnKey(): string | null {
    return this.turns[this.turns.length - 1]?.key ?? null;
  }
}
