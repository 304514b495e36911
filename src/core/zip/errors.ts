/** Why an archive was refused, in words a user can act on. */

export type ZipErrorCode =
  | 'not-zip'
  | 'truncated'
  | 'corrupt'
  | 'unsupported'
  | 'too-many-entries'
  | 'too-large'
  | 'unsafe-name';

export class ZipError extends Error {
  constructor(
    readonly code: ZipErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

/**
 * What the reader accepts. Defaults are far above any real Image Vault archive (a million
 * images is ~4 TB) and far below what would exhaust a browser tab: a zip bomb is refused
 * from its central directory, before a byte of it is inflated.
 */
export interface ZipLimits {
  maxEntries: number;
  /** Bytes of central directory read into memory at once. */
  maxCentralDirectoryBytes: number;
  /** Uncompressed size of any one entry. */
  maxEntryBytes: number;
  /** Uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Total uncompressed / archive size; stored archives are ~1, deflated images ~1.1. */
  maxTotalRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 250_000,
  maxCentralDirectoryBytes: 64 * 2 ** 20,
  maxEntryBytes: 2 ** 30,
  maxTotalBytes: 2 ** 40,
  maxTotalRatio: 20,
};

/** DEFLATE cannot expand more than ~1032:1; a header claiming more is lying. */
export const MAX_DEFLATE_RATIO = 1032;
