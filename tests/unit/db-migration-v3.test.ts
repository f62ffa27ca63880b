import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { PackManifest } from '../../core/model';
import { BackstoryDB, type EntityRow, type FigureRow, type StatementRow } from '../../storage/db';
import { lookupKeys, lookupOfficeHolders } from '../../storage/lookup';
import { collectGarbage, importPack } from '../../storage/pack-import';
import { readDbStatus } from '../../storage/status';
import { openReleased } from './support/released-schemas';

const source = { dataset: 'test fixture', record: 'r1' };

const entities: EntityRow[] = [
  {
    id: 'Q1',
    kind: 'person',
    name: 'Keir Starmer',
    aliases: ['Starmer'],
    roles: [{ title: 'Prime Minister', office: 'gb:prime-minister', from: '2024-07-05', source }],
    sources: [source],
    packId: 'starter',
    aliasKeys: ['keir starmer', 'starmer'],
    offices: ['gb:prime-minister'],
  },
  {
    id: 'Q2',
    kind: 'person',
    name: 'Volodymyr Zelensky',
    aliases: [],
    roles: [],
    sources: [source],
    packId: 'starter',
    aliasKeys: ['volodymyr zelensky'],
    offices: [],
  },
  {
    id: 'Q3',
    kind: 'organization',
    name: 'Other Pack Org',
    aliases: [],
    roles: [],
    sources: [source],
    packId: 'other',
    aliasKeys: ['other pack org'],
    offices: [],
  },
];
const statements: StatementRow[] = [
  { id: 's1', speakerId: 'Q1', quote: 'Older.', date: '2024-01-01', source, topics: [], packId: 'starter' },
  { id: 's2', speakerId: 'Q1', quote: 'Newer.', date: '2025-01-01', source, topics: [], packId: 'starter' },
];
const figures: FigureRow[] = [
  {
    id: 'fig:Q145:P1082:2016',
    measure: 'Population of United Kingdom',
    subjectId: 'Q145',
    value: 65102385,
    unit: 'people',
    period: '2016',
    source,
    packId: 'starter',
  },
];
const packRow = (id: string, n: number) => ({
  id,
  title: `Pack ${id}`,
  version: '2025.01',
  created: '2025-01-01',
  installedAt: '2025-01-02T00:00:00.000Z',
  entities: n,
  statements: id === 'starter' ? 2 : 0,
  figures: id === 'starter' ? 1 : 0,
  tombstones: 0,
  sources: [{ name: 'fixture', licence: 'CC0-1.0' }],
});

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function upgradedV2(): Promise<BackstoryDB> {
  const name = `migration-v3-${Math.random()}`;
  names.push(name);
  const v2 = openReleased(name, 2);
  await v2.table('entities').bulkPut(entities);
  await v2.table('statements').bulkPut(statements);
  await v2.table('figures').bulkPut(figures);
  await v2.table('packs').bulkPut([packRow('starter', 2), packRow('other', 1)]);
  v2.close();
  const db = new BackstoryDB(name);
  await db.open();
  return db;
}

describe('database schema upgrade to version 3 (install keys)', () => {
  it('moves every v2 row to the install-keyed stores unchanged and keeps it visible', async () => {
    const db = await upgradedV2();
    // The class opens the newest version; v4 only adds the user's tables beside the v3 stores.
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'capturedQuotes',
      'entityRows',
      'figureRows',
      'installs',
      'notes',
      'packs',
      'statementRows',
    ]);
    expect(await db.entityRows.toArray()).toEqual([entities[2], entities[0], entities[1]]);
    expect(await db.statementRows.toArray()).toEqual(statements);
    expect(await db.figureRows.toArray()).toEqual(figures);
    expect(await db.packs.get('starter')).toEqual({
      ...packRow('starter', 2),
      installKey: 'starter',
      aliases: 3,
    });
    expect(await db.packs.get('other')).toEqual({ ...packRow('other', 1), installKey: 'other', aliases: 1 });
    expect(await db.installs.toArray()).toEqual([
      { key: 'other', packId: 'other', version: '2025.01', startedAt: '2025-01-02T00:00:00.000Z' },
      { key: 'starter', packId: 'starter', version: '2025.01', startedAt: '2025-01-02T00:00:00.000Z' },
    ]);

    const found = await lookupKeys(db, ['starmer', 'volodymyr zelensky', 'other pack org'], '2025-02-26');
    expect(found.matches).toEqual({
      starmer: ['Q1'],
      'volodymyr zelensky': ['Q2'],
      'other pack org': ['Q3'],
    });
    expect(found.entities.Q1?.statements.map((s) => s.id)).toEqual(['s2', 's1']);
    const holders = await lookupOfficeHolders(db, ['gb:prime-minister'], '2025-02-26');
    expect(holders.officeHolders).toEqual({ 'gb:prime-minister': 'Q1' });
    expect(await readDbStatus(db)).toMatchObject({ entities: 3, statements: 2, aliases: 4 });
    expect(await collectGarbage(db)).toEqual([]);
    db.close();
  });

  it('replaces the upgraded starter rows with the next version and collects them', async () => {
    const db = await upgradedV2();
    const manifest: PackManifest = {
      formatVersion: 2,
      id: 'starter',
      version: '2026.01',
      created: '2026-01-01',
      title: 'Starter',
      sources: [{ name: 'fixture', licence: 'CC0-1.0' }],
      files: [],
    };
    const result = await importPack(db, manifest, [
      {
        type: 'entity',
        id: 'Q1',
        kind: 'person',
        name: 'Keir Starmer',
        aliases: [],
        roles: [],
        sources: [source],
      },
    ]);
    expect(result).toMatchObject({ key: 'starter@2026.01', retired: 'starter' });
    expect((await db.entityRows.toArray()).map((r) => [r.packId, r.id])).toEqual([
      ['other', 'Q3'],
      ['starter@2026.01', 'Q1'],
    ]);
    expect(await db.statementRows.count()).toBe(0);
    expect(await db.figureRows.count()).toBe(0);
    expect((await lookupKeys(db, ['other pack org'], '2025-02-26')).matches).toEqual({
      'other pack org': ['Q3'],
    });
    db.close();
  });
});
