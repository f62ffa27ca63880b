/**
 * Typed send/handle helpers over `browser.runtime` and `browser.tabs` messaging.
 * Handlers only answer envelopes on our channel, and only from this extension's own contexts.
 */
import browser from 'webextension-polyfill';
import type { BackgroundProtocol, ContentProtocol, Envelope, MessageName, Params, Result } from './protocol';

type Handlers<P> = { [K in MessageName<P>]: (params: Params<P, K>) => Promise<Result<P, K>> };

function isEnvelope(message: unknown): message is Envelope<Record<string, unknown>, string> {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { channel?: unknown }).channel === 'backstory' &&
    typeof (message as { name?: unknown }).name === 'string'
  );
}

/** Ask the background. */
export function sendToBackground<K extends MessageName<BackgroundProtocol>>(
  name: K,
  params: Params<BackgroundProtocol, K>,
): Promise<Result<BackgroundProtocol, K>> {
  const envelope: Envelope<BackgroundProtocol, K> = { channel: 'backstory', name, params };
  return browser.runtime.sendMessage(envelope) as Promise<Result<BackgroundProtocol, K>>;
}

/** Ask the content script of a tab. */
export function sendToTab<K extends MessageName<ContentProtocol>>(
  tabId: number,
  name: K,
  params: Params<ContentProtocol, K>,
): Promise<Result<ContentProtocol, K>> {
  const envelope: Envelope<ContentProtocol, K> = { channel: 'backstory', name, params };
  return browser.tabs.sendMessage(tabId, envelope) as Promise<Result<ContentProtocol, K>>;
}

/**
 * Registers handlers for one side of the protocol. Messages from other extensions or web pages are
 * ignored: `sender.id` must be our own id. Returns a function that removes the listener.
 */
export function handleMessages<P>(handlers: Handlers<P>): () => void {
  const listener = (
    message: unknown,
    sender: browser.Runtime.MessageSender,
  ): Promise<unknown> | undefined => {
    if (!isEnvelope(message) || sender.id !== browser.runtime.id) return undefined;
    const handler = (handlers as Record<string, ((params: unknown) => Promise<unknown>) | undefined>)[
      message.name
    ];
    return handler ? handler(message.params) : undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
