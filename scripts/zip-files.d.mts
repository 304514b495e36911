/** Types of scripts/zip-files.mjs, for the unit test (tsconfig has no allowJs). */
export declare const FIXED_DATE: Date;
export declare function listFiles(dir: string): Promise<string[]>;
export declare function compareNames(a: string, b: string): number;
export declare function zipFiles(files: { name: string; data: Uint8Array | string }[]): Promise<Buffer>;
export declare function zipDirectory(dir: string): Promise<Buffer>;
