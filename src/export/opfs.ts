/**
 * The export's sink: a file in the origin-private file system (OPFS). Writes go straight
 * from Blobs to disk (the browser copies IndexedDB-backed Blobs without JS reading them),
 * the file becomes visible under its final name only when complete, and the finished
 * archive is offered as a disk-backed File, so memory stays flat however large it is.
 */

const DIR = 'exports';
const FLUSH_BLOB_BYTES = 64 * 2 ** 20;
const FLUSH_MEMORY_BYTES = 2 ** 20;
const FLUSH_PARTS = 32;

/** The export folder. Everything in it belongs to an export that is running or is done with. */
export async function exportDir(): Promise<FileSystemDirectoryHandle> {
  return (await navigator.storage.getDirectory()).getDirectoryHandle(DIR, { create: true });
}

/** Async iteration over a directory is missing from TypeScript's DOM lib (no DOM.AsyncIterable). */
type IterableDir = FileSystemDirectoryHandle & { keys(): AsyncIterable<string> };

/**
 * Deletes earlier archives and leftovers of crashed runs, so exports never cost more than
 * one archive of disk. Files another tab is still writing are locked and survive; so do
 * the names `keep` accepts (this run's own files, created meanwhile).
 */
export async function removeOldExports(
  dir: FileSystemDirectoryHandle,
  keep: (name: string) => boolean,
): Promise<void> {
  const names: string[] = [];
  for await (const name of (dir as IterableDir).keys()) if (!keep(name)) names.push(name);
  await Promise.all(names.map((n) => dir.removeEntry(n).catch(() => {})));
}

/** One file being written. `close()` commits it; `discard()` leaves nothing behind. */
export class OpfsFile {
  private parts: BlobPart[] = [];
  private pendingBlobBytes = 0;
  private pendingMemoryBytes = 0;

  private constructor(
    private readonly dir: FileSystemDirectoryHandle,
    private handle: FileSystemFileHandle,
    private readonly writable: FileSystemWritableFileStream,
    private name: string,
  ) {}

  static async create(dir: FileSystemDirectoryHandle, name: string): Promise<OpfsFile> {
    const handle = await dir.getFileHandle(name, { create: true });
    return new OpfsFile(dir, handle, await handle.createWritable({ keepExistingData: false }), name);
  }

  /**
   * Appends the parts. They are gathered into one Blob (a Blob of Blobs copies nothing) per
   * 32 parts (16 images), 64 MiB, or 1 MiB held in memory (headers, text): every write() is a
   * round trip to the browser process, which, made per image, cost ~15% of the throughput.
   */
  async write(parts: readonly (Uint8Array<ArrayBuffer> | Blob)[]): Promise<void> {
    for (const p of parts) {
      this.parts.push(p);
      if (p instanceof Blob) this.pendingBlobBytes += p.size;
      else this.pendingMemoryBytes += p.length;
    }
    const full = this.parts.length >= FLUSH_PARTS || this.pendingBlobBytes >= FLUSH_BLOB_BYTES;
    if (full || this.pendingMemoryBytes >= FLUSH_MEMORY_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.parts.length) return;
    const blob = new Blob(this.parts);
    this.parts = [];
    this.pendingBlobBytes = 0;
    this.pendingMemoryBytes = 0;
    await this.writable.write(blob);
  }

  /** Commits the data, renames to `finalName` when given, and returns the disk-backed File. */
  async close(finalName?: string): Promise<File> {
    await this.flush();
    await this.writable.close();
    if (finalName && finalName !== this.name) {
      const movable = this.handle as FileSystemFileHandle & { move?(name: string): Promise<void> };
      if (movable.move) {
        await movable.move(finalName);
        this.name = finalName;
      } else {
        // No move() (older Firefox): the data is committed; keep the temporary name.
        this.handle = await this.dir.getFileHandle(this.name);
      }
    }
    return this.handle.getFile();
  }

  /** Abandons the file: uncommitted data is dropped by abort(), then the entry is removed. */
  async discard(): Promise<void> {
    this.parts = [];
    await this.writable.abort().catch(() => {});
    await this.dir.removeEntry(this.name).catch(() => {});
  }

  async remove(): Promise<void> {
    await this.dir.removeEntry(this.name).catch(() => {});
  }
}

/** Deletes one finished archive once it has been saved (it is a copy of the download). */
export async function removeExport(name: string): Promise<void> {
  await (await exportDir()).removeEntry(name).catch(() => {});
}
