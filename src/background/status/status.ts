/** Handlers for the UI's status messages and the content script's page-health reports. */
import { retry } from '../../core/queue';
import { savedImageCount } from '../../db/gallery';
import { kvGet, kvSet } from '../../db/kv';
import { allJobs, deleteJob, putJob } from '../../db/queue';
import { skippedCount } from '../../db/skipped';
import { tombstoneCount } from '../../db/tombstones';
import type { PageHealth, StatusIssue, VaultStatus } from '../../messaging/protocol';
import { browser } from '../../platform/browser';
import { t, tn } from '../../platform/i18n';
import { drain } from '../capture/processor';
import { rescanOpenTabs } from './catch-up';
import { announceStatus, sessionCount } from './session';

const LOG = '[image-vault]';

/** Tabs that could not get the content script (kv `injectFailedTabs`) and are still open. */
async function tabsNeedingReload(): Promise<number> {
  const ids = await kvGet('injectFailedTabs', []);
  const open = await Promise.all(
    ids.map((id) =>
      browser.tabs.get(id).then(
        () => true,
        () => false,
      ),
    ),
  );
  return open.filter(Boolean).length;
}

/** The status, or — when the database cannot be read at all — that problem in plain words. */
export async function getStatus(): Promise<VaultStatus> {
  try {
    return await readStatus();
  } catch (err) {
    console.error(LOG, 'could not read the status', err);
    const storage: StatusIssue = { kind: 'storage', message: t('status_storage_unavailable') };
    return {
      total: 0,
      sessionCount: 0,
      paused: false,
      pausedSkipped: 0,
      deletedRemembered: 0,
      tabsNeedingReload: 0,
      pending: 0,
      failed: [],
      problems: [storage.message],
      issues: [storage],
      storageUnavailable: true,
    };
  }
}

async function readStatus(): Promise<VaultStatus> {
  const [total, session, skipped, paused, jobs, pageProblem, promptless, deleted, reload] = await Promise.all(
    [
      savedImageCount(),
      sessionCount(),
      skippedCount(),
      kvGet('paused', false),
      allJobs(),
      kvGet('pageProblem', null),
      kvGet('promptless', null),
      tombstoneCount(),
      tabsNeedingReload(),
    ],
  );
  const failed = jobs
    .filter((j) => j.state === 'failed')
    .map((j) => ({
      fileId: j.id,
      reason: j.lastError ?? 'unknown error',
      pageUrl: j.sighting.pageUrl,
      at: j.updatedAt,
    }));
  const issues: StatusIssue[] = [];
  if (failed.length) {
    const reasons = [...new Set(failed.map((f) => f.reason))].slice(0, 3).join('; ');
    issues.push({ kind: 'failed', message: tn('status_failed', failed.length, { reasons }) });
  }
  if (pageProblem) issues.push({ kind: 'page-changed', message: pageProblem.message });
  if (promptless) {
    const reason = promptless.lastReason.replace(/^saved without its prompt: /, '');
    issues.push({ kind: 'promptless', message: tn('status_promptless', promptless.count, { reason }) });
  }
  const pending = jobs.filter((j) => j.state !== 'failed').length;
  return {
    total,
    sessionCount: session,
    paused,
    pausedSkipped: skipped,
    deletedRemembered: deleted,
    tabsNeedingReload: reload,
    pending,
    failed,
    problems: issues.map((i) => i.message),
    issues,
  };
}

/**
 * Switches capture off or on. Skipped sightings are kept across both (the popup offers
 * them until saved or dismissed); switching on asks the open ChatGPT tabs to scan again.
 */
export async function setPaused(paused: boolean): Promise<VaultStatus> {
  const was = await kvGet('paused', false);
  await kvSet('paused', paused);
  announceStatus();
  if (was && !paused) {
    rescanOpenTabs().catch((err) => console.warn(LOG, 'rescan after resume failed', err));
  }
  return getStatus();
}

export async function retryFailed(): Promise<{ requeued: number }> {
  const failed = (await allJobs()).filter((j) => j.state === 'failed');
  for (const j of failed) await putJob(retry(j, Date.now()));
  void drain();
  announceStatus();
  return { requeued: failed.length };
}

export async function dismissFailed(): Promise<{ dismissed: number }> {
  const failed = (await allJobs()).filter((j) => j.state === 'failed');
  for (const j of failed) await deleteJob(j.id);
  await kvSet('promptless', null);
  // Raised again by the next page-health report if ChatGPT's markup still does not match.
  await kvSet('pageProblem', null);
  announceStatus();
  return { dismissed: failed.length };
}

/** Selectors matched images before but now see ChatGPT images they cannot place: say so. */
export async function pageHealth(h: PageHealth): Promise<{ ok: true }> {
  const current = await kvGet('pageProblem', null);
  if (h.tiles === 0 && h.unrecognisedImages > 0) {
    const path = new URL(h.pageUrl).pathname;
    const message = tn('status_page_changed', h.unrecognisedImages, { path });
    console.warn(LOG, message);
    if (current?.message !== message) {
      await kvSet('pageProblem', { kind: 'selectors', message, pageUrl: h.pageUrl, at: Date.now() });
      announceStatus();
    }
  } else if (current && h.tiles > 0) {
    await kvSet('pageProblem', null);
    announceStatus();
  }
  return { ok: true };
}
