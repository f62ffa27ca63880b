import Dexie from 'dexie';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DbStatusView } from '../../components/DbStatusView';
import {
  BackstoryDB,
  type EntityRow,
  type FigureRow,
  type InstallRow,
  type PackRow,
  type StatementRow,
} from '../../storage/db';
import { openDatabase, readHealthStatus } from '../../storage/db-open';
import { lookupKeys, lookupOfficeHolders } from '../../storage/lookup';
import { getMessage } from './support/i18n-messages';
import { openReleased } from './support/released-schemas';

const source = { dataset: 'test fixture', record: 'r1' };
const AT = new Date('2026-03-01T12:00:00.000Z');
const KEY = 'starter@2026.01';

const entities: EntityRow[] = [
  {
    id: 'Q1',
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
    id: 'Q2',
    kind: 'person',
    name: 'Volodymyr Zelensky',
    aliases: [],
    roles: [],
    sources: [source],
    packId: KEY,
    aliasKeys: ['volodymyr zelensky'],
    offices: [],
  },
];
const statements: StatementRow[] = [
  { id: 's1', speakerId: 'Q1', quote: 'Older.', date: '2024-01-01', source, topics: [], packId: KEY },
  { id: 's2', speakerId: 'Q1', quote: 'Newer.', date: '2025-01-01', source, topics: [], packId: KEY },
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
    version: '2026.01',
    created: '2026-01-01',
    installedAt: '2026-01-02T00:00:00.000Z',
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
  { key: KEY, packId: 'starter', version: '2026.01', startedAt: '2026-01-02T00:00:00.000Z' },
];

/** This code's schema plus one more version whose upgrade throws, as a faulty release would. */
class FailingUpgradeDB extends BackstoryDB {
  constructor(name: string, cause: unknown) {
    super(name);
    this.version(this.verno + 1)
      .stores({ scratch: 'id' })
      .upgrade(async (tx) => {
        // Writes first, so the test also shows that the aborted upgrade's writes are rolled back.
        await tx.table('packs').clear();
        throw cause;
      });
  }
}

const names: string[] = [];
const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function filledV3(): Promise<string> {
  const name = `migration-failure-${Math.random()}`;
  names.push(name);
  const v3 = openReleased(name, 3);
  await v3.table('entityRows').bulkPut(entities);
  await v3.table('statementRows').bulkPut(statements);
  await v3.table('figureRows').bulkPut(figures);
  await v3.table('packs').bulkPut(packs);
  await v3.table('installs').bulkPut(installs);
  v3.close();
  return name;
}

/** Every table and record of the database as it is on disk, read without any schema. */
async function onDisk(name: string): Promise<{ verno: number; tables: Record<string, unknown[]> }> {
  const db = new Dexie(name);
  await db.open();
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  const verno = db.verno;
  db.close();
  return { verno, tables };
}

describe('a schema upgrade that throws', () => {
  it('leaves the database at version 3 with every record readable, and reports the upgrade error', async () => {
    const name = await filledV3();
    const db = new FailingUpgradeDB(name, new Error('upgrade exploded'));
    opened.push(db);
    const health = openDatabase(db, () => AT);

    expect(await health.opened).toBe(false);
    expect(health.error()).toEqual({
      kind: 'upgrade',
      message: 'Error: upgrade exploded',
      at: AT.toISOString(),
    });
    const reader = await health.reader();
    opened.push(reader);

    // Nothing of the aborted upgrade is left (no new table, the cleared packs are back): v3 as it was.
    expect(await onDisk(name)).toEqual({
      verno: 3,
      tables: {
        entityRows: entities,
        figureRows: figures,
        installs,
        packs,
        statementRows: [...statements].sort((a, b) => a.id.localeCompare(b.id)),
      },
    });
  });

  it('keeps answering lookups and the status from the old version', async () => {
    const name = await filledV3();
    const health = openDatabase(new FailingUpgradeDB(name, new Error('upgrade exploded')), () => AT);
    const reader = await health.reader();
    opened.push(reader);

    const found = await lookupKeys(reader, ['starmer', 'volodymyr zelensky'], '2025-02-26');
    expect(found.matches).toEqual({ starmer: ['Q1'], 'volodymyr zelensky': ['Q2'] });
    expect(found.entities.Q1?.statements.map((s) => s.id)).toEqual(['s2', 's1']);
    expect((await lookupOfficeHolders(reader, ['gb:prime-minister'], '2025-02-26')).officeHolders).toEqual({
      'gb:prime-minister': 'Q1',
    });
    expect(await readHealthStatus(health)).toMatchObject({
      packs: [{ id: 'starter', version: '2026.01', entities: 2, statements: 2 }],
      entities: 2,
      statements: 2,
      aliases: 3,
      error: { kind: 'upgrade', message: 'Error: upgrade exploded' },
    });
  });

  it('answers a read needing a table only the new schema has as "database unavailable"', async () => {
    const name = await filledV3();
    const health = openDatabase(new FailingUpgradeDB(name, new Error('upgrade exploded')), () => AT);
    opened.push(await health.reader());
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(health.read((db) => db.table('scratch').toArray())).rejects.toThrow(
        "Backstory's database is unavailable: Error: upgrade exploded",
      );
      expect(console.error).toHaveBeenCalledOnce();
    } finally {
      vi.restoreAllMocks();
    }
    const found = await health.read((db) => lookupKeys(db, ['starmer'], '2025-02-26'));
    expect(found.matches).toEqual({ starmer: ['Q1'] });
  });

  it('is explained in the popup above the packs that still answer', async () => {
    const name = await filledV3();
    const health = openDatabase(new FailingUpgradeDB(name, new Error('upgrade exploded')), () => AT);
    opened.push(await health.reader());
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    vi.stubGlobal('document', document);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage);
    try {
      const container = document.createElement('div');
      render(h(DbStatusView, { status: await readHealthStatus(health) }), container);
      const alert = container.querySelector('[data-testid="db-error"]');
      expect(alert?.getAttribute('role')).toBe('alert');
      expect(alert?.getAttribute('data-kind')).toBe('upgrade');
      expect(alert?.querySelector('strong')?.textContent).toBe(
        'Backstory could not upgrade its database to this version. Your data is kept as it was and is still shown, but nothing new can be saved until an update fixes this.',
      );
      expect(alert?.textContent).toContain('Error: upgrade exploded');
      expect(container.querySelector('li')?.textContent).toContain('Starter v2026.01');
      render(null, container);
    } finally {
      vi.restoreAllMocks();
      vi.unstubAllGlobals();
    }
  });

  it('reports an upgrade refused for lack of space as a quota error', async () => {
    const name = await filledV3();
    const full = new DOMException('The disk is full', 'QuotaExceededError');
    const health = openDatabase(new FailingUpgradeDB(name, full), () => AT);
    opened.push(await health.reader());
    expect(health.error()).toEqual({
      kind: 'quota',
      message: 'QuotaExceededError: The disk is full',
      at: AT.toISOString(),
    });
    expect((await onDisk(name)).tables.packs).toEqual(packs);
  });

  it('opens the upgraded schema once the faulty release is replaced', async () => {
    const name = await filledV3();
    const failed = openDatabase(new FailingUpgradeDB(name, new Error('upgrade exploded')), () => AT);
    (await failed.reader()).close();

    const db = new BackstoryDB(name);
    opened.push(db);
    const health = openDatabase(db, () => AT);
    expect(await health.opened).toBe(true);
    expect(health.error()).toBeNull();
    expect(await db.packs.toArray()).toEqual(packs);
    expect(await db.entityRows.toArray()).toEqual(entities);
  });
});

describe('opening a database from another release, or none at all', () => {
  it('opens a newer version left by a later release (a downgrade) without error and reads it', async () => {
    const name = await filledV3();
    const newer = new BackstoryDB(name);
    newer.version(newer.verno + 1).stores({ scratch: 'id' });
    await newer.open();
    newer.close();

    // Dexie 4 opens a higher version on disk when it holds every declared table, so this is no failure.
    const db = new BackstoryDB(name);
    opened.push(db);
    const health = openDatabase(db, () => AT);
    expect(await health.opened).toBe(true);
    expect(health.error()).toBeNull();
    expect((await lookupKeys(await health.reader(), ['starmer'], '2025-02-26')).matches).toEqual({
      starmer: ['Q1'],
    });
  });

  it('answers "database unavailable" plainly when no version of it opens', async () => {
    const name = `migration-failure-${Math.random()}`;
    names.push(name);
    const db = new BackstoryDB(name);
    db.on('populate', () => {
      throw new Error('cannot create');
    });
    const health = openDatabase(db, () => AT);
    expect(await health.opened).toBe(false);
    await expect(health.reader()).rejects.toThrow(
      "Backstory's database is unavailable: Error: cannot create",
    );
    expect(await readHealthStatus(health)).toEqual({
      packs: [],
      entities: 0,
      statements: 0,
      aliases: 0,
      lastUpdated: null,
      error: { kind: 'open', message: 'Error: cannot create', at: AT.toISOString() },
    });
  });
});
