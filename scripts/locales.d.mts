type Messages = Record<string, { message: string; description?: string }>;
export const LOCALES_DIR: URL;
export const DEFAULT_LOCALE: string;
export function readLocales(dir?: URL | string): Record<string, Messages>;
export function flatMessages(lang?: string, dir?: URL | string): Record<string, string>;
