/**
 * Tells the tab that showed an image that the image is now in the vault, so the page's
 * "saved" mark can show (issue 13 §1). Best effort: a closed tab, or one whose content script
 * is gone, loses nothing (the mark is asked for again when the page is opened next).
 */
import type { TabProtocolMap } from '../../messaging/protocol';
import { browser } from '../../platform/browser';

/** Sends `imageStored` to `tabId` (when known); never rejects. */
export function notifyTabStored(tabId: number | null | undefined, fileId: string): void {
  if (tabId == null) return;
  const message: { type: 'imageStored'; payload: TabProtocolMap['imageStored']['payload'] } = {
    type: 'imageStored',
    payload: { fileId },
  };
  browser.tabs.sendMessage(tabId, message).catch(() => {
    // No content script listening there any more: nothing to mark.
  });
}
