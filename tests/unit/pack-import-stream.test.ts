import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PackManifest, PackRecord } from '../../core/model';
import { PackValidationError } from '../../core/pack/pack-schema';
import { normaliseName } from '../../core/text/normalise';
import { BackstoryDB } from '../../storage/db';
import { lookupKeys } from '../../storage/lookup';
import { importPack, openPack, type StageProgress } from '../../storage/pack-import';
import { readDbStatus } from '../../storage/status';

const source = { dataset: 'test fixture', record: 'r1' };
const BASE = 'https://packs.test/p/';

function person(n: number, name = `Synthperson ${n} Testfield`): PackRecord {
  return {
    type: 'entity',
    id: `T${n}`,
    kind: 'person',
    name,
    aliases: [`Testfield ${n}`],
    roles: [],
    sources: [source],
  };
}

function ndjson(records: readonly (PackRecord | string)[]): Uint8Array {
  const lines = records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r)));
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/** A served pack: its manifest describes `body` (or `declared` when given, to simulate a mismatch). */
function servedPack(
  version: string,
  body: Uint8Array,
  records: number,
  declared?: Partial<PackManifest['files'][0]>,
) {
  const manifest: PackManifest = {
    formatVersion: 2,
    id: 'stream',
    version,
    created: '2025-01-01',
    title: 'Streamed pack',
    sources: [{ name: 'fixture', licence: 'CC0-1.0' }],
    files: [
      {
        path: 'records.ndjson',
        sha256: createHash('sha256').update(body).digest('hex'),
        bytes: body.byteLength,
        records,
        ...declared,
      },
    ],
  };
  return { manifest, body };
}

/** A fetch that serves the pack, its body in `chunk`-byte pieces (cutting lines and characters). */
function fetchFor(pack: { manifest: PackManifest; body: Uint8Array }, chunk = 4096) {
  return async (url: string): Promise<Response> => {
    if (url === `${BASE}manifest.json`) return new Response(JSON.stringify(pack.manifest));
    if (url !== `${BASE}records.ndjson`) return new Response('missing', { status: 404 });
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= pack.body.byteLength) return controller.close();
        controller.enqueue(pack.body.slice(offset, offset + chunk));
        offset += chunk;
      },
    });
    return new Response(stream);
  };
}

async function importServed(db: BackstoryDB, pack: ReturnType<typeof servedPack>, chunk?: number) {
  const stream = await openPack(BASE, fetchFor(pack, chunk));
  const progress: StageProgress[] = [];
  const result = await importPack(db, stream.manifest, stream.records(), {
    batchSize: 2500,
    onProgress: (p) => progress.push(p),
  });
  return { result, progress };
}

const dbs: BackstoryDB[] = [];
function newDb(): BackstoryDB {
  const db = new BackstoryDB(`stream-${Math.random()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const people = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => person(i + offset));

describe('streaming pack import', () => {
  it('streams a multi-batch pack from fetch into the database, reporting progress after each batch', async () => {
    const db = newDb();
    const records = people(12_000);
    const { result, progress } = await importServed(db, servedPack('1', ndjson(records), records.length));
    expect(progress.map((p) => p.done)).toEqual([2500, 5000, 7500, 10_000, 12_000]);
    expect(progress.every((p) => p.total === 12_000 && p.packId === 'stream')).toBe(true);
    expect(result.counts).toEqual({ entities: 12_000, statements: 0, figures: 0, aliases: 24_000 });
    expect(await db.entityRows.count()).toBe(12_000);
    const { matches } = await lookupKeys(db, ['synthperson 11999 testfield', 'testfield 7'], '2025-01-01');
    expect(matches).toEqual({ 'synthperson 11999 testfield': ['T11999'], 'testfield 7': ['T7'] });
    expect(await readDbStatus(db)).toMatchObject({ entities: 12_000, aliases: 24_000 });
  });

  it('joins lines and multi-byte characters cut across network chunks', async () => {
    const db = newDb();
    const names = ['Zoë Ñandú-Testfield', 'Łukasz Ōtani Testfield'];
    await importServed(db, servedPack('1', ndjson(names.map((name, i) => person(i, name))), 2), 3);
    const { matches } = await lookupKeys(db, names.map(normaliseName), '2025-01-01');
    expect(matches).toEqual({ 'zoe nandu-testfield': ['T0'], 'łukasz otani testfield': ['T1'] });
  });

  it('rejects a bad line in the middle naming file and line, and leaves the active version untouched', async () => {
    const db = newDb();
    const v1 = people(3000);
    await importServed(db, servedPack('1', ndjson(v1), v1.length));
    const v2 = [
      ...people(6000, 10_000).slice(0, 5000),
      '{"type":"entity","id":"broken"}',
      ...people(10, 20_000),
    ];
    const error = await importServed(db, servedPack('2', ndjson(v2), v2.length)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackValidationError);
    expect(String(error)).toMatch(/^PackValidationError: records\.ndjson:5001: /);
    expect(await db.entityRows.count()).toBe(3000);
    expect((await db.installs.toArray()).map((i) => i.key)).toEqual(['stream@1']);
    expect((await lookupKeys(db, ['testfield 10001'], '2025-01-01')).matches).toEqual({});
    expect((await lookupKeys(db, ['testfield 2999'], '2025-01-01')).matches).toEqual({
      'testfield 2999': ['T2999'],
    });
  });

  it('rejects a file whose sha256 differs from the manifest once it has streamed, keeping nothing of it', async () => {
    const db = newDb();
    const records = people(6000);
    const pack = servedPack('1', ndjson(records), records.length, { sha256: '0'.repeat(64) });
    await expect(importServed(db, pack)).rejects.toThrow('records.ndjson: sha256 mismatch');
    expect(await db.entityRows.count()).toBe(0);
    expect(await db.installs.count()).toBe(0);
    expect(await db.packs.count()).toBe(0);
  });

  it('refuses a body longer than the manifest declares at the chunk that overflows it', async () => {
    const db = newDb();
    const body = ndjson(people(100));
    const pack = servedPack('1', body, 100, { bytes: body.byteLength - 10 });
    await expect(importServed(db, pack)).rejects.toThrow(/records\.ndjson: size differs from manifest/);
    expect(await db.entityRows.count()).toBe(0);
  });
});
