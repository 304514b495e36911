/**
 * One archive being built: images go into the ZIP as they come, and each image's lines of
 * manifest.json, prompts.md, inventory.csv and index.html go into their text spools; the
 * text files are added at the end. Knows the archive layout; not where data comes from.
 */
import { embeddedCopy } from '../core/export-format/embed-copy';
import { indexHtml } from '../core/export-format/index-html';
import { inventoryCsv } from '../core/export-format/inventory-csv';
import {
  MANIFEST_NAME,
  type ManifestEntry,
  manifestJson,
  toManifestEntry,
} from '../core/export-format/manifest';
import { promptsMarkdown } from '../core/export-format/prompts-md';
import { imageFileName } from '../core/naming';
import { type ImageRecord, MODEL_LABEL } from '../core/types';
import { blobCrc32 } from '../core/zip/crc';
import { type ZipSink, ZipWriter } from '../core/zip/writer';
import type { TextSpool } from './text-spool';

export interface Spools {
  manifest: TextSpool;
  prompts: TextSpool;
  csv: TextSpool;
  html: TextSpool;
}

export class ArchiveBuilder {
  private readonly zip: ZipWriter;
  private readonly names = new Set<string>();
  private prev: ManifestEntry | null = null;
  private count = 0;

  constructor(
    sink: ZipSink,
    private readonly spools: Spools,
    private readonly exportedAt: number,
    private readonly embed: boolean,
  ) {
    this.zip = new ZipWriter(sink);
  }

  get bytesWritten(): number {
    return this.zip.bytesWritten;
  }

  async start(total: number): Promise<void> {
    const iso = new Date(this.exportedAt).toISOString();
    await this.spools.manifest.add(manifestJson.head(this.exportedAt));
    await this.spools.prompts.add(promptsMarkdown.head(iso, total));
    await this.spools.csv.add(inventoryCsv.head());
    await this.spools.html.add(indexHtml.head(iso, total));
  }

  /** Adds the original (and its embedded copy, if asked) and its text everywhere. */
  async addImage(rec: ImageRecord, original: Blob): Promise<void> {
    // The stored CRC is the fast path; records from older data may lack it.
    const crc =
      Number.isInteger(rec.crc32) && original.size === rec.bytes ? rec.crc32 : await blobCrc32(original);
    const file = this.uniqueName('images', imageFileName(rec));
    await this.zip.add({ name: file, data: original, crc32: crc, modified: rec.createdAt });
    const entry: ManifestEntry = { ...toManifestEntry(rec, file), bytes: original.size };
    if (this.embed) {
      const text = { ...entry, model: MODEL_LABEL[rec.model] ?? rec.model };
      const copy = await embeddedCopy(original, crc, rec.mimeType, text);
      if (copy) {
        entry.embeddedCopy = this.uniqueName('images-with-prompts', file.slice('images/'.length));
        await this.zip.add({
          name: entry.embeddedCopy,
          data: copy.blob,
          crc32: copy.crc32,
          modified: rec.createdAt,
        });
      }
    }
    await this.addText(entry);
  }

  /**
   * Adds a prompt-only record (no bytes in the vault): no file, an entry marked
   * `noImage` in manifest.json, and "no image" in prompts.md, inventory.csv and index.html.
   */
  async addPromptOnly(rec: ImageRecord): Promise<void> {
    await this.addText(toManifestEntry(rec, null));
  }

  private async addText(entry: ManifestEntry): Promise<void> {
    await this.spools.manifest.add(manifestJson.entry(entry, this.count));
    await this.spools.prompts.add(promptsMarkdown.entry(entry, this.prev));
    await this.spools.csv.add(inventoryCsv.entry(entry));
    await this.spools.html.add(indexHtml.entry(entry, this.count));
    this.prev = entry;
    this.count++;
  }

  /** Closes the text files, adds them, writes the central directory; returns the size. */
  async finish(): Promise<number> {
    await this.spools.manifest.add(manifestJson.tail(this.count));
    await this.spools.html.add(indexHtml.tail());
    for (const spool of [this.spools.manifest, this.spools.prompts, this.spools.csv, this.spools.html]) {
      const { file, crc32 } = await spool.finish();
      await this.zip.add({ name: spool.archiveName, data: file, crc32, modified: this.exportedAt });
    }
    return this.zip.finish();
  }

  /** `dir/name`, with -2, -3… before the extension if taken (two ids can share 8 characters). */
  private uniqueName(dir: string, name: string): string {
    const dot = name.lastIndexOf('.');
    let candidate = `${dir}/${name}`;
    for (let n = 2; this.names.has(candidate); n++)
      candidate = `${dir}/${name.slice(0, dot)}-${n}${name.slice(dot)}`;
    this.names.add(candidate);
    return candidate;
  }
}

export const SPOOL_NAMES = {
  manifest: MANIFEST_NAME,
  prompts: 'prompts.md',
  csv: 'inventory.csv',
  html: 'index.html',
} as const;
