import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BackstoryDB,
  type EntityRow,
  type FigureRow,
  type InstallRow,
  type PackRow,
  type StatementRow,
} from '../../storage/db';
import { lookupKeys } from '../../storage/lookup';
import { openReleased } from './support/released-schemas';

const source = { url: 'https://www.wikidata.org/wiki/Q6383803' };
const KEY = 'starter@2026.06.27-31282cf7';

const entities: EntityRow[] = [
  {
    id: 'Q6383803',
    kind: 'person',
    name: 'Keir Starmer',
    aliases: ['Starmer'],
    roles: [{ title: 'Prime Minister', office: 'gb:prime-minister', from: '2024-07-05', source }],
    sources: [source],
    packId: KEY,
    aliasKeys: ['keir starmer', 'starmer'],
    offices: ['gb:prime-minister'],
  },
  {
    id: 'Q145',
    kind: 'place',
    name: 'United Kingdom',
    aliases: [],
    roles: [],
    sources: [source],
    packId: KEY,
    aliasKeys: ['united kingdom'],
    offices: [],
  },
];
const statements: StatementRow[] = [
  { id: 's1', speakerId: 'Q6383803', quote: 'Older.', date: '2024-01-01', source, topics: [], packId: KEY },
  { id: 's2', speakerId: 'Q6383803', quote: 'Newer.', date: '2025-01-01', source, topics: [], packId: KEY },
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
    packId: KEY,
  },
];
const packs: PackRow[] = [
  {
    id: 'starter',
    title: 'Starter',
    version: '2026.06.27',
    created: '2026-06-27',
    installedAt: '2026-06-28T00:00:00.000Z',
    entities: 2,
    statements: 2,
    figures: 1,
    tombstones: 0,
    aliases: 3,
    installKey: KEY,
    sources: [{ name: 'fixture', licence: 'CC0-1.0' }],
  },
];
const installs: InstallRow[] = [
  { key: KEY, packId: 'starter', version: '2026.06.27', startedAt: '2026-06-28T00:00:00.000Z' },
];

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('database schema upgrade to version 4 (user tables)', () => {
  it('keeps every v3 record and adds empty notes and captured-quote tables', async () => {
    const name = `migration-v4-${Math.random()}`;
    names.push(name);
    const v3 = openReleased(name, 3);
    await v3.table('packs').bulkPut(packs);
    await v3.table('installs').bulkPut(installs);
    await v3.table('entityRows').bulkPut(entities);
    await v3.table('statementRows').bulkPut(statements);
    await v3.table('figureRows').bulkPut(figures);
    expect(v3.verno).toBe(3);
    v3.close();

    const db = new BackstoryDB(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.packs.toArray()).toEqual(packs);
    expect(await db.installs.toArray()).toEqual(installs);
    expect(await db.entityRows.toArray()).toEqual([entities[1], entities[0]]);
    expect(await db.statementRows.toArray()).toEqual(statements);
    expect(await db.figureRows.toArray()).toEqual(figures);
    expect(await db.notes.count()).toBe(0);
    expect(await db.capturedQuotes.count()).toBe(0);

    const found = await lookupKeys(db, ['starmer'], '2025-02-26');
    expect(found.matches).toEqual({ starmer: ['Q6383803'] });
    expect(found.entities.Q6383803?.statements.map((s) => s.id)).toEqual(['s2', 's1']);

    // The new tables answer on their indexes.
    await db.capturedQuotes.put({
      id: 'reading:1',
      speakerId: 'Q6383803',
      speakerName: 'Keir Starmer',
      text: 'Words.',
      date: '2025-02-26',
      url: 'https://example.org/a',
      publisher: 'Example',
      title: 'A',
      capturedAt: '2025-02-26T10:00:00.000Z',
    });
    expect(await db.capturedQuotes.where('speakerId').equals('Q6383803').count()).toBe(1);
    expect(await db.capturedQuotes.where('url').equals('https://example.org/a').count()).toBe(1);
    db.close();
  });
});
