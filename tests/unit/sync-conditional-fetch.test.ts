import { describe, expect, it } from 'vitest';
import { conditionalFetch, type FetchLike, readBody } from '../../core/sync/conditional-fetch';
import { SyncError } from '../../core/sync/sync-error';

const ref = { source: 'https://packs.example.org/', file: 'index.json' };
const URL_ = 'https://packs.example.org/index.json';

function recording(respond: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return respond();
  };
  return { calls, fetch };
}

async function rejection(promise: Promise<unknown>): Promise<SyncError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncError) return error;
    throw error;
  }
  throw new Error('expected a SyncError');
}

describe('conditionalFetch', () => {
  it('sends If-None-Match and If-Modified-Since from the stored validators, bypassing the HTTP cache', async () => {
    const { calls, fetch } = recording(() => new Response('{}', { status: 200 }));
    await conditionalFetch(
      URL_,
      ref,
      { fetch, isOnline: () => true },
      { etag: '"abc"', lastModified: 'Fri, 02 Jan 2026 00:00:00 GMT' },
    );
    expect(calls[0]?.init).toMatchObject({
      cache: 'no-store',
      credentials: 'omit',
      headers: { 'If-None-Match': '"abc"', 'If-Modified-Since': 'Fri, 02 Jan 2026 00:00:00 GMT' },
    });
  });

  it('returns the response and its new validators on a 200', async () => {
    const headers = { ETag: '"v2"', 'Last-Modified': 'Sat, 03 Jan 2026 00:00:00 GMT' };
    const { fetch } = recording(() => new Response('{}', { status: 200, headers }));
    const outcome = await conditionalFetch(URL_, ref, { fetch, isOnline: () => true });
    expect(outcome.status === 'ok' && outcome.validators).toEqual({
      etag: '"v2"',
      lastModified: headers['Last-Modified'],
    });
  });

  it('returns not-modified on a 304 without reading the body', async () => {
    let pulled = false;
    // highWaterMark 0: the stream pulls only when someone reads.
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled = true;
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const response = new Response(null, { status: 304 });
    Object.defineProperty(response, 'body', { value: body });
    const { fetch } = recording(() => response);
    const outcome = await conditionalFetch(URL_, ref, { fetch, isOnline: () => true }, { etag: '"v1"' });
    expect(outcome).toEqual({ status: 'not-modified' });
    expect(pulled).toBe(false);
  });

  it('makes no request while offline', async () => {
    const { calls, fetch } = recording(() => new Response('{}'));
    expect(await conditionalFetch(URL_, ref, { fetch, isOnline: () => false })).toEqual({
      status: 'offline',
    });
    expect(calls).toHaveLength(0);
  });

  it('treats 5xx, 408 and 429 as retryable', async () => {
    for (const status of [500, 502, 503, 408, 429]) {
      const { fetch } = recording(() => new Response('', { status }));
      const error = await rejection(conditionalFetch(URL_, ref, { fetch, isOnline: () => true }));
      expect([error.reason.startsWith(`HTTP ${status}`), error.retryable]).toEqual([true, true]);
    }
  });

  it('treats other 4xx as fatal', async () => {
    for (const status of [400, 403, 404, 410]) {
      const { fetch } = recording(() => new Response('', { status }));
      const error = await rejection(conditionalFetch(URL_, ref, { fetch, isOnline: () => true }));
      expect(error.detail).toEqual({ ...ref, reason: `HTTP ${status}`, retryable: false });
    }
  });

  it('treats a network failure as retryable', async () => {
    const fetch: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    const error = await rejection(conditionalFetch(URL_, ref, { fetch, isOnline: () => true }));
    expect(error.detail).toEqual({ ...ref, reason: 'network error: Failed to fetch', retryable: true });
  });
});

describe('readBody', () => {
  it('reads a body within the limit', async () => {
    const body = await readBody(new Response('hello'), 5, ref);
    expect(new TextDecoder().decode(body)).toBe('hello');
  });

  it('refuses a body past the limit without reading the rest', async () => {
    let chunks = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        chunks++;
        controller.enqueue(new Uint8Array(1000));
      },
    });
    const error = await rejection(readBody(new Response(endless), 4500, ref));
    expect(error.reason).toBe('more than the 4500 bytes expected');
    expect(chunks).toBeLessThan(10);
  });

  it('calls a connection lost mid-body retryable', async () => {
    let sent = false;
    const dropping = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) controller.error(new Error('socket hang up'));
        else controller.enqueue(new Uint8Array(3));
        sent = true;
      },
    });
    const error = await rejection(readBody(new Response(dropping), 100, ref));
    expect(error.reason).toMatch(/^connection lost after 3 bytes/);
    expect(error.retryable).toBe(true);
  });
});
