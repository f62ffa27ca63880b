/**
 * `packs serve DIR [--port N]`: a pack folder (or a whole sync source: index.json, its signature, full
 * packs and deltas) over HTTP on 127.0.0.1, for development and the sync tests. Each file carries a strong
 * ETag (its sha256) and Last-Modified, a matching If-None-Match (or, without one, an If-Modified-Since not
 * older than the file) gets a 304, and every response allows any origin, so the extension can fetch it.
 * Files are hashed and streamed from disk on each request, so a rebuilt pack is served at once.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

export interface PackServer {
  /** The folder's URL, e.g. `http://127.0.0.1:8787/`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.ndjson': 'application/x-ndjson; charset=utf-8',
  '.sig': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

interface FileInfo {
  path: string;
  etag: string;
  lastModified: string;
  bytes: number;
}

/** ETags by path, size and mtime: a pack file is hashed once until it changes on disk. */
const etags = new Map<string, string>();

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return `"${hash.digest('hex')}"`;
}

async function fileFor(root: string, pathname: string): Promise<FileInfo | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const path = resolve(root, `.${normalize(`/${decoded}`)}`);
  // Nothing outside the folder, whatever the request path says.
  if (!path.startsWith(root + sep)) return null;
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return null;
  const key = `${path}\0${info.size}\0${info.mtimeMs}`;
  const etag = etags.get(key) ?? (await hashFile(path));
  etags.set(key, etag);
  // HTTP dates have whole seconds; a file is "modified since" only after the next second starts.
  const lastModified = new Date(Math.floor(info.mtimeMs / 1000) * 1000).toUTCString();
  return { path, etag, lastModified, bytes: info.size };
}

/** RFC 9110 §13.1.2/§13.1.3: If-None-Match wins; If-Modified-Since counts only without it. */
function notModified(req: IncomingMessage, file: FileInfo): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined)
    return inm.split(',').some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === file.etag);
  const ims = req.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && Date.parse(file.lastModified) <= since;
}

async function answer(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const common = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache' };
  if (req.method === 'OPTIONS') {
    res
      .writeHead(204, { ...common, 'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since' })
      .end();
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...common, Allow: 'GET, HEAD' }).end();
    return;
  }
  const file = await fileFor(root, new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  if (!file) {
    res.writeHead(404, { ...common, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  const validators = { ETag: file.etag, 'Last-Modified': file.lastModified };
  if (notModified(req, file)) {
    res.writeHead(304, { ...common, ...validators }).end();
    return;
  }
  res.writeHead(200, {
    ...common,
    ...validators,
    'Content-Type': TYPES[extname(file.path)] ?? 'application/octet-stream',
    'Content-Length': String(file.bytes),
  });
  if (req.method === 'HEAD') res.end();
  // A read error mid-file ends the connection, so the client sees a short body, not a complete one.
  else
    createReadStream(file.path)
      .on('error', () => res.destroy())
      .pipe(res);
}

/** Serves `dir` on 127.0.0.1 (`port` 0 picks a free one). Resolves once it listens. */
export async function startPackServer(dir: string, port = 0): Promise<PackServer> {
  const root = resolve(dir);
  if (!(await stat(root).catch(() => null))?.isDirectory()) throw new Error(`serve: ${dir} is not a folder`);
  const server = createServer((req, res) => {
    answer(root, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Internal error: ${String(error)}\n`);
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}/`,
    port: bound,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export function parseServeArgs(argv: readonly string[]): { dir: string; port: number } {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { port: { type: 'string' } },
    allowPositionals: true,
  });
  const [dir, ...extra] = positionals;
  if (!dir || extra.length > 0)
    throw new Error('serve: which folder? (npm run packs -- serve DIR [--port N])');
  const port = values.port === undefined ? 8787 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`serve: --port "${values.port}" is not a port`);
  return { dir, port };
}
