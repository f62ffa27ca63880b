/**
 * HTTP for sync, with `fetch` injected (the extension passes the global one; tests pass a fake) and no
 * other platform API. Requests revalidate with the validators kept from the last answer: JavaScript only
 * sees a 304 when it sends `If-None-Match` / `If-Modified-Since` itself with `cache: 'no-store'`; with the
 * HTTP cache in the way a revalidated 304 reaches `fetch()` as a 200 and the body is downloaded again.
 * https://developer.mozilla.org/en-US/docs/Web/API/Request/cache
 */
import { fatal, retryable, type SyncFileRef } from './sync-error';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** What the last 200 said about the resource, sent back to ask "has it changed?". */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface FetchDeps {
  fetch: FetchLike;
  /** `navigator.onLine` in the extension: while false, nothing is requested at all. */
  isOnline: () => boolean;
  /** Cancels requests (a timeout, or the service worker going away). */
  signal?: AbortSignal;
}

export type FetchOutcome =
  | { status: 'offline' }
  | { status: 'not-modified' }
  | { status: 'ok'; response: Response; validators: Validators };

/** Statuses worth trying again later: timeouts, rate limits and server-side faults. */
function mayPass(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

function conditionalHeaders(validators: Validators | null | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (validators?.etag) headers['If-None-Match'] = validators.etag;
  if (validators?.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  return headers;
}

function validatorsOf(response: Response): Validators {
  const etag = response.headers.get('ETag');
  const lastModified = response.headers.get('Last-Modified');
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

/**
 * GETs `url`. Offline: no request, `{status: 'offline'}`. A 304 to a conditional request: `not-modified`,
 * its body left unread. A 2xx: the response and its validators. Anything else throws a SyncError naming
 * `ref`: retryable for a network error, a 408, 429 or 5xx; fatal for other statuses.
 */
export async function conditionalFetch(
  url: string,
  ref: SyncFileRef,
  deps: FetchDeps,
  validators?: Validators | null,
): Promise<FetchOutcome> {
  if (!deps.isOnline()) return { status: 'offline' };
  const headers = conditionalHeaders(validators);
  let response: Response;
  try {
    response = await deps.fetch(url, {
      method: 'GET',
      headers,
      cache: 'no-store',
      credentials: 'omit',
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
  } catch (error) {
    throw retryable(ref, `network error: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status === 304 && Object.keys(headers).length > 0) {
    // Nothing to read; cancelling frees the connection in browsers that keep one open for a body.
    await response.body?.cancel().catch(() => undefined);
    return { status: 'not-modified' };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const reason = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    throw mayPass(response.status) ? retryable(ref, reason) : fatal(ref, reason);
  }
  return { status: 'ok', response, validators: validatorsOf(response) };
}

/** GETs a file that must be there: offline and 304 are errors here (nothing conditional was asked). */
export async function fetchRequired(url: string, ref: SyncFileRef, deps: FetchDeps): Promise<Response> {
  const outcome = await conditionalFetch(url, ref, deps);
  if (outcome.status === 'offline') throw retryable(ref, 'the browser went offline');
  if (outcome.status === 'not-modified') throw fatal(ref, 'HTTP 304 to a request that was not conditional');
  return outcome.response;
}

/**
 * The whole body, refused as soon as it passes `limit` bytes (a file larger than its index declares, or a
 * hostile endless stream, is never buffered). A connection lost mid-body is retryable.
 */
export async function readBody(
  response: Response,
  limit: number,
  ref: SyncFileRef,
): Promise<Uint8Array<ArrayBuffer>> {
  // Content-Length is not checked first: with Content-Encoding it counts compressed bytes, which for a
  // small file can exceed the decoded size the limit is about.
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body.getReader();
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch (error) {
      throw retryable(ref, `connection lost after ${length} bytes (${String(error)})`);
    }
    if (next.done) break;
    length += next.value.length;
    if (length > limit) {
      await reader.cancel().catch(() => undefined);
      throw fatal(ref, `more than the ${limit} bytes expected`);
    }
    chunks.push(next.value);
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}
