/**
 * A fake `fetch` over a map of files, answering like the pack server: strong ETags (the sha256 of the
 * bytes), 304 to a matching If-None-Match, 404 for anything unknown. Tests script faults per path (a 500,
 * a dropped connection) and read the request log to assert what was, and was not, downloaded.
 */
import { createHash } from 'node:crypto';
import type { FetchLike } from '../../../core/sync/conditional-fetch';

export const BASE = 'https://packs.example.org/backstory/';

export interface LoggedRequest {
  path: string;
  headers: Record<string, string>;
  /** The status answered; 0 for a network failure. */
  status: number;
}

/** A fault for one path: an HTTP status, or a network failure. Used once unless `times` says more. */
export type Fault = { status: number; times?: number } | { network: string; times?: number };

export class FakeHttp {
  readonly requests: LoggedRequest[] = [];
  private readonly faults = new Map<string, Fault>();

  constructor(public files: Map<string, Uint8Array>) {}

  fail(path: string, fault: Fault): void {
    this.faults.set(path, fault);
  }

  /** The paths requested, in order. */
  get paths(): string[] {
    return this.requests.map((r) => r.path);
  }

  readonly fetch: FetchLike = async (url, init) => {
    const path = url.startsWith(BASE) ? url.slice(BASE.length) : url;
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
    const fault = this.faults.get(path);
    if (fault) {
      const times = (fault.times ?? 1) - 1;
      if (times <= 0) this.faults.delete(path);
      else this.faults.set(path, { ...fault, times });
      if ('network' in fault) {
        this.requests.push({ path, headers, status: 0 });
        throw new TypeError(fault.network);
      }
      this.requests.push({ path, headers, status: fault.status });
      return new Response('fault', { status: fault.status });
    }
    const body = this.files.get(path);
    if (!body) {
      this.requests.push({ path, headers, status: 404 });
      return new Response('Not found', { status: 404 });
    }
    const etag = `"${createHash('sha256').update(body).digest('hex')}"`;
    if (headers['If-None-Match'] === etag) {
      this.requests.push({ path, headers, status: 304 });
      return new Response(null, { status: 304, headers: { ETag: etag } });
    }
    this.requests.push({ path, headers, status: 200 });
    return new Response(new Uint8Array(body), { status: 200, headers: { ETag: etag } });
  };
}
