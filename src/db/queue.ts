/** Persistence for capture jobs (state machine in core/queue.ts). */
import type { CaptureJob } from '../core/queue';
import { openVault } from './open';

export async function getJob(id: string): Promise<CaptureJob | undefined> {
  return (await openVault()).get('queue', id);
}

export async function putJob(job: CaptureJob): Promise<void> {
  await (await openVault()).put('queue', job);
}

export async function deleteJob(id: string): Promise<void> {
  await (await openVault()).delete('queue', id);
}

export async function allJobs(): Promise<CaptureJob[]> {
  return (await openVault()).getAll('queue');
}
