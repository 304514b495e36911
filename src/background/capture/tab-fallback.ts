/**
 * Asks the tab that saw an image to do what the worker could not: read the session token
 * when the worker's own requests carry no ChatGPT session cookie (docs/chatgpt.md §Image bytes).
 */
import { CaptureError } from '../../core/queue';
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
