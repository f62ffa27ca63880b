/**
 * The second half of a sync: the plan's files downloaded and verified, then staged and activated. A full
 * pack's records are parsed as the store writes them (a bad line rejects the stage); a chain of deltas is
 * parsed whole and composed first, since deltas are small and every record must be valid before the
 * store sees one. After staging, activation happens only if the installed version did not move; any
 * failure discards the stage.
 */
import type { PackRecord } from '../model';
import type { ChainPlan } from './delta-chain';
import { composeDeltas } from './delta-compose';
import { type DownloadContext, type DownloadedEntry, downloadEntry } from './entry-download';
import { ndjsonRecords } from './ndjson-records';
import type { PackStore, StageHandle, SyncManifest } from './pack-store';
import { retryable, SyncError, type SyncFileRef } from './sync-error';

export interface SyncProgress {
  phase: 'downloading' | 'installing';
  /** Bytes downloaded, or records written. */
  done: number;
  total: number;
}

async function* recordsOf(entry: DownloadedEntry): AsyncGenerator<PackRecord> {
  for (const file of entry.records) yield* ndjsonRecords(file.body, file.ref);
}

async function* fromArray(records: readonly PackRecord[]): AsyncGenerator<PackRecord> {
  yield* records;
}

export interface PreparedUpdate {
  manifest: SyncManifest;
  records: AsyncIterable<PackRecord>;
  total: number;
  /** Where a store failure is reported: the entry's folder. */
  ref: SyncFileRef;
}

/** Downloads and verifies everything the plan needs; deltas are parsed and composed here, before staging. */
export async function prepareUpdate(
  plan: Exclude<ChainPlan, { kind: 'current' }>,
  packId: string,
  ctx: DownloadContext,
): Promise<PreparedUpdate> {
  const ref = (path: string) => ({ source: ctx.base, file: path || './' });
  if (plan.kind === 'full') {
    const { entry } = plan;
    const downloaded = await downloadEntry(ctx, { packId, from: null, ...entry });
    return {
      manifest: downloaded.manifest,
      records: recordsOf(downloaded),
      total: downloaded.recordCount,
      ref: ref(entry.path),
    };
  }
  const steps: PackRecord[][] = [];
  let manifest: SyncManifest | undefined;
  for (const step of plan.steps) {
    const downloaded = await downloadEntry(ctx, { packId, version: step.to, ...step });
    const records: PackRecord[] = [];
    for (const file of downloaded.records)
      for (const record of ndjsonRecords(file.body, file.ref)) records.push(record);
    steps.push(records);
    manifest = downloaded.manifest;
  }
  const first = plan.steps[0];
  const last = plan.steps.at(-1);
  if (!manifest || !first || !last) throw new Error('a delta plan without steps');
  const composed = composeDeltas(steps);
  return {
    manifest: { ...manifest, delta: { from: first.from } },
    records: fromArray(composed),
    total: composed.length,
    ref: ref(last.path),
  };
}

/** Stages, checks nothing moved underneath, activates; discards the stage on any failure. */
export async function installUpdate<H extends StageHandle>(
  update: PreparedUpdate,
  installed: string | null,
  store: PackStore<H>,
  onProgress?: (progress: SyncProgress) => void,
): Promise<H> {
  const { manifest } = update;
  const report = (done: number) => onProgress?.({ phase: 'installing', done, total: update.total });
  let recordError: unknown = null;
  // The records are parsed as the store reads them; keep the parse error itself, whatever the store wraps.
  const records = (async function* () {
    try {
      yield* update.records;
    } catch (error) {
      recordError = error;
      throw error;
    }
  })();
  let handle: H;
  try {
    handle = await store.stage(manifest.id, manifest.version, manifest, records, report);
  } catch (error) {
    throw recordError ?? storeError(update.ref, error);
  }
  try {
    // A store that swallowed the records' error must not activate what it stopped writing.
    if (recordError) throw recordError;
    const now = await store.installedVersion(manifest.id);
    if (manifest.delta && now !== installed)
      throw retryable(update.ref, `the installed version changed to "${now}" during the sync`);
    await store.activate(handle);
    return handle;
  } catch (error) {
    await store.discard(handle).catch(() => undefined);
    throw error instanceof SyncError ? error : storeError(update.ref, error);
  }
}

function storeError(ref: SyncFileRef, error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  return retryable(
    ref,
    `the database refused the update: ${error instanceof Error ? error.message : String(error)}`,
  );
}
