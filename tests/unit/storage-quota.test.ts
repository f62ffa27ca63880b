/**
 * A full disk during a pack import (staging or activation) or a user-data write: the database stays
 * consistent (the previous pack answers, no half-written install is visible or left behind) and the
 * status carries a quota error the popup explains. fake-indexeddb has no quota, so a DBCore middleware
 * below the storage-error watch refuses writes the way a browser does.
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTransaction } from 'dexie';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DbStatusView } from '../../components/DbStatusView';
import type { PackManifest, PackRecord } from '../../core/model';
import { ImportQueue } from '../../entrypoints/background/import-queue';
import { BackstoryDB } from '../../storage/db';
import { type DbHealth, openDatabase, readHealthStatus } from '../../storage/db-open';
import { lookupKeys } from '../../storage/lookup';
import { saveNote } from '../../storage/notes';
import { collectGarbage, importPack } from '../../storage/pack-import';
import { isQuotaError } from '../../storage/storage-errors';
import { getMessage } from './support/i18n-messages';

const source = { dataset: 'test fixture', record: 'r1' };
const AT = new Date('2026-03-01T12:00:00.000Z');
const V1 = '2026.01';
const V2 = '2026.02';
const QUOTA_TEXT =
  'Your browser is out of storage space for Backstory: the update was not applied; free space and retry.';

function manifest(version: string): PackManifest {
  return {
    formatVersion: 2,
    id: 'quota',
    version,
    created: '2026-01-01',
    title: 'Quota test pack',
    sources: [{ name: 'fixture', licence: 'CC0-1.0' }],
    files: [],
  };
}

/** `n` synthetic people; `tag` tells the versions apart (`Synthperson 3 v1`). */
function people(n: number, tag: string): PackRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    type: 'entity' as const,
    id: `T${i}`,
    kind: 'person' as const,
    name: `Synthperson ${i} ${tag}`,
    aliases: [],
    roles: [],
    sources: [source],
  }));
}

/**
 * Refuses writes once armed: `request` rejects the put as a failed IndexedDB request does; `commit`
 * aborts the transaction with a QuotaExceededError, as Chrome does when the commit finds no space (through
 * fake-indexeddb's own abort steps, `_abort`, which set `transaction.error`).
 */
interface QuotaFault {
  armed: boolean;
  mode: 'request' | 'commit';
  /** Tables whose puts are refused. */
  tables: Set<string>;
  /** Rows let through before the first refusal. */
  allowRows: number;
  refused: number;
}

function injectQuota(db: Dexie, fault: QuotaFault): void {
  db.use({
    stack: 'dbcore',
    name: 'quota-fault',
    // Below the storage-error watch (level 20), as the browser's IndexedDB is.
    level: 5,
    create: (down: DBCore): Partial<DBCore> => ({
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest) {
            const writes = req.type === 'put' || req.type === 'add';
            if (!fault.armed || !writes || !fault.tables.has(name)) return table.mutate(req);
            if (fault.allowRows >= req.values.length) {
              fault.allowRows -= req.values.length;
              return table.mutate(req);
            }
            fault.refused++;
            if (fault.mode === 'commit') {
              (req.trans as DBCoreTransaction & { _abort(name: string): void })._abort('QuotaExceededError');
            }
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          },
        };
      },
    }),
  });
}

const names: string[] = [];
const dbs: Dexie[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** A database with v1 of the pack (30 people) active, watched, and a disarmed fault below the watch. */
async function setup(
  fault: Partial<QuotaFault> = {},
): Promise<{ db: BackstoryDB; health: DbHealth; fault: QuotaFault }> {
  const name = `quota-${Math.random()}`;
  names.push(name);
  const db = new BackstoryDB(name);
  dbs.push(db);
  const f: QuotaFault = {
    armed: false,
    mode: 'request',
    tables: new Set(['entityRows']),
    allowRows: 0,
    refused: 0,
    ...fault,
  };
  injectQuota(db, f);
  const health = openDatabase(db, () => AT);
  expect(await health.opened).toBe(true);
  await importPack(db, manifest(V1), people(30, 'v1'), { batchSize: 10 });
  return { db, health, fault: f };
}

/** What a reader sees and what is on disk: v1 answers, and no row of any other install is left. */
async function expectOnlyV1(db: BackstoryDB): Promise<void> {
  const found = await lookupKeys(db, ['synthperson 3 v1', 'synthperson 3 v2'], '2026-03-01');
  expect(found.matches).toEqual({ 'synthperson 3 v1': ['T3'] });
  expect(await db.packs.toArray()).toMatchObject([{ id: 'quota', version: V1, entities: 30 }]);
  expect(new Set((await db.entityRows.toArray()).map((r) => r.packId))).toEqual(new Set([`quota@${V1}`]));
  expect(await db.entityRows.count()).toBe(30);
  expect((await db.installs.toArray()).map((i) => i.key)).toEqual([`quota@${V1}`]);
  expect(await collectGarbage(db)).toEqual([]);
}

describe('a quota error during a pack import', () => {
  for (const mode of ['request', 'commit'] as const) {
    it(`mid-stage (${mode}) keeps the previous version answering, deletes the staged rows and reports it`, async () => {
      const { db, health, fault } = await setup({ mode });
      fault.armed = true;
      fault.allowRows = 15; // the first batch of 10 commits, the second is refused half-way
      const failure = await importPack(db, manifest(V2), people(30, 'v2'), { batchSize: 10 }).catch(
        (error: unknown) => error,
      );
      expect(isQuotaError(failure)).toBe(true);
      expect(fault.refused).toBe(1);
      await expectOnlyV1(db);
      expect(health.error()).toMatchObject({ kind: 'quota', at: AT.toISOString() });
      expect(health.error()?.message).toContain('QuotaExceededError');
    });
  }

  it('at activation discards the stage, so no half-written install stays, and reports it', async () => {
    const { db, health, fault } = await setup({ tables: new Set(['packs']), mode: 'commit' });
    fault.armed = true;
    const failure = await importPack(db, manifest(V2), people(30, 'v2'), { batchSize: 10 }).catch(
      (error: unknown) => error,
    );
    expect(isQuotaError(failure)).toBe(true);
    expect(fault.refused).toBe(1);
    await expectOnlyV1(db);
    expect(health.error()?.kind).toBe('quota');
  });

  it('in the background queue leaves the database as it was and the status explains it', async () => {
    const { db, health, fault } = await setup({ tables: new Set(['packs']) });
    fault.armed = true;
    const queue = new ImportQueue(db);
    const open = async () => ({
      manifest: manifest(V2),
      total: 30,
      async *records() {
        yield people(30, 'v2');
      },
    });
    await expect(queue.importPack(open, { batchSize: 10 })).rejects.toThrow(/quota/i);
    expect(queue.progress()).toBeNull();
    await expectOnlyV1(db);
    expect(await readHealthStatus(health)).toMatchObject({
      packs: [{ id: 'quota', version: V1, entities: 30 }],
      entities: 30,
      error: { kind: 'quota', at: AT.toISOString() },
    });
  });

  it('clears once a later import commits', async () => {
    const { db, health, fault } = await setup();
    fault.armed = true;
    await expect(importPack(db, manifest(V2), people(30, 'v2'))).rejects.toThrow();
    expect(health.error()?.kind).toBe('quota');
    fault.armed = false;
    await importPack(db, manifest(V2), people(30, 'v2'));
    expect(health.error()).toBeNull();
    expect((await db.packs.toArray()).map((p) => p.version)).toEqual([V2]);
  });
});

describe('a quota error during a user-data write', () => {
  it('keeps the saved note as it was and reports it', async () => {
    const { db, health, fault } = await setup({ tables: new Set(['notes']), mode: 'commit' });
    await saveNote(db, 'T3', 'First thoughts.', AT);
    fault.armed = true;
    const failure = await saveNote(db, 'T3', 'Second thoughts.', AT).catch((error: unknown) => error);
    expect(isQuotaError(failure)).toBe(true);
    expect(await db.notes.get('T3')).toMatchObject({ text: 'First thoughts.' });
    expect(health.error()?.kind).toBe('quota');
    await expectOnlyV1(db);
  });
});

describe('the popup after a quota error', () => {
  beforeAll(() => {
    const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
    vi.stubGlobal('document', document);
  });

  it('says plainly that the update was not applied and what to do', async () => {
    const { db, health, fault } = await setup();
    fault.armed = true;
    await expect(importPack(db, manifest(V2), people(30, 'v2'))).rejects.toThrow();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage);
    const container = document.createElement('div');
    document.body.append(container);
    render(h(DbStatusView, { status: await readHealthStatus(health) }), container);
    const alert = container.querySelector('[data-testid="db-error"]');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.getAttribute('data-kind')).toBe('quota');
    expect(alert?.querySelector('strong')?.textContent).toBe(QUOTA_TEXT);
    expect(alert?.textContent).toContain('QuotaExceededError: The quota has been exceeded.');
    // The pack that still answers is listed under the explanation.
    expect(container.querySelector('li')?.textContent).toContain('Quota test pack v2026.01');
    render(null, container);
    container.remove();
    vi.restoreAllMocks();
  });
});
