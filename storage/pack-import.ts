/**
 * Installing packs: the API the background (and a sync client) uses.
 *
 * Every row carries an *install key* (`packId@version`, see install-keys.ts) and the `packs` table
 * points each pack at its one active key; lookups show rows of active keys only. Installing is:
 *
 * 1. `stagePack(db, manifest, source, {onProgress, base})` writes the records under a new install key in
 *    batches of a few thousand rows, each its own transaction, yielding to other work in between. The
 *    rows are invisible. A bad line, a wrong size or sha256, or any write error deletes them and throws;
 *    the active version is untouched. `source` is any (async) iterable of record chunks: `openPack(url)`
 *    (pack-stream.ts) streams one over fetch. `base: 'active'` stages a *delta*: the new install starts
 *    as a copy of the pack's active one and the records replace or add to it.
 * 2. `activatePack(db, staged)` flips the pointer in one small transaction and applies the pack's
 *    tombstones there (they are few): the named records are deleted from the other packs' active installs
 *    and from the new one, and each pack's counts are adjusted.
 * 3. `collectGarbage(db)` deletes, in batches, the rows of every install that is neither active nor
 *    being staged by this context: the version just replaced, failed stages, and whatever a service
 *    worker killed mid-stage left (run it at start-up). `deletePack(db, id)` removes a pack's pointer
 *    and then its rows the same way.
 *
 * `importPack` runs the three steps for a caller that needs no control in between.
 */
import type { PackManifest, PackRecord } from '../core/model';
import type { BackstoryDB } from './db';
import { activateOrDiscard } from './pack-activate';
import { collectInstall } from './pack-gc';
import type { InstallCounts } from './pack-rows';
import { type RecordSource, type StageOptions, stagePack } from './pack-stage';

export { activateOrDiscard, activatePack } from './pack-activate';
export { collectGarbage, deletePack } from './pack-gc';
export { aliasKeysOf, toEntityRow } from './pack-rows';
export { discardStage, type StagedPack, type StageProgress, stagePack } from './pack-stage';
export { openPack, type PackStream } from './pack-stream';

export interface ImportResult {
  key: string;
  counts: InstallCounts;
  /** The install key this import replaced (its rows are collected before `importPack` returns). */
  retired: string | null;
}

/** Stages, activates and collects the replaced install. `records` may be an array or a chunk source. */
export async function importPack(
  db: BackstoryDB,
  manifest: PackManifest,
  records: readonly PackRecord[] | RecordSource,
  options: StageOptions = {},
): Promise<ImportResult> {
  const source: RecordSource = isRecordArray(records) ? [records] : records;
  const total = options.total ?? (isRecordArray(records) ? records.length : undefined);
  const staged = await stagePack(db, manifest, source, { ...options, total });
  const { retired } = await activateOrDiscard(db, staged, options.now);
  if (retired) await collectInstall(db, retired);
  return { key: staged.key, counts: staged.counts, retired };
}

function isRecordArray(records: readonly PackRecord[] | RecordSource): records is readonly PackRecord[] {
  return Array.isArray(records) && (records.length === 0 || !Array.isArray(records[0]));
}
