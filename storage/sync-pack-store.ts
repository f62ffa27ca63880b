/**
 * The sync engine's PackStore (core/sync/pack-store.ts) on the Dexie database. A stage is a new install
 * key written by `stagePack` (a delta starts as a copy of the active install); activation is
 * `activatePack`'s one transaction, wrapped so that it first checks that a delta's base is still the
 * active install; a discarded stage's rows are deleted, and garbage collection catches whatever a stopped
 * worker left. Only pack tables are touched: user data lives in other tables this module never names.
 */
import type { PackRecord } from '../core/model';
import type { PackStore, StageHandle, SyncManifest } from '../core/sync/pack-store';
import type { BackstoryDB } from './db';
import { activeKeyOf } from './install-keys';
import { activatePack } from './pack-activate';
import { collectInstall } from './pack-gc';
import { discardStage, type StagedPack, stagePack } from './pack-stage';

/** Records handed to `stagePack` at a time: it may yield between chunks. */
const CHUNK = 500;

export interface DexieStageHandle extends StageHandle {
  staged: StagedPack;
  /** For a delta: the install key the stage copied, which must still be active at activation. */
  baseKey: string | null;
}

async function* chunks(records: AsyncIterable<PackRecord>, size: number): AsyncGenerator<PackRecord[]> {
  let chunk: PackRecord[] = [];
  for await (const record of records) {
    chunk.push(record);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

const recordsOf = (counts: { entities: number; statements: number; figures: number }) =>
  counts.entities + counts.statements + counts.figures;

export interface SyncPackStoreOptions {
  /** Rows per write transaction (tests use small batches to stop a stage half-way). */
  batchSize?: number;
  now?: () => Date;
}

export class SyncPackStore implements PackStore<DexieStageHandle> {
  constructor(
    private readonly db: BackstoryDB,
    private readonly options: SyncPackStoreOptions = {},
  ) {}

  async installedVersion(packId: string): Promise<string | null> {
    return (await this.db.packs.get(packId))?.version ?? null;
  }

  async installedCreated(packId: string): Promise<string | null> {
    return (await this.db.packs.get(packId))?.created ?? null;
  }

  async stage(
    packId: string,
    version: string,
    manifest: SyncManifest,
    records: AsyncIterable<PackRecord>,
    onProgress: (written: number) => void,
  ): Promise<DexieStageHandle> {
    if (manifest.id !== packId || manifest.version !== version)
      throw new Error(`the manifest is for ${manifest.id} ${manifest.version}, not ${packId} ${version}`);
    let baseKey: string | null = null;
    if (manifest.delta) {
      const active = await this.db.packs.get(packId);
      if (active?.version !== manifest.delta.from)
        throw new Error(
          `the delta applies to version ${manifest.delta.from}, not ${active?.version ?? 'none'}`,
        );
      baseKey = activeKeyOf(active);
    }
    const { delta: _delta, ...packManifest } = manifest;
    const staged = await stagePack(
      this.db,
      packManifest,
      chunks(records, Math.min(CHUNK, this.options.batchSize ?? CHUNK)),
      {
        base: manifest.delta ? 'active' : undefined,
        batchSize: this.options.batchSize,
        now: this.options.now?.(),
        // A delta's progress counts the copied rows too; the engine reports the records it delivered.
        onProgress: ({ done }) => onProgress(done),
      },
    );
    return { packId, version, records: recordsOf(staged.counts), staged, baseKey };
  }

  async activate(handle: DexieStageHandle): Promise<void> {
    const { db } = this;
    const tables = [db.packs, db.installs, db.entityRows, db.statementRows, db.figureRows];
    // The check and the switch share one transaction (activatePack's nests inside it), so nothing can
    // replace the base between them.
    const { retired } = await db.transaction('rw', tables, async () => {
      if (handle.baseKey !== null) {
        const active = await db.packs.get(handle.packId);
        if (!active || activeKeyOf(active) !== handle.baseKey)
          throw new Error(`the version this delta applies to is no longer installed`);
      }
      return activatePack(db, handle.staged, this.options.now?.());
    });
    const pack = await db.packs.get(handle.packId);
    if (pack) handle.records = pack.entities + pack.statements + (pack.figures ?? 0);
    if (retired) await collectInstall(db, retired);
  }

  async discard(handle: DexieStageHandle): Promise<void> {
    // Never the active install: a stage whose activation committed is no longer a stage to drop.
    const active = await this.db.packs.get(handle.packId);
    if (active && activeKeyOf(active) === handle.staged.key) return;
    await discardStage(this.db, handle.staged.key);
  }
}
