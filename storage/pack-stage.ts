/**
 * Staging: writes a pack's records under a new install key, in batches of a few thousand rows, each batch
 * its own transaction. The rows stay invisible until `activatePack` flips the pack's pointer, so a stage
 * can take minutes, fail half-way or be killed without a reader ever seeing a mix of versions.
 */

import type { Table } from 'dexie';
import type { PackManifest, PackRecord, Tombstone } from '../core/model';
import type { BackstoryDB, RowKey } from './db';
import { activeKeyOf, beginInstall, endStaging, installPages } from './install-keys';
import { collectInstall } from './pack-gc';
import { addRecord, emptyBatch, emptyCounts, type InstallCounts, type RowBatch } from './pack-rows';
import { timeSlicer } from './yield';

/** Rows per write transaction: big enough to amortise a commit, small enough to keep lookups waiting little. */
export const STAGE_BATCH = 5000;

/**
 * Records in chunks, as a stream reader delivers them (an array of one chunk will do). The stage may
 * yield to the event loop between chunks, so a source that parses as it goes should keep them small.
 */
export type RecordSource = AsyncIterable<readonly PackRecord[]> | Iterable<readonly PackRecord[]>;

export interface StageProgress {
  packId: string;
  /** Records written so far (tombstones included). */
  done: number;
  /** Records the manifest declares, or the count so far when it declares none. */
  total: number;
}

export interface StageOptions {
  /** Called after every committed batch. */
  onProgress?: (progress: StageProgress) => void;
  /** Defaults to the manifest's record count. */
  total?: number;
  /**
   * `'active'` stages a delta: the new install starts as a copy of the pack's active install, and the
   * records replace or add to it (tombstones withdraw from it at activation). Default: a full pack.
   */
  base?: 'active';
  batchSize?: number;
  now?: Date;
}

/** A finished stage, ready for `activatePack` (or `discardStage`). */
export interface StagedPack {
  key: string;
  manifest: PackManifest;
  counts: InstallCounts;
  tombstones: Tombstone[];
  stagedAt: string;
}

function recordTotal(manifest: PackManifest): number {
  return manifest.files.filter((f) => f.path.endsWith('.ndjson')).reduce((n, f) => n + f.records, 0);
}

/**
 * Rows handed to IndexedDB at a time. Each `put` serialises its row and extracts its index keys on the
 * calling thread (~40-100 µs a row in Chromium), so a whole batch at once would block the worker for
 * hundreds of milliseconds; between slices the worker runs queued events while the transaction goes on.
 */
const PUT_SLICE = 250;

async function putInSlices<T>(table: Table<T, RowKey>, rows: readonly T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += PUT_SLICE) await table.bulkPut(rows.slice(i, i + PUT_SLICE));
}

/** Writes one batch in one transaction. In delta mode rows replaced in the base are uncounted first. */
async function writeBatch(
  db: BackstoryDB,
  batch: RowBatch,
  counts: InstallCounts,
  delta: boolean,
): Promise<void> {
  const tables = [
    ...(batch.entities.length ? [db.entityRows] : []),
    ...(batch.statements.length ? [db.statementRows] : []),
    ...(batch.figures.length ? [db.figureRows] : []),
  ];
  if (tables.length === 0) return;
  await db.transaction('rw', tables, async () => {
    if (delta) await uncountReplaced(db, batch, counts);
    await putInSlices(db.entityRows, batch.entities);
    await putInSlices(db.statementRows, batch.statements);
    await putInSlices(db.figureRows, batch.figures);
  });
  counts.entities += batch.entities.length;
  counts.statements += batch.statements.length;
  counts.figures += batch.figures.length;
  for (const row of batch.entities) counts.aliases += row.aliasKeys.length;
}

async function uncountReplaced(db: BackstoryDB, batch: RowBatch, counts: InstallCounts): Promise<void> {
  const keyOf = (row: { packId: string; id: string }): RowKey => [row.packId, row.id];
  // Only the tables the batch writes are in the transaction's scope.
  const existing = <T>(table: Table<T, RowKey>, rows: readonly { packId: string; id: string }[]) =>
    rows.length ? table.bulkGet(rows.map(keyOf)) : Promise.resolve([]);
  const [entities, statements, figures] = await Promise.all([
    existing(db.entityRows, batch.entities),
    existing(db.statementRows, batch.statements),
    existing(db.figureRows, batch.figures),
  ]);
  for (const row of entities) {
    if (!row) continue;
    counts.entities--;
    counts.aliases -= row.aliasKeys.length;
  }
  counts.statements -= statements.filter(Boolean).length;
  counts.figures -= figures.filter(Boolean).length;
}

/** Copies the pack's active install into `key`, batch by batch (keyset pages over the primary key). */
async function copyActiveInstall(
  db: BackstoryDB,
  packId: string,
  key: string,
  counts: InstallCounts,
  batchSize: number,
): Promise<void> {
  const pack = await db.packs.get(packId);
  if (!pack) return;
  const from = activeKeyOf(pack);
  const pages = <T extends { id: string }>(table: Table<T, RowKey>) => installPages(table, from, batchSize);
  for await (const page of pages(db.entityRows))
    await writeBatch(
      db,
      { ...emptyBatch(), entities: page.map((r) => ({ ...r, packId: key })) },
      counts,
      false,
    );
  for await (const page of pages(db.statementRows))
    await writeBatch(
      db,
      { ...emptyBatch(), statements: page.map((r) => ({ ...r, packId: key })) },
      counts,
      false,
    );
  for await (const page of pages(db.figureRows))
    await writeBatch(
      db,
      { ...emptyBatch(), figures: page.map((r) => ({ ...r, packId: key })) },
      counts,
      false,
    );
}

/**
 * Stages `source` as a new install of the manifest's pack and returns it, still invisible. Batches are
 * pipelined: the next batch is converted while the previous one commits. On any error (a bad line, a
 * checksum, a quota) the stage's rows are deleted and the error rethrown; the active install is untouched.
 */
export async function stagePack(
  db: BackstoryDB,
  manifest: PackManifest,
  source: RecordSource,
  options: StageOptions = {},
): Promise<StagedPack> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? STAGE_BATCH;
  const key = await beginInstall(db, manifest, now);
  const counts = emptyCounts();
  const tombstones: Tombstone[] = [];
  const delta = options.base === 'active';
  let total = options.total ?? recordTotal(manifest);
  let done = 0;
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async (batch: RowBatch) => {
    await inFlight;
    inFlight = writeBatch(db, batch, counts, delta).then(() => {
      done += batch.records;
      total = Math.max(total, done);
      options.onProgress?.({ packId: manifest.id, done, total });
    });
    // Handled here so a failing write is not reported as unhandled while the next batch is parsed; the
    // error still surfaces at the next `await inFlight`.
    inFlight.catch(() => undefined);
  };
  try {
    if (delta) await copyActiveInstall(db, manifest.id, key, counts, batchSize);
    let batch = emptyBatch();
    const slice = timeSlicer();
    for await (const chunk of source) {
      await slice();
      for (const record of chunk) {
        const tombstone = addRecord(batch, record, key);
        if (tombstone) tombstones.push(tombstone);
        if (batch.records >= batchSize) {
          await flush(batch);
          batch = emptyBatch();
        }
      }
    }
    await flush(batch);
    await inFlight;
  } catch (error) {
    await inFlight.catch(() => undefined);
    await discardStage(db, key).catch(() => undefined);
    throw error;
  }
  return { key, manifest, counts, tombstones, stagedAt: now.toISOString() };
}

/** Drops a stage that will not be activated: its rows, then its journal record. */
export async function discardStage(db: BackstoryDB, key: string): Promise<void> {
  endStaging(db, key);
  await collectInstall(db, key);
}
