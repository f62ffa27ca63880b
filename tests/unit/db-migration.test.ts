import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { PackManifest, PackRecord } from '../../core/model';
import { BackstoryDB } from '../../storage/db';
import { importPack } from '../../storage/pack-import';
import { openReleased } from './support/released-schemas';

const source = { dataset: 'test fixture', record: 'r1' };

const manifest: PackManifest = {
  formatVersion: 2,
  id: 'p2',
  version: '2',
  created: '2025-01-01',
  title: 'Pack with figures',
  sources: [{ name: 'fixture', licence: 'CC0-1.0' }],
  files: [],
};

const names: string[] = [];
function dbName(): string {
  const name = `migration-${Math.random()}`;
  names.push(name);
  return name;
}

afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('database schema upgrade', () => {
  it('opens a version 1 database with data at the current version and loses nothing', async () => {
    const name = dbName();
    const v1 = openReleased(name, 1);
    await v1.table('entities').put({
      id: 'Q1',
      kind: 'person',
      name: 'Keir Starmer',
      aliases: ['Starmer'],
      roles: [],
      sources: [source],
      packId: 'starter',
      aliasKeys: ['keir starmer', 'starmer'],
      offices: [],
    });
    await v1.table('statements').put({
      id: 's1',
      speakerId: 'Q1',
      quote: 'Words.',
      date: '2025-02-26',
      source,
      topics: [],
      packId: 'starter',
    });
    await v1.table('packs').put({ id: 'starter', title: 'Starter', version: '1', created: '2025-01-01' });
    v1.close();

    const db = new BackstoryDB(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.entityRows.where('aliasKeys').equals('starmer').primaryKeys()).toEqual([
      ['starter', 'Q1'],
    ]);
    expect((await db.statementRows.get(['starter', 's1']))?.quote).toBe('Words.');
    expect((await db.packs.get('starter'))?.version).toBe('1');
    expect(await db.figureRows.count()).toBe(0);
    db.close();
  });
});

describe('pack import of figures and tombstones', () => {
  const figure: PackRecord = {
    type: 'figure',
    id: 'fig:Q145:P1082:2016',
    measure: 'Population of United Kingdom',
    subjectId: 'Q145',
    value: 65102385,
    unit: 'people',
    period: '2016',
    source: { url: 'https://www.wikidata.org/wiki/Q145' },
  };

  it('stores reference figures by subject and counts them on the pack row', async () => {
    const db = new BackstoryDB(dbName());
    await importPack(db, manifest, [figure]);
    expect(await db.figureRows.where('subjectId').equals('Q145').count()).toBe(1);
    expect((await db.packs.get('p2'))?.figures).toBe(1);
    db.close();
  });

  it('withdraws the record a tombstone names, even from another pack', async () => {
    const db = new BackstoryDB(dbName());
    await importPack(db, { ...manifest, id: 'older' }, [
      {
        type: 'entity',
        id: 'Q9',
        kind: 'person',
        name: 'Old Record',
        aliases: [],
        roles: [],
        sources: [source],
      },
      figure,
    ]);
    await importPack(db, manifest, [
      {
        type: 'tombstone',
        id: 'Q9',
        target: 'entity',
        date: '2025-03-01',
        reason: 'duplicate of another entity',
        source,
      },
    ]);
    expect(await db.entityRows.get(['older@2', 'Q9'])).toBeUndefined();
    expect(await db.figureRows.get(['older@2', figure.id])).toBeDefined();
    expect((await db.packs.get('older'))?.entities).toBe(0);
    expect((await db.packs.get('p2'))?.tombstones).toBe(1);
    db.close();
  });
});
