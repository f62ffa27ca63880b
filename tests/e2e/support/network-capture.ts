/**
 * Two records of a browser run's traffic, for the privacy tests.
 *
 * - {@link captureRequests}: every request Playwright sees in the context (pages, frames, extension pages
 *   and the extension's service worker), with headers and body, including `chrome-extension://` loads.
 * - A Chromium net log ({@link netLogArgs}, {@link readNetLog}): everything the network stack did from the
 *   moment the browser started, whoever asked for it, down to the bytes written to each socket. It sees
 *   what Playwright cannot: requests made before a listener was attached, and the browser's own.
 *   https://www.chromium.org/developers/design-documents/network-stack/netlog/
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Request } from 'playwright-core';

export interface CapturedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  postData: string | null;
  /** True when the extension's (or a page's) service worker made it. */
  fromServiceWorker: boolean;
  resourceType: string;
}

function describe(request: Request): CapturedRequest {
  return {
    url: request.url(),
    method: request.method(),
    headers: request.headers(),
    postData: request.postData(),
    fromServiceWorker: request.serviceWorker() !== null,
    resourceType: request.resourceType(),
  };
}

/** Records every request of the context from now on; the returned array fills as the run goes. */
export function captureRequests(context: BrowserContext): CapturedRequest[] {
  const requests: CapturedRequest[] = [];
  context.on('request', (request) => requests.push(describe(request)));
  return requests;
}

/** Chromium switches that write a net log with every byte sent (`Everything` includes socket payloads). */
export function netLogArgs(path: string): string[] {
  return [`--log-net-log=${path}`, '--net-log-capture-mode=Everything'];
}

export interface NetLogRequest {
  url: string;
  method: string | null;
  /** The origin that asked (`http://127.0.0.1:1234`, `chrome-extension://…`), or null for the browser itself. */
  initiator: string | null;
}

export interface NetLogWrite {
  /** `host:port` the socket was connected to, when the log says. */
  remote: string | null;
  /** The bytes written, decoded as Latin-1 (lossless for searching ASCII and UTF-8 byte strings). */
  text: string;
}

export interface NetLog {
  requests: NetLogRequest[];
  writes: NetLogWrite[];
}

interface RawEvent {
  type: number;
  source: { id: number };
  params?: Record<string, unknown>;
}

interface RawLog {
  constants: { logEventTypes: Record<string, number> };
  events: RawEvent[];
}

/** The log as JSON; a browser that did not shut down cleanly leaves the closing brackets out. */
function parseLog(text: string): RawLog {
  try {
    return JSON.parse(text) as RawLog;
  } catch {
    return JSON.parse(`${text.trimEnd().replace(/,$/, '')}]}`) as RawLog;
  }
}

/** Reads a net log written by a browser launched with {@link netLogArgs} (after the browser has closed). */
export function readNetLog(path: string): NetLog {
  const log = parseLog(readFileSync(path, 'utf8'));
  const type = log.constants.logEventTypes;
  const remotes = new Map<number, string>();
  const requests: NetLogRequest[] = [];
  for (const event of log.events) {
    const params = event.params ?? {};
    if (event.type === type.URL_REQUEST_START_JOB && typeof params.url === 'string') {
      const initiator = typeof params.initiator === 'string' ? params.initiator : null;
      requests.push({
        url: params.url,
        method: typeof params.method === 'string' ? params.method : null,
        initiator: initiator === 'not an origin' ? null : initiator,
      });
    } else if (
      (event.type === type.TCP_CONNECT_ATTEMPT || event.type === type.UDP_CONNECT) &&
      typeof params.address === 'string'
    ) {
      remotes.set(event.source.id, params.address);
    }
  }
  // Only writes: *_BYTES_SENT events carry what this browser sent; received bytes are the servers'.
  const sent = new Set(
    Object.entries(type)
      .filter(([name]) => name.endsWith('BYTES_SENT'))
      .map(([, id]) => id),
  );
  const sentWrites = log.events.filter((e) => sent.has(e.type) && typeof e.params?.bytes === 'string');
  return {
    requests,
    writes: sentWrites.map((e) => ({
      remote: remotes.get(e.source.id) ?? null,
      text: Buffer.from(String(e.params?.bytes), 'base64').toString('latin1'),
    })),
  };
}
