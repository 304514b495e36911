/**
 * The user's settings (issue 12): one typed object in `storage.local` under `settings`, with
 * defaults, validation and a version ladder. Pure (unit-tested in Node). Capture on/off is not
 * here: it stays the `paused` flag in IndexedDB (db/kv.ts), which the settings page switches
 * through the `setPaused` message like the popup does.
 */

import { t } from '../platform/i18n';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

export type SidecarKind = 'xmp' | 'json';
/** How often the library is checked while a ChatGPT tab is open, in minutes (page loads check too). */
export type SyncEvery = 15 | 60 | 240;
export const SYNC_EVERY: readonly SyncEvery[] = [15, 60, 240];
export type BadgeMode = 'session' | 'total' | 'off';

export interface Settings {
  v: typeof SETTINGS_VERSION;
  /** Library sync (issue 9): the automatic check on page load and every 15 minutes. */
  librarySync: boolean;
  /** Minutes between the periodic checks while a ChatGPT tab is open. */
  librarySyncEvery: SyncEvery;
  mirror: {
    /** Write each saved image to the Downloads folder too (off by default). */
    enabled: boolean;
    /** Path under Downloads; tokens {yyyy} {mm} {dd} {conversation} {title} {fileid} {ext}. */
    pattern: string;
    /** Sidecar files beside each image (an empty list: none). */
    sidecars: SidecarKind[];
  };
  thumbnail: {
    /** Longest side in px. */
    size: 192 | 256 | 384;
    /** WebP quality, 0.5–0.95. */
    quality: number;
  };
  /** What the toolbar badge counts: images saved this browser session, all images, or nothing. */
  badge: BadgeMode;
  /** A small "saved" mark on each captured image on chatgpt.com (issue 13 §1). */
  savedMark: boolean;
}

export const DEFAULT_PATTERN = 'Image Vault/{yyyy}-{mm}/{conversation}/{title}_{fileid}.{ext}';

export const DEFAULT_SETTINGS: Settings = {
  v: SETTINGS_VERSION,
  librarySync: true,
  librarySyncEvery: 15,
  mirror: { enabled: false, pattern: DEFAULT_PATTERN, sidecars: ['xmp', 'json'] },
  thumbnail: { size: 256, quality: 0.8 },
  badge: 'session',
  savedMark: true,
};

/**
 * Whether the periodic library check is due under the schedule (`librarySyncEvery`; the alarm
 * itself fires every 15 minutes). A minute of slack absorbs the alarm's jitter.
 */
export function syncDue(lastCheckAt: number | null, everyMin: number, now: number): boolean {
  return lastCheckAt === null || now - lastCheckAt >= (everyMin - 1) * 60_000;
}

/** The tokens a mirror pattern may use. */
export const PATTERN_TOKENS = ['yyyy', 'mm', 'dd', 'conversation', 'title', 'fileid', 'ext'] as const;

/** Why a pattern is refused, in plain words; null when it is fine. */
export function patternProblem(pattern: string): string | null {
  if (typeof pattern !== 'string' || !pattern.trim()) return t('settings_pat_empty');
  if (pattern.length > 300) return t('settings_pat_long');
  if (/^[/\\]|^[a-z]:/i.test(pattern)) return t('settings_pat_absolute');
  if (pattern.split(/[/\\]/).some((seg) => seg === '..' || seg === '.')) return t('settings_pat_dots');
  const unknown = [...pattern.matchAll(/\{([^}]*)\}/g)]
    .map((m) => m[1] ?? '')
    .filter((t) => !(PATTERN_TOKENS as readonly string[]).includes(t));
  if (unknown.length)
    return t('settings_pat_unknown', {
      token: `{${unknown[0]}}`,
      tokens: PATTERN_TOKENS.map((token) => `{${token}}`).join(' '),
    });
  if (!pattern.includes('{fileid}')) return t('settings_pat_fileid');
  if (!/\{ext\}$/.test(pattern)) return t('settings_pat_ext');
  return null;
}

type Check = { ok: true; settings: Settings } | { ok: false; problems: string[] };

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates a whole settings object (from the settings page, or read back from storage).
 * Every problem is listed in plain words; nothing is half-accepted.
 */
export function validateSettings(input: unknown): Check {
  const problems: string[] = [];
  if (!isObj(input)) return { ok: false, problems: [t('settings_p_object')] };
  const m = isObj(input.mirror) ? input.mirror : null;
  const th = isObj(input.thumbnail) ? input.thumbnail : null;
  if (input.v !== SETTINGS_VERSION) problems.push(t('settings_p_version', { version: String(input.v) }));
  if (typeof input.librarySync !== 'boolean') problems.push(t('settings_p_sync'));
  if (!SYNC_EVERY.includes(input.librarySyncEvery as SyncEvery)) problems.push(t('settings_p_sync_every'));
  if (!m) problems.push(t('settings_p_mirror_missing'));
  else {
    if (typeof m.enabled !== 'boolean') problems.push(t('settings_p_mirror'));
    const p = patternProblem(m.pattern as string);
    if (p) problems.push(p);
    if (!Array.isArray(m.sidecars) || m.sidecars.some((s) => s !== 'xmp' && s !== 'json'))
      problems.push(t('settings_p_sidecars'));
  }
  if (!th) problems.push(t('settings_p_thumb_missing'));
  else {
    if (![192, 256, 384].includes(th.size as number)) problems.push(t('settings_p_thumb_size'));
    if (typeof th.quality !== 'number' || !(th.quality >= 0.5 && th.quality <= 0.95))
      problems.push(t('settings_p_thumb_quality'));
  }
  if (!['session', 'total', 'off'].includes(input.badge as string)) problems.push(t('settings_p_badge'));
  if (typeof input.savedMark !== 'boolean') problems.push(t('settings_p_mark'));
  return problems.length ? { ok: false, problems } : { ok: true, settings: input as unknown as Settings };
}

/**
 * What is stored, brought to the current version: missing → defaults; an older version →
 * migrated; a damaged value → defaults for what is damaged, the rest kept. Never throws.
 */
export function migrateSettings(stored: unknown): Settings {
  if (!isObj(stored)) return structuredClone(DEFAULT_SETTINGS);
  // Version 0 (never shipped as such): a flat `{ mirror: boolean, mirrorPattern }`.
  const legacy = stored.v === undefined && typeof stored.mirror === 'boolean';
  const src: Record<string, unknown> = legacy
    ? { ...stored, mirror: { enabled: stored.mirror, pattern: stored.mirrorPattern } }
    : stored;
  const d = DEFAULT_SETTINGS;
  const m = isObj(src.mirror) ? src.mirror : {};
  const t = isObj(src.thumbnail) ? src.thumbnail : {};
  const candidate: Settings = {
    v: SETTINGS_VERSION,
    librarySync: typeof src.librarySync === 'boolean' ? src.librarySync : d.librarySync,
    librarySyncEvery: SYNC_EVERY.includes(src.librarySyncEvery as SyncEvery)
      ? (src.librarySyncEvery as SyncEvery)
      : d.librarySyncEvery,
    mirror: {
      enabled: typeof m.enabled === 'boolean' ? m.enabled : d.mirror.enabled,
      pattern: typeof m.pattern === 'string' && !patternProblem(m.pattern) ? m.pattern : d.mirror.pattern,
      sidecars:
        Array.isArray(m.sidecars) && m.sidecars.every((s) => s === 'xmp' || s === 'json')
          ? [...new Set(m.sidecars as SidecarKind[])]
          : [...d.mirror.sidecars],
    },
    thumbnail: {
      size: [192, 256, 384].includes(t.size as number)
        ? (t.size as Settings['thumbnail']['size'])
        : d.thumbnail.size,
      quality:
        typeof t.quality === 'number' && t.quality >= 0.5 && t.quality <= 0.95
          ? t.quality
          : d.thumbnail.quality,
    },
    badge: ['session', 'total', 'off'].includes(src.badge as string) ? (src.badge as BadgeMode) : d.badge,
    savedMark: typeof src.savedMark === 'boolean' ? src.savedMark : d.savedMark,
  };
  return candidate;
}
