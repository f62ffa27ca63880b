import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PackManifest, PackRecord } from '../../core/model';
import { BackstoryDB } from '../../storage/db';
import { lookupKeys } from '../../storage/lookup';
import { importPack } from '../../storage/pack-import';

const source = { dataset: 'test fixture', record: 'r1' };

const manifest: PackManifest = {
  formatVersion: 2,
  id: 'batched',
  version: '1',
  created: '2025-01-01',
  title: 'Batched lookups',
  sources: [{ name: 'fixture', licence: 'CC0-1.0' }],
  files: [],
};

const records: PackRecord[] = [
  ...['A', 'B', 'C'].map(
    (x): PackRecord => ({
      type: 'entity',
      id: `Q${x}`,
      kind: 'person',
      name: `Testperson ${x}`,
      aliases: [],
      roles: [],
      sources: [source],
    }),
  ),
  ...[1, 2, 3, 4, 5].map(
    (n): PackRecord => ({
      type: 'statement',
      id: `s${n}`,
      speakerId: n <= 4 ? 'QA' : 'QB',
      quote: `Words ${n}.`,
      date: `2025-01-0${n}`,
      source,
      topics: [],
    }),
  ),
];

describe('batched lookups', () => {
  let db: BackstoryDB;
  beforeEach(async () => {
    db = new BackstoryDB(`lookup-${Math.random()}`);
    await importPack(db, manifest, records);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('asks every key of a page pass in one read transaction and the statements in one query', async () => {
    const transactions = vi.spyOn(db, 'transaction');
    const statementQueries = vi.spyOn(db.statementRows, 'where');
    const { entities } = await lookupKeys(
      db,
      ['testperson a', 'testperson b', 'testperson c', 'testperson a', 'nobody'],
      '2025-02-01',
    );
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(statementQueries).toHaveBeenCalledTimes(1);
    expect(entities.QA?.statements.map((s) => s.id)).toEqual(['s4', 's3', 's2', 's1']);
    expect(entities.QA?.statementCount).toBe(4);
    expect(entities.QB?.statements.map((s) => s.id)).toEqual(['s5']);
    expect(entities.QC?.statements).toEqual([]);
  });

  it('answers a pass with no keys without touching the database', async () => {
    const queries = vi.spyOn(db.entityRows, 'where');
    expect(await lookupKeys(db, ['', ''], '2025-02-01')).toEqual({ matches: {}, entities: {} });
    expect(queries).not.toHaveBeenCalled();
  });
});
