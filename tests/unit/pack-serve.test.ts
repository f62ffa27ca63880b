/** `packs serve`: a pack folder over HTTP on 127.0.0.1 with strong ETags, Last-Modified and 304s. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PackServer, parseServeArgs, startPackServer } from '../../scripts/lib/cli/serve';

const tmp = mkdtempSync(join(tmpdir(), 'backstory-serve-'));
const body = '{"formatVersion":1}\n';
let server: PackServer;

beforeAll(async () => {
  mkdirSync(join(tmp, 'site', 'full', 'v1'), { recursive: true });
  writeFileSync(join(tmp, 'site', 'index.json'), body);
  writeFileSync(join(tmp, 'site', 'full', 'v1', 'records.ndjson'), '{}\n');
  writeFileSync(join(tmp, 'secret.txt'), 'outside the served folder');
  utimesSync(
    join(tmp, 'site', 'index.json'),
    new Date('2026-01-02T03:04:05Z'),
    new Date('2026-01-02T03:04:05Z'),
  );
  server = await startPackServer(join(tmp, 'site'), 0);
});
afterAll(async () => {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('packs serve', () => {
  it('listens on 127.0.0.1 on the port it was given (0: a free one)', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves a file with its sha256 as a strong ETag, Last-Modified and CORS open to any origin', async () => {
    const response = await fetch(`${server.url}index.json`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(body);
    expect(response.headers.get('ETag')).toBe(`"${createHash('sha256').update(body).digest('hex')}"`);
    expect(response.headers.get('Last-Modified')).toBe('Fri, 02 Jan 2026 03:04:05 GMT');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
  });

  it('answers 304 with no body to a matching If-None-Match', async () => {
    const etag = (await fetch(`${server.url}index.json`)).headers.get('ETag') ?? '';
    const response = await fetch(`${server.url}index.json`, { headers: { 'If-None-Match': etag } });
    expect(response.status).toBe(304);
    expect(response.headers.get('ETag')).toBe(etag);
    expect(await response.text()).toBe('');
  });

  it('answers 200 to a stale If-None-Match, even when If-Modified-Since is current', async () => {
    const response = await fetch(`${server.url}index.json`, {
      headers: { 'If-None-Match': '"old"', 'If-Modified-Since': 'Sat, 03 Jan 2026 00:00:00 GMT' },
    });
    expect(response.status).toBe(200);
  });

  it('answers If-Modified-Since alone by the file time', async () => {
    const at = (date: string) => fetch(`${server.url}index.json`, { headers: { 'If-Modified-Since': date } });
    expect((await at('Fri, 02 Jan 2026 03:04:05 GMT')).status).toBe(304);
    expect((await at('Fri, 02 Jan 2026 03:04:04 GMT')).status).toBe(200);
  });

  it('serves a changed file with a new ETag without a restart', async () => {
    const path = join(tmp, 'site', 'full', 'v1', 'records.ndjson');
    const first = (await fetch(`${server.url}full/v1/records.ndjson`)).headers.get('ETag');
    writeFileSync(path, '{"changed":true}\n');
    const second = await fetch(`${server.url}full/v1/records.ndjson`);
    expect(second.headers.get('ETag')).not.toBe(first);
    expect(await second.text()).toBe('{"changed":true}\n');
  });

  it('never serves outside the folder, and 404s what is missing', async () => {
    for (const path of [
      '../secret.txt',
      '%2e%2e/secret.txt',
      'full/../../secret.txt',
      'missing.json',
      'full/',
    ]) {
      const response = await fetch(`${server.url}${path}`);
      expect([path, response.status]).toEqual([path, 404]);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await fetch(`${server.url}index.json`, { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await fetch(`${server.url}index.json`, { method: 'HEAD' });
    expect([head.status, head.headers.get('Content-Length')]).toEqual([200, String(body.length)]);
  });
});

describe('parseServeArgs', () => {
  it('takes a folder and a port, 8787 by default', () => {
    expect(parseServeArgs(['dist/source'])).toEqual({ dir: 'dist/source', port: 8787 });
    expect(parseServeArgs(['dist/source', '--port', '0'])).toEqual({ dir: 'dist/source', port: 0 });
  });

  it('refuses a missing folder and a bad port', () => {
    expect(() => parseServeArgs([])).toThrow('serve: which folder?');
    expect(() => parseServeArgs(['d', '--port', 'http'])).toThrow('serve: --port "http" is not a port');
  });
});
