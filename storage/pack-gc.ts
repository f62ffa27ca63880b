/**
 * Garbage collection of install keys: the rows of an install nobody points at (a replaced version, a
 * failed or killed stage, a deleted pack) are deleted in batches, each a short transaction over a
 * primary-key range, so lookups are never blocked for long. The journal record goes last, so an
 * interrupted collection is picked up again by the next one.
 */
import type { Table } from 'dexie';
import type { BackstoryDB, RowKey } from './db';
import { activeKeyOf, installRange, stagingKeys } from './install-keys';

/** Rows deleted per transaction. */
export const COLLECT_BATCH = 10_000;

async function deleteInstallRows<T>(
  db: BackstoryDB,
  table: Table<T, RowKey>,
  key: string,
  batchSize: number,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const n = await db.transaction('rw', table, async () => {
      const keys = await installRange(table, key).limit(batchSize).primaryKeys();
      const first = keys[0];
      const last = keys[keys.length - 1];
      if (!first || !last) return 0;
      // A primary-key range delete (one IDB `delete(range)`), not one request per row.
      await table.where('[packId+id]').between(first, last, true, true).delete();
      return keys.length;
    });
    if (n === 0) return deleted;
    deleted += n;
  }
}

/** Deletes every row of one install, then its journal record. Returns the rows deleted. */
export async function collectInstall(
  db: BackstoryDB,
  key: string,
  batchSize: number = COLLECT_BATCH,
): Promise<number> {
  let deleted = 0;
  for (const table of [db.entityRows, db.statementRows, db.figureRows] as const) {
    deleted += await deleteInstallRows(db, table as Table<unknown, RowKey>, key, batchSize);
  }
  await db.installs.delete(key);
  return deleted;
}

/**
 * Deletes the rows of every install that is neither active nor being staged in this context, and
 * returns their keys. At service-worker start nothing is being staged, so this removes what a killed
 * worker left half-written.
 */
export async function collectGarbage(db: BackstoryDB, batchSize: number = COLLECT_BATCH): Promise<string[]> {
  const [packs, installs] = await db.transaction('r', db.packs, db.installs, () =>
    Promise.all([db.packs.toArray(), db.installs.toArray()]),
  );
  // Read after the journal: a stage whose record is in `installs` is already in the staging set.
  const keep = new Set([...packs.map(activeKeyOf), ...stagingKeys(db)]);
  const collected: string[] = [];
  for (const install of installs) {
    if (keep.has(install.key)) continue;
    await collectInstall(db, install.key, batchSize);
    collected.push(install.key);
  }
  return collected;
}

/**
 * Uninstalls a pack: its pointer goes in one small transaction (the pack disappears from lookups at
 * once), then its rows are deleted in batches. Records its tombstones withdrew stay withdrawn.
 * Returns false when the pack was not installed.
 */
export async function deletePack(db: BackstoryDB, packId: string): Promise<boolean> {
  const key = await db.transaction('rw', db.packs, async () => {
    const pack = await db.packs.get(packId);
    if (!pack) return null;
    await db.packs.delete(packId);
    return activeKeyOf(pack);
  });
  if (key === null) return false;
  await collectInstall(db, key);
  return true;
}
