/**
 * Every image the simulator can serve, its bytes (made lazily, cached) and its URLs:
 * cookie-gated `estuary/content` URLs on chatgpt.com and signed, expiring
 * `files.oaiusercontent.com` URLs (docs/chatgpt.md §Image bytes).
 */
import type { Ids } from './ids';
import { makePng, makeWebp, sha256 } from './images';

/** What the file is to ChatGPT; only `generated` files are generations. */
export type FileKind = 'generated' | 'partial' | 'upload' | 'search' | 'icon' | 'avatar';
/** Where it is served from: estuary (cookie-gated), signed CDN, or a plain same-origin asset. */
export type FileHost = 'estuary' | 'cdn' | 'asset';

export interface SimFile {
  fileId: string;
  kind: FileKind;
  host: FileHost;
  mimeType: 'image/png' | 'image/webp';
  width: number;
  height: number;
  /** Seed of the pixels: distinct per file, so bytes differ. */
  seed: number;
  realistic: boolean;
  conversationId: string | null;
  /** File name announced by downloads (`{uuid}.webp`, `{name}.png`). */
  fileName: string;
}

/** What was (or will be) served for a file: compare with what the extension stored. */
export interface Served {
  fileId: string;
  sha256: string;
  bytes: number;
  mimeType: string;
  width: number;
  height: number;
  /** A URL that is valid now (freshly signed for CDN files). */
  url: string;
  body: Buffer;
}

interface CdnSig {
  fileId: string;
  expiresAt: number;
}

export class FileStore {
  private readonly files = new Map<string, SimFile>();
  private readonly bodies = new Map<string, Buffer>();
  private readonly sigs = new Map<string, CdnSig>();
  private nextSeed = 1000;
  /** Lifetime of newly signed CDN URLs. */
  cdnTtlMs = 60 * 60 * 1000;

  constructor(
    private readonly ids: Ids,
    private readonly origin: () => string,
  ) {}

  add(f: Omit<SimFile, 'seed' | 'fileName'> & { fileName?: string }): SimFile {
    const ext = f.mimeType === 'image/webp' ? 'webp' : 'png';
    const file: SimFile = {
      ...f,
      seed: this.nextSeed++,
      fileName: f.fileName ?? `${this.ids.uuid()}.${ext}`,
    };
    this.files.set(file.fileId, file);
    return file;
  }

  get(fileId: string): SimFile | undefined {
    return this.files.get(fileId);
  }

  all(): SimFile[] {
    return [...this.files.values()];
  }

  body(file: SimFile): Buffer {
    let b = this.bodies.get(file.fileId);
    if (!b) {
      const spec = { width: file.width, height: file.height, seed: file.seed, realistic: file.realistic };
      b =
        file.mimeType === 'image/webp'
          ? makeWebp(spec)
          : makePng({ ...spec, partial: file.kind === 'partial' });
      this.bodies.set(file.fileId, b);
    }
    return b;
  }

  served(fileId: string): Served {
    const file = this.files.get(fileId);
    if (!file) throw new Error(`simulator: no file ${fileId}`);
    const body = this.body(file);
    return {
      fileId,
      sha256: sha256(body),
      bytes: body.length,
      mimeType: file.mimeType,
      width: file.width,
      height: file.height,
      url: this.url(file),
      body,
    };
  }

  /**
   * A smaller preview of an estuary file (256 px wide, other pixels): what a composite
   * `{hash}#file_…#thumbnail` id serves, so a test can tell it from the original.
   */
  thumbnail(file: SimFile): Buffer {
    const key = `${file.fileId}#thumbnail`;
    let b = this.bodies.get(key);
    if (!b) {
      const width = 256;
      const height = Math.max(1, Math.round((256 * file.height) / file.width));
      b = makePng({ width, height, seed: file.seed + 1_000_000 });
      this.bodies.set(key, b);
    }
    return b;
  }

  /** An estuary URL whose `id=` is composite: URL-encoded `{hash}#file_…#thumbnail`. */
  compositeUrl(file: SimFile): string {
    const id = encodeURIComponent(`${this.ids.hex(32)}#${file.fileId}#thumbnail`);
    const ts = Math.floor(Date.now() / 1000);
    return `${this.origin()}/backend-api/estuary/content?id=${id}&ts=${ts}&p=fs&cid=1&sig=${this.ids.hex(64)}`;
  }

  /** A URL for the file as the page would show it now. */
  url(file: SimFile): string {
    if (file.host === 'cdn') return this.signCdn(file);
    if (file.host === 'asset') return `${this.origin()}/cdn/assets/${file.fileId}.png`;
    const ts = Math.floor(Date.now() / 1000);
    return `${this.origin()}/backend-api/estuary/content?id=${file.fileId}&ts=${ts}&p=fs&cid=1&sig=${this.ids.hex(64)}`;
  }

  private signCdn(file: SimFile): string {
    const expiresAt = Date.now() + this.cdnTtlMs;
    const se = new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const sig = `${this.ids.base62(43)}=`;
    this.sigs.set(sig, { fileId: file.fileId, expiresAt });
    const q = [
      `se=${encodeURIComponent(se)}`,
      'sp=r',
      'sv=2024-08-04',
      'sr=b',
      `rscc=${encodeURIComponent('max-age=604800, immutable, private')}`,
      `rscd=${encodeURIComponent(`attachment; filename=${file.fileName}`)}`,
      `sig=${encodeURIComponent(sig)}`,
    ];
    return `https://files.oaiusercontent.com/${file.fileId}?${q.join('&')}`;
  }

  /** Checks a CDN request: 'ok', 'expired' (past `se`, or expired by a test) or 'bad-signature'. */
  checkCdn(fileId: string, params: URLSearchParams): 'ok' | 'expired' | 'bad-signature' {
    const sig = this.sigs.get(params.get('sig') ?? '');
    if (!sig || sig.fileId !== fileId) return 'bad-signature';
    const se = Date.parse(params.get('se') ?? '');
    return Date.now() >= sig.expiresAt || !(Date.now() < se) ? 'expired' : 'ok';
  }

  /** Makes every CDN URL signed so far (for one file, or all) expired. New URLs are fine again. */
  expireCdnUrls(fileId?: string): void {
    for (const s of this.sigs.values()) if (!fileId || s.fileId === fileId) s.expiresAt = 0;
  }
}
