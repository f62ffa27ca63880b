import { afterEach, describe, expect, it } from 'vitest';
import type { PackManifest, PackRecord } from '../../core/model';
import { BackstoryDB } from '../../storage/db';
import { lookupKeys } from '../../storage/lookup';
import {
  activatePack,
  collectGarbage,
  deletePack,
  discardStage,
  importPack,
  type StageProgress,
  stagePack,
} from '../../storage/pack-import';
import { readDbStatus } from '../../storage/status';

const source = { dataset: 'test fixture', record: 'r1' };
const DAY = '2025-01-01';

function person(id: string, name: string, aliases: string[] = []): PackRecord {
  return { type: 'entity', id, kind: 'person', name, aliases, roles: [], sources: [source] };
}

function statement(id: string, speakerId: string): PackRecord {
  return { type: 'statement', id, speakerId, quote: `Words ${id}.`, date: DAY, source, topics: [] };
}

function manifest(id: string, version: string): PackManifest {
  return {
    formatVersion: 2,
    id,
    version,
    created: DAY,
    title: `Pack ${id}`,
    sources: [{ name: 'fixture', licence: 'CC0-1.0' }],
    files: [],
  };
}

/** `count` synthetic people `P<offset+i>`, named "Testname <offset+i>". */
function people(count: number, offset = 0): PackRecord[] {
  return Array.from({ length: count }, (_, i) => person(`P${offset + i}`, `Testname ${offset + i}`));
}

/** A chunk source that yields `first`, then waits until `release()` before yielding `rest` (or failing). */
function gatedSource(first: PackRecord[], rest: PackRecord[]) {
  let open: (proceed: boolean) => void = () => undefined;
  const gate = new Promise<boolean>((resolve) => {
    open = resolve;
  });
  async function* chunks() {
    yield first;
    if (!(await gate)) throw new Error('worker killed');
    yield rest;
  }
  return { chunks: chunks(), release: () => open(true), kill: () => open(false) };
}

/** Resolves on the first progress report at or past `done` records. */
function progressReaching(done: number) {
  let reached: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    reached = resolve;
  });
  return { promise, onProgress: (p: StageProgress) => p.done >= done && reached() };
}

const found = async (db: BackstoryDB, key: string) => (await lookupKeys(db, [key], DAY)).matches[key] ?? [];

const opened: BackstoryDB[] = [];
function newDb(name = `install-${Math.random()}`): BackstoryDB {
  const db = new BackstoryDB(name);
  opened.push(db);
  return db;
}
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await BackstoryDB.delete(name);
});

describe('install keys', () => {
  it('shows only the old version while the new one is staged, and only the new one once activated', async () => {
    const db = newDb();
    await importPack(db, manifest('p', '1'), [person('Q1', 'Alpha Testname'), statement('s1', 'Q1')]);
    const source = gatedSource(people(3000), [person('Q1', 'Beta Testname'), statement('s2', 'Q1')]);
    const firstBatch = progressReaching(1000);
    const staging = stagePack(db, manifest('p', '2'), source.chunks, {
      batchSize: 1000,
      onProgress: firstBatch.onProgress,
    });
    await firstBatch.promise;
    expect(await found(db, 'testname 5')).toEqual([]);
    expect(await found(db, 'alpha testname')).toEqual(['Q1']);
    source.release();
    const staged = await staging;
    expect(await found(db, 'beta testname')).toEqual([]);
    expect((await lookupKeys(db, ['alpha testname'], DAY)).entities.Q1?.statements.map((s) => s.id)).toEqual([
      's1',
    ]);
    expect((await readDbStatus(db)).entities).toBe(1);

    const { retired } = await activatePack(db, staged);
    expect(retired).toBe('p@1');
    expect(await found(db, 'alpha testname')).toEqual([]);
    expect(await found(db, 'testname 5')).toEqual(['P5']);
    const beta = await lookupKeys(db, ['beta testname'], DAY);
    expect(beta.entities.Q1?.statements.map((s) => s.id)).toEqual(['s2']);
    expect(await readDbStatus(db)).toMatchObject({ entities: 3001, statements: 1, aliases: 3001 });
    expect(await collectGarbage(db)).toEqual(['p@1']);
    expect(await db.entityRows.count()).toBe(3001);
  });

  it('leaves nothing visible of a stage killed half-way, and start-up collection deletes its rows', async () => {
    const name = `install-${Math.random()}`;
    const db = newDb(name);
    await importPack(db, manifest('p', '1'), people(10));
    const source = gatedSource(people(2500, 100), people(2500, 2600));
    const halfWay = progressReaching(2000);
    const staging = stagePack(db, manifest('p', '2'), source.chunks, {
      batchSize: 1000,
      onProgress: halfWay.onProgress,
    });
    await halfWay.promise;
    db.close(); // the worker dies: nothing after this point runs in its context
    source.kill();
    await expect(staging).rejects.toThrow('worker killed');

    const restarted = newDb(name);
    expect(await restarted.entityRows.count()).toBeGreaterThanOrEqual(2010);
    expect(await found(restarted, 'testname 150')).toEqual([]);
    expect(await collectGarbage(restarted)).toEqual(['p@2']);
    expect(await restarted.entityRows.count()).toBe(10);
    expect((await restarted.installs.toArray()).map((i) => i.key)).toEqual(['p@1']);

    await importPack(restarted, manifest('p', '2'), people(20, 100));
    expect(await found(restarted, 'testname 110')).toEqual(['P110']);
    expect(await restarted.entityRows.count()).toBe(20);
  });

  it('spares a stage in progress in this context when collecting', async () => {
    const db = newDb();
    const staged = await stagePack(db, manifest('p', '1'), [people(5)]);
    expect(await collectGarbage(db)).toEqual([]);
    await activatePack(db, staged);
    expect(await found(db, 'testname 3')).toEqual(['P3']);
    const dropped = await stagePack(db, manifest('p', '2'), [people(5, 50)]);
    await discardStage(db, dropped.key);
    expect(await db.entityRows.count()).toBe(5);
    await expect(activatePack(db, dropped)).rejects.toThrow('p@2 is not a stage in progress');
  });

  it('stages a re-import of the same version under a fresh key and collects the old one', async () => {
    const db = newDb();
    await importPack(db, manifest('p', '1'), people(3));
    const again = await importPack(db, manifest('p', '1'), people(2));
    expect(again).toMatchObject({ key: 'p@1#2', retired: 'p@1' });
    expect(await db.entityRows.count()).toBe(2);
    expect((await db.installs.toArray()).map((i) => i.key)).toEqual(['p@1#2']);
  });

  it('deletes a pack: gone from lookups and status at once, then no rows or journal records are left', async () => {
    const db = newDb();
    await importPack(db, manifest('keep', '1'), [person('K1', 'Kept Testname')]);
    await importPack(db, manifest('p', '1'), [...people(2500), statement('s1', 'P1')], { batchSize: 1000 });
    expect(await deletePack(db, 'p')).toBe(true);
    expect(await found(db, 'testname 1')).toEqual([]);
    expect((await readDbStatus(db)).packs.map((p) => p.id)).toEqual(['keep']);
    expect(await db.entityRows.count()).toBe(1);
    expect(await db.statementRows.count()).toBe(0);
    expect((await db.installs.toArray()).map((i) => i.key)).toEqual(['keep@1']);
    expect(await collectGarbage(db)).toEqual([]);
    expect(await deletePack(db, 'p')).toBe(false);
  });
});

describe('tombstones', () => {
  const tombstone = (id: string, target: 'entity' | 'statement' | 'figure'): PackRecord => ({
    type: 'tombstone',
    id,
    target,
    date: DAY,
    reason: 'withdrawn in a test',
    source,
  });

  it('withdraw records of other packs at activation, not while staged, and adjust their counts', async () => {
    const db = newDb();
    await importPack(db, manifest('older', '1'), [
      person('Q9', 'Withdrawn Testname', ['Withdrawn']),
      person('Q8', 'Kept Testname'),
      statement('s9', 'Q8'),
    ]);
    const staged = await stagePack(db, manifest('fix', '1'), [
      [tombstone('Q9', 'entity'), tombstone('s9', 'statement'), person('F1', 'Fixer Testname')],
    ]);
    expect(await found(db, 'withdrawn')).toEqual(['Q9']);
    await activatePack(db, staged);
    expect(await found(db, 'withdrawn')).toEqual([]);
    expect(await found(db, 'kept testname')).toEqual(['Q8']);
    expect(await db.statementRows.count()).toBe(0);
    expect(await db.packs.get('older')).toMatchObject({ entities: 1, statements: 0, aliases: 1 });
    expect(await db.packs.get('fix')).toMatchObject({ entities: 1, tombstones: 2 });
    expect(await readDbStatus(db)).toMatchObject({ entities: 2, statements: 0, aliases: 2 });
  });
});

describe('delta stages', () => {
  it('start from the active install, replace and add records, and withdraw by tombstone, counts exact', async () => {
    const db = newDb();
    await importPack(db, manifest('p', '1'), [...people(2500), statement('s1', 'P1')], { batchSize: 1000 });
    const staged = await stagePack(
      db,
      manifest('p', '2'),
      [
        [
          person('P1', 'Renamed Testname', ['Another Alias']),
          person('N1', 'New Testname'),
          {
            type: 'tombstone',
            id: 'P2',
            target: 'entity',
            date: DAY,
            reason: 'withdrawn in a test',
            source,
          },
        ],
      ],
      { base: 'active', batchSize: 1000 },
    );
    expect(await found(db, 'renamed testname')).toEqual([]);
    await activatePack(db, staged);
    await collectGarbage(db);
    expect(await found(db, 'renamed testname')).toEqual(['P1']);
    expect(await found(db, 'testname 1')).toEqual([]);
    expect(await found(db, 'testname 2')).toEqual([]);
    expect(await found(db, 'testname 2499')).toEqual(['P2499']);
    expect(await found(db, 'new testname')).toEqual(['N1']);
    expect((await lookupKeys(db, ['renamed testname'], DAY)).entities.P1?.statementCount).toBe(1);
    expect(await db.packs.get('p')).toMatchObject({ entities: 2500, statements: 1, aliases: 2501 });
    expect(await db.entityRows.count()).toBe(2500);
  });
});
