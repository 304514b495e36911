/** Typed sending side of the protocol, for content script and UI pages. */
import browser from 'webextension-polyfill';
import type { MessageType, ProtocolMap, Result } from './protocol';

export async function send<T extends MessageType>(
  type: T,
  payload: ProtocolMap[T]['payload'],
): Promise<Result<T>> {
  return (await browser.runtime.sendMessage({ type, payload })) as Result<T>;
}
