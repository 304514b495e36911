/**
 * Asks the tab that saw an image to do what the worker could not: requests that need
 * ChatGPT's session cookie when the worker's own requests carry none (chatgpt.md §5).
 */
import { CaptureError } from '../../core/queue';
import { takeStaged } from '../../db/images';
import type { TabMessageType, TabProtocolMap } from '../../messaging/protocol';
import { browser } from '../../platform/browser';

export async function askTab<T extends TabMessageType>(
  tabId: number,
  type: T,
  payload: TabProtocolMap[T]['payload'],
): Promise<TabProtocolMap[T]['result']> {
  try {
    return (await browser.tabs.sendMessage(tabId, { type, payload })) as TabProtocolMap[T]['result'];
  } catch {
    throw new CaptureError('the ChatGPT tab that showed the image is gone; it will be retried', true);
  }
}

/** Has the tab fetch the image and stage it through the bridge; returns the staged bytes. */
export async function fetchThroughTab(tabId: number, fileId: string, url: string): Promise<Blob> {
  const reply = await askTab(tabId, 'stageBytes', { fileId, url });
  if (!reply?.staged)
    throw new CaptureError(`the ChatGPT tab could not fetch the image: ${reply?.reason}`, true);
  const blob = await takeStaged(fileId);
  if (!blob) throw new CaptureError('the image staged by the tab was not found', true);
  return blob;
}
