/**
 * A proxy on 127.0.0.1 in front of the pack server (`packs serve`), for the sync e2e tests: it logs every
 * request with the status it got, and injects the faults a real source can have: an HTTP error for one
 * path, or a file that stalls half-way until the test releases it (a worker stopped mid-import).
 */
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  path: string;
  status: number;
  /** The request's If-None-Match header, if any. */
  ifNoneMatch: string | null;
}

export interface FaultProxy {
  /** The proxy's base URL, ending in `/`. */
  url: string;
  requests: ProxiedRequest[];
  /** Answers the next request for `path` with `status` instead of forwarding it. */
  failOnce(path: string, status: number): void;
  /** The next response for `path` sends its headers and half its body, then waits for `release()`. */
  stallOnce(path: string): { started: Promise<void>; release: () => void };
  close(): Promise<void>;
}

interface Stall {
  started: () => void;
  released: Promise<void>;
}

function forward(upstream: URL, req: IncomingMessage): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: upstream.host };
    const out = request(new URL(req.url ?? '/', upstream), { method: req.method, headers }, resolve);
    out.on('error', reject);
    out.end();
  });
}

/** Forwards everything to `upstream` (the pack server's URL) unless a fault is set for the path. */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const base = new URL(upstream);
  const requests: ProxiedRequest[] = [];
  const failures = new Map<string, number>();
  const stalls = new Map<string, Stall>();
  const sockets = new Set<import('node:net').Socket>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', base).pathname;
    const ifNoneMatch = (req.headers['if-none-match'] as string | undefined) ?? null;
    const failure = failures.get(path);
    if (failure !== undefined) {
      failures.delete(path);
      requests.push({ path, status: failure, ifNoneMatch });
      res.writeHead(failure, { 'Access-Control-Allow-Origin': '*' }).end('injected fault\n');
      return;
    }
    const answer = await forward(base, req);
    const status = answer.statusCode ?? 502;
    requests.push({ path, status, ifNoneMatch });
    const stall = stalls.get(path);
    res.writeHead(status, answer.headers);
    if (!stall || status !== 200) {
      answer.pipe(res);
      return;
    }
    stalls.delete(path);
    const chunks: Buffer[] = [];
    for await (const chunk of answer) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    res.write(body.subarray(0, Math.floor(body.length / 2)));
    stall.started();
    await stall.released;
    // The connection is cut: the client sees a body shorter than declared.
    res.destroy();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${base.pathname}`,
    requests,
    failOnce: (path, status) => failures.set(path, status),
    stallOnce(path) {
      let started: () => void = () => undefined;
      let release: () => void = () => undefined;
      const startedPromise = new Promise<void>((resolve) => {
        started = resolve;
      });
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      stalls.set(path, { started, released });
      return { started: startedPromise, release };
    },
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
