/**
 * The sync engine on the real Dexie schema (fake-indexeddb): a full sync, a delta staged on the active
 * install, tombstones deleting rows, and every failure, including one half-way through a stage, leaving
 * the active pack exactly as it was.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PackManifest, PackRecord } from '../../core/model';
import type { SyncManifest } from '../../core/sync/pack-store';
import { syncSource } from '../../core/sync/sync-engine';
import { BackstoryDB } from '../../storage/db';
import { lookupKeys } from '../../storage/lookup';
import { collectGarbage, importPack } from '../../storage/pack-import';
import { SyncPackStore } from '../../storage/sync-pack-store';
import { BASE, FakeHttp } from './support/fake-http';
import { buildSource, person, tombstone } from './support/sync-source-fixture';

const FILLER = Array.from({ length: 30 }, (_, i) =>
  person(`fill:${String(i).padStart(2, '0')}`, `Filler ${i}`),
);
const V1 = [person('ex:a', 'Ada Example'), person('ex:c', 'Cy Example'), ...FILLER];
const V2 = [person('ex:a', 'Ada Example', 'changed in v2'), person('ex:d', 'Di Example'), ...FILLER];
const V1_TO_V2 = [
  person('ex:a', 'Ada Example', 'changed in v2'),
  person('ex:d', 'Di Example'),
  tombstone('ex:c'),
];

const opened: BackstoryDB[] = [];
function newDb(): BackstoryDB {
  const db = new BackstoryDB(`sync-store-${Math.random()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const db of dbs) await BackstoryDB.delete(db.name);
});

function manifest(version: string, delta?: string): SyncManifest {
  return {
    formatVersion: 2,
    id: 'test',
    version,
    created: '2026-01-02',
    title: 'Test pack test',
    sources: [{ name: 'fictional test records', licence: 'CC0-1.0' }],
    files: [],
    ...(delta ? { delta: { from: delta } } : {}),
  };
}

async function installV1(db: BackstoryDB) {
  const { delta: _d, ...plain } = manifest('v1');
  await importPack(db, plain as PackManifest, V1);
}

/** What a reader sees: the pack row and the description of every named entity, by id. */
async function visible(db: BackstoryDB) {
  const pack = await db.packs.get('test');
  const found = await lookupKeys(db, ['ada example', 'cy example', 'di example'], '2026-01-02');
  const described = Object.fromEntries(
    Object.entries(found.entities).map(([id, ctx]) => [id, ctx.entity.description ?? null]),
  );
  return { version: pack?.version ?? null, entities: pack?.entities ?? null, described };
}

/** The records one by one; at `stopAt` they fail, or never come (`hang`, a worker stopped mid-import). */
async function* records(list: readonly PackRecord[], stopAt?: number, hang = false) {
  for (const [i, record] of list.entries()) {
    if (i === stopAt) {
      if (hang) await new Promise(() => undefined);
      throw new Error('the worker went away');
    }
    yield record;
  }
}

function setup(db: BackstoryDB, options: { batchSize?: number } = {}) {
  const source = buildSource('test', { version: 'v2', records: V2 }, [
    { from: 'v1', version: 'v2', records: V1_TO_V2 },
  ]);
  const http = new FakeHttp(source.files);
  const store = new SyncPackStore(db, options);
  return { source, http, store, deps: { fetch: http.fetch, isOnline: () => true, store } };
}

describe('SyncPackStore', () => {
  it("reports the installed version's creation date, which sync compares to refuse a rollback", async () => {
    const db = newDb();
    const { deps, store } = setup(db);
    expect(await store.installedCreated('test')).toBeNull();
    await syncSource({ url: BASE }, deps);
    expect(await store.installedCreated('test')).toBe('2026-01-02');
    const older = buildSource('test', { version: 'v0', records: V2, created: '2025-06-01' });
    const http = new FakeHttp(older.files);
    const result = await syncSource({ url: BASE }, { ...deps, fetch: http.fetch });
    expect(result).toMatchObject({ status: 'failed', error: { file: 'full/v0/manifest.json' } });
    expect((await visible(db)).version).toBe('v2');
  });

  it('installs a full pack from a source into an empty database', async () => {
    const db = newDb();
    const { deps } = setup(db);
    const result = await syncSource({ url: BASE }, deps);
    expect(result).toMatchObject({ status: 'updated', version: 'v2', kind: 'full', records: V2.length });
    expect(await visible(db)).toEqual({
      version: 'v2',
      entities: V2.length,
      described: { 'ex:a': 'changed in v2', 'ex:d': null },
    });
  });

  it('stages a delta on the active install: upserts replace, tombstones delete, the rest stays', async () => {
    const db = newDb();
    await installV1(db);
    const { http, deps } = setup(db);
    const result = await syncSource({ url: BASE }, deps);
    expect(result).toMatchObject({ status: 'updated', from: 'v1', version: 'v2', kind: 'deltas' });
    expect(http.paths).not.toContain('full/v2/records.ndjson');
    expect(await visible(db)).toEqual({
      version: 'v2',
      entities: V2.length,
      described: { 'ex:a': 'changed in v2', 'ex:d': null },
    });
    expect(result.status === 'updated' && result.records).toBe(V2.length);
    // The replaced install is collected: only the new one holds rows.
    expect(await db.installs.toArray()).toHaveLength(1);
  });

  it('rolls back a sync whose file is corrupt: the active pack and its rows stay as they were', async () => {
    const db = newDb();
    await installV1(db);
    const before = await visible(db);
    const { source, http, deps } = setup(db);
    const body = source.files.get('deltas/v1--v2/records.ndjson');
    http.files.set('deltas/v1--v2/records.ndjson', body?.slice(0, -10) ?? new Uint8Array());
    const result = await syncSource({ url: BASE }, deps);
    expect(result).toMatchObject({
      status: 'failed',
      error: { source: BASE, file: 'deltas/v1--v2/records.ndjson' },
    });
    expect(await visible(db)).toEqual(before);
    expect((await db.installs.toArray()).map((i) => i.version)).toEqual(['v1']);
  });

  it('rolls back a full pack with an invalid record in the middle, after rows were written', async () => {
    const db = newDb();
    await installV1(db);
    const before = await visible(db);
    // The index pins the bad file's own sha256: the fault is the record, not the bytes.
    const bad = [...V2.slice(0, 10), { ...person('ex:x', 'X'), sources: [] }, ...V2.slice(10)];
    const http = new FakeHttp(buildSource('test', { version: 'v2', records: bad as PackRecord[] }).files);
    const store = new SyncPackStore(db, { batchSize: 4 });
    const result = await syncSource({ url: BASE }, { fetch: http.fetch, isOnline: () => true, store });
    expect(result).toMatchObject({
      status: 'failed',
      error: { file: 'full/v2/records.ndjson', line: 11 },
    });
    expect(await visible(db)).toEqual(before);
    expect((await db.installs.toArray()).map((i) => i.version)).toEqual(['v1']);
  });

  it('leaves the active pack unchanged when a stage fails half-way, and discards what it wrote', async () => {
    const db = newDb();
    await installV1(db);
    const before = await visible(db);
    const store = new SyncPackStore(db, { batchSize: 5 });
    const written: number[] = [];
    await expect(
      store.stage('test', 'v2', manifest('v2'), records(V2, 20), (n) => written.push(n)),
    ).rejects.toThrow('the worker went away');
    expect(written.at(-1)).toBeGreaterThanOrEqual(10);
    expect(await visible(db)).toEqual(before);
    expect((await db.installs.toArray()).map((i) => i.version)).toEqual(['v1']);
  });

  it('refuses to activate a delta whose base was replaced after staging, and keeps the newer pack', async () => {
    const db = newDb();
    await installV1(db);
    const store = new SyncPackStore(db);
    const handle = await store.stage('test', 'v2', manifest('v2', 'v1'), records(V1_TO_V2), () => undefined);
    // Another install of the pack lands meanwhile (the bundled starter pack, say).
    const { delta: _d, ...other } = manifest('v1b');
    await importPack(db, other as PackManifest, [person('ex:z', 'Zed Example')]);
    await expect(store.activate(handle)).rejects.toThrow('no longer installed');
    await store.discard(handle);
    expect((await db.packs.get('test'))?.version).toBe('v1b');
    expect((await db.installs.toArray()).map((i) => i.version)).toEqual(['v1b']);
  });

  it('refuses to stage a delta for a version that is not the active one', async () => {
    const db = newDb();
    await installV1(db);
    const store = new SyncPackStore(db);
    await expect(
      store.stage('test', 'v3', manifest('v3', 'v2'), records(V1_TO_V2), () => undefined),
    ).rejects.toThrow('applies to version v2, not v1');
    expect((await db.installs.toArray()).map((i) => i.version)).toEqual(['v1']);
  });

  it('leaves a stage cut off by a stopped worker invisible until garbage collection removes it', async () => {
    const db = newDb();
    await installV1(db);
    const before = await visible(db);
    const store = new SyncPackStore(db, { batchSize: 5 });
    let reached: () => void = () => undefined;
    const tenWritten = new Promise<void>((resolve) => {
      reached = resolve;
    });
    void store.stage('test', 'v2', manifest('v2'), records(V2, 20, true), (n) => n >= 10 && reached());
    await tenWritten;
    expect(await db.entityRows.count()).toBeGreaterThanOrEqual(V1.length + 10);
    expect(await visible(db)).toEqual(before);
    // A new worker, with a new database connection, stages nothing: it collects the half-written rows.
    db.close();
    const reopened = new BackstoryDB(db.name);
    opened.push(reopened);
    await collectGarbage(reopened);
    expect(await visible(reopened)).toEqual(before);
    expect(await reopened.entityRows.count()).toBe(V1.length);
  });
});
