/** Random access to an archive without loading it: a File/Blob is read by slices. */

export interface ZipSource {
  readonly size: number;
  /** Reads `length` bytes at `offset` into memory (headers and small entries only). */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** A lazy view of `length` bytes at `offset`: for a File, still on disk. */
  slice(offset: number, length: number): Blob;
}

export function blobSource(blob: Blob): ZipSource {
  return {
    size: blob.size,
    async read(offset, length) {
      return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
    },
    slice: (offset, length) => blob.slice(offset, offset + length),
  };
}
