/**
 * Reads Blobs into a few reusable buffers (BYOB reads), so importing a thousand 2 MB images
 * does not leave a thousand 2 MB ArrayBuffers behind for a garbage collector that runs when
 * it likes: the bench saw 50–170 MB of them at once before this.
 */
export interface ReadBytes {
  bytes: Uint8Array;
  /** Gives the buffer back for the next read; `bytes` must not be used afterwards. */
  release(): void;
}

export class ReadBuffers {
  private readonly free: ArrayBuffer[] = [];

  constructor(private readonly keep = 6) {}

  async read(blob: Blob): Promise<ReadBytes> {
    const size = blob.size;
    let ab = this.take(size);
    let offset = 0;
    let reader: ReadableStreamBYOBReader | null = null;
    try {
      reader = blob.stream().getReader({ mode: 'byob' });
    } catch {
      // A browser whose Blob streams are not byte streams: one fresh buffer, as before.
      this.give(ab);
      return { bytes: new Uint8Array(await blob.arrayBuffer()), release: () => {} };
    }
    try {
      while (offset < size) {
        const { value, done } = await reader.read(new Uint8Array(ab, offset, size - offset));
        if (done || !value) break;
        // A BYOB read moves the buffer: carry on in the one it hands back.
        ab = value.buffer as ArrayBuffer;
        offset += value.byteLength;
      }
      if (offset < size) throw new Error('the file ended before its declared size');
    } catch (err) {
      this.give(ab);
      throw err;
    } finally {
      await reader.cancel().catch(() => {}); // everything was read: lets the browser close the file
    }
    let released = false;
    return {
      bytes: new Uint8Array(ab, 0, size),
      release: () => {
        if (!released) this.give(ab);
        released = true;
      },
    };
  }

  private take(size: number): ArrayBuffer {
    const i = this.free.findIndex((b) => b.byteLength >= size);
    if (i >= 0) return this.free.splice(i, 1)[0]!;
    // Room to spare, so that slightly bigger images reuse it too.
    return new ArrayBuffer(Math.max(size, Math.ceil(size * 1.25)));
  }

  private give(ab: ArrayBuffer): void {
    if (ab.byteLength > 0 && this.free.length < this.keep) this.free.push(ab);
  }
}
