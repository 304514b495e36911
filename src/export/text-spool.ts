/**
 * A text file of the archive (manifest.json, prompts.md, …) written while images stream by:
 * text is encoded and flushed to an OPFS temp file every MiB with its CRC updated on the
 * way, so the text files cost no memory however many images there are, and are added to
 * the ZIP at the end with their CRC already known.
 */
import { crc32 } from '../core/image-bytes';
import type { OpfsFile } from './opfs';

const FLUSH_AT = 1 << 20;
const encoder = new TextEncoder();

export class TextSpool {
  private pending: string[] = [];
  private pendingChars = 0;
  private crc = 0;

  constructor(
    readonly archiveName: string,
    private readonly file: OpfsFile,
  ) {}

  async add(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= FLUSH_AT) await this.flush();
  }

  /** Closes the temp file; its File and CRC go into the archive. */
  async finish(): Promise<{ file: File; crc32: number }> {
    await this.flush();
    return { file: await this.file.close(), crc32: this.crc };
  }

  discard(): Promise<void> {
    return this.file.discard();
  }

  remove(): Promise<void> {
    return this.file.remove();
  }

  private async flush(): Promise<void> {
    if (!this.pending.length) return;
    const bytes = encoder.encode(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
    this.crc = crc32(bytes, this.crc);
    await this.file.write([bytes]);
  }
}
