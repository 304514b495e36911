/**
 * Counts promise rejections that nobody handled in the service worker. Each one is a bug (a
 * fire-and-forget without `.catch`): it is logged, and counted in
 * `globalThis.__imageVaultUnhandled` so the e2e tests can assert there were none.
 */

/** What `globalThis.__imageVaultUnhandled` holds. */
export interface UnhandledLog {
  count: number;
  /** The latest reason, as text. */
  last: string | null;
}

/** Starts counting; call once, first thing in the worker. */
export function watchUnhandledRejections(): UnhandledLog {
  const log: UnhandledLog = { count: 0, last: null };
  (globalThis as { __imageVaultUnhandled?: UnhandledLog }).__imageVaultUnhandled = log;
  globalThis.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => {
    log.count++;
    log.last = e.reason instanceof Error ? `${e.reason.name}: ${e.reason.message}` : String(e.reason);
    console.error('[image-vault] unhandled promise rejection:', e.reason);
  });
  return log;
}
