import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Entity, PackManifest, PackRecord } from '../../core/model';
import { BackstoryDB } from '../../storage/db';
import { lookupKeys, lookupOfficeHolders } from '../../storage/lookup';
import { importPack } from '../../storage/pack-import';
import { readDbStatus } from '../../storage/status';

const source = { dataset: 'test fixture', record: 'r1' };

function person(id: string, name: string, aliases: string[], roles: Entity['roles'] = []): PackRecord {
  return { type: 'entity', id, kind: 'person', name, aliases, roles, sources: [source] };
}

const manifest: PackManifest = {
  formatVersion: 1,
  id: 'test',
  version: '1',
  created: '2025-01-01',
  title: 'Test pack',
  sources: [{ name: 'fixture', licence: 'CC0-1.0' }],
  files: [],
};

const records: PackRecord[] = [
  person(
    'Q1',
    'Keir Starmer',
    ['Sir Keir Starmer', 'Starmer'],
    [
      { title: 'Prime Minister', office: 'gb:prime-minister', country: 'gb', from: '2024-07-05', source },
      { title: 'Leader of the Opposition', from: '2020-04-04', to: '2024-07-05', source },
    ],
  ),
  person('Q2', 'Volodymyr Zelenskyy', ['Volodymyr Zelensky', 'Zelensky', 'Zelenskyy']),
  person(
    'Q5',
    'Rishi Sunak',
    ['Sunak'],
    [{ title: 'Prime Minister', office: 'gb:prime-minister', from: '2022-10-25', to: '2024-07-05', source }],
  ),
  person('Q3', 'Ed Davey', ['Davey']),
  person('Q4', 'Alan Davey', ['Davey']),
  {
    type: 'statement',
    id: 's1',
    speakerId: 'Q1',
    quote: 'Older words.',
    date: '2024-01-02',
    source,
    topics: [],
  },
  {
    type: 'statement',
    id: 's2',
    speakerId: 'Q1',
    quote: 'Newer words.',
    date: '2025-02-25',
    source,
    topics: [],
  },
];

describe('alias index lookup', () => {
  let db: BackstoryDB;
  beforeEach(async () => {
    db = new BackstoryDB(`test-${Math.random()}`);
    await importPack(db, manifest, records);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('finds an entity by any normalised alias in one batched query', async () => {
    const { matches, entities } = await lookupKeys(
      db,
      ['zelensky', 'sir keir starmer', 'nobody at all'],
      '2025-02-26',
    );
    expect(matches.zelensky).toEqual(['Q2']);
    expect(matches['sir keir starmer']).toEqual(['Q1']);
    expect(matches['nobody at all']).toBeUndefined();
    expect(Object.keys(entities).sort()).toEqual(['Q1', 'Q2']);
  });

  it('matches diacritics-, case- and possessive-insensitively through normaliseName at import', async () => {
    const { matches } = await lookupKeys(db, ['keir starmer', 'zelenskyy'], '2025-02-26');
    expect(matches['keir starmer']).toEqual(['Q1']);
    expect(matches.zelenskyy).toEqual(['Q2']);
  });

  it('returns every entity sharing an alias, so the caller can refuse to guess', async () => {
    const { matches } = await lookupKeys(db, ['davey'], '2025-02-26');
    expect(matches.davey?.sort()).toEqual(['Q3', 'Q4']);
  });

  it('resolves the role held on the article date and lists statements newest first', async () => {
    const { entities } = await lookupKeys(db, ['starmer'], '2025-02-26');
    const starmer = entities.Q1;
    expect(starmer?.roleOnDate?.title).toBe('Prime Minister');
    expect(starmer?.statements.map((s) => s.id)).toEqual(['s2', 's1']);
    const before = await lookupKeys(db, ['starmer'], '2023-05-01');
    expect(before.entities.Q1?.roleOnDate?.title).toBe('Leader of the Opposition');
  });

  it('finds who held each office on a date through the office index, with their context', async () => {
    const now = await lookupOfficeHolders(db, ['gb:prime-minister', 'us:president'], '2025-02-26');
    expect(now.officeHolders).toEqual({ 'gb:prime-minister': 'Q1' });
    expect(now.entities.Q1?.entity.name).toBe('Keir Starmer');
    const earlier = await lookupOfficeHolders(db, ['gb:prime-minister'], '2023-03-01');
    expect(earlier.officeHolders).toEqual({ 'gb:prime-minister': 'Q5' });
  });

  it('names no holder on a handover day, when two records cover the date', async () => {
    const handover = await lookupOfficeHolders(db, ['gb:prime-minister'], '2024-07-05');
    expect(handover.officeHolders).toEqual({});
  });

  it('replaces a pack atomically: re-import leaves no orphaned rows', async () => {
    await importPack(db, { ...manifest, version: '2' }, records.slice(0, 2));
    expect(await db.entityRows.count()).toBe(2);
    expect(await db.statementRows.count()).toBe(0);
    const status = await readDbStatus(db);
    expect(status.packs).toMatchObject([{ id: 'test', version: '2', entities: 2, statements: 0 }]);
  });

  it('reports entity, alias and statement counts for the popup', async () => {
    const status = await readDbStatus(db);
    expect(status.entities).toBe(5);
    expect(status.statements).toBe(2);
    expect(status.aliases).toBeGreaterThanOrEqual(8);
    expect(status.lastUpdated).not.toBeNull();
  });
});
