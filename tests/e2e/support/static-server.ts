/**
 * A tiny static HTTP server bound to 127.0.0.1 on a free port, for the e2e tests, `npm start` and (later)
 * the pack-sync server. It serves one directory and/or programmatic routes, with content types and
 * strong ETags (`If-None-Match` → 304), so clients that revalidate can be tested against it.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** What a programmatic route returns. A string or Buffer body is sent with the given content type. */
export interface RouteResponse {
  status?: number;
  body: string | Uint8Array;
  /** Defaults to the type for the route path's extension, or `text/html; charset=utf-8`. */
  contentType?: string;
  headers?: Record<string, string>;
}

/** A route handler; it may return `undefined` to fall through to the directory (or a 404). */
export type RouteHandler = (
  req: IncomingMessage,
  url: URL,
) => RouteResponse | string | undefined | Promise<RouteResponse | string | undefined>;

export interface StaticServerOptions {
  /** Directory to serve; `/` maps to `index.html` in it. Omit to serve only routes. */
  root?: string;
  /** Exact pathname → handler (or a fixed body); checked before the directory. */
  routes?: Record<string, RouteHandler | RouteResponse | string>;
  /** Extra headers on every response (e.g. `Cache-Control`). */
  headers?: Record<string, string>;
}

export interface StaticServer {
  /** Origin with no trailing slash, e.g. `http://127.0.0.1:43121`. */
  url: string;
  /** Every request path the server received, in order (handy to assert what a client fetched). */
  requests: string[];
  close(): Promise<void>;
}

const HTML_TYPE = 'text/html; charset=utf-8';

const CONTENT_TYPES: Record<string, string> = {
  '.html': HTML_TYPE,
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ndjson': 'application/x-ndjson; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.gz': 'application/gzip',
  '.sig': 'application/octet-stream',
  '.bin': 'application/octet-stream',
};

/** The content type for a path, by extension. */
export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function etagOf(body: Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** True when the request's `If-None-Match` lists this ETag (or `*`). Weak validators compare equal too. */
function notModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etag);
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: Uint8Array,
  headers: Record<string, string>,
): void {
  const etag = etagOf(body);
  if (status === 200 && notModified(req, etag)) {
    // A 304 carries the validators and caching headers, but no body or body headers.
    const { 'Content-Type': _type, ...rest } = headers;
    res.writeHead(304, { ...rest, ETag: etag });
    res.end();
    return;
  }
  res.writeHead(status, { ...headers, ETag: etag, 'Content-Length': String(body.byteLength) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function readFromRoot(root: string, pathname: string): Promise<{ path: string; body: Buffer } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  let path = resolve(root, `.${normalize(`/${decoded}`)}`);
  // Never serve anything outside the root (`..`, symlink games aside).
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    return { path, body: await readFile(path) };
  } catch {
    return null;
  }
}

/** Starts the server; resolves once it listens. */
export async function startStaticServer(options: StaticServerOptions = {}): Promise<StaticServer> {
  const root = options.root ? resolve(options.root) : undefined;
  const baseHeaders = { 'Cache-Control': 'no-cache', ...options.headers };
  const requests: string[] = [];

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push(url.pathname + url.search);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const route = options.routes?.[url.pathname];
      if (route !== undefined) {
        const out = typeof route === 'function' ? await route(req, url) : route;
        if (out !== undefined) {
          const r: RouteResponse = typeof out === 'string' ? { body: out } : out;
          const type = r.contentType ?? (extname(url.pathname) ? contentTypeFor(url.pathname) : HTML_TYPE);
          const body = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
          send(req, res, r.status ?? 200, body, { ...baseHeaders, 'Content-Type': type, ...r.headers });
          return;
        }
      }
      const file = root ? await readFromRoot(root, url.pathname) : null;
      if (!file) {
        send(req, res, 404, Buffer.from('Not found\n'), {
          ...baseHeaders,
          'Content-Type': 'text/plain; charset=utf-8',
        });
        return;
      }
      send(req, res, 200, file.body, { ...baseHeaders, 'Content-Type': contentTypeFor(file.path) });
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Internal error: ${String(error)}\n`);
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
