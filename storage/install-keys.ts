/**
 * Install keys: every row carries the key of the pack install that wrote it (`starter@2026.06.27-31282cf7`),
 * and the `packs` table names the one active key per pack. Rows of any other key are invisible: a stage
 * in progress, or an old version waiting for garbage collection.
 */
import Dexie, { type Collection, type Table } from 'dexie';
import type { PackManifest } from '../core/model';
import type { BackstoryDB, InstallRow, PackRow, RowKey } from './db';

/** The install key a pack row points at (rows written before schema v3 carry the pack id). */
export function activeKeyOf(pack: Pick<PackRow, 'id' | 'installKey'>): string {
  return pack.installKey ?? pack.id;
}

/** The active install keys: the rows a lookup may show. One small read of the `packs` table. */
export async function activeInstallKeys(db: BackstoryDB): Promise<Set<string>> {
  return new Set((await db.packs.toArray()).map(activeKeyOf));
}

/** Every row of one install, as a range of the `[packId+id]` primary key. */
export function installRange<T>(table: Table<T, RowKey>, key: string) {
  return table.where('[packId+id]').between([key, Dexie.minKey], [key, Dexie.maxKey], true, true);
}

/** Every row of one install, page by page in primary-key order (each page its own short read). */
export async function* installPages<T extends { id: string }>(
  table: Table<T, RowKey>,
  key: string,
  pageSize: number,
): AsyncGenerator<T[]> {
  let after: string | null = null;
  for (;;) {
    const range: Collection<T, RowKey> =
      after === null
        ? installRange(table, key)
        : table.where('[packId+id]').between([key, after], [key, Dexie.maxKey], false, true);
    const page: T[] = await range.limit(pageSize).toArray();
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]?.id ?? null;
  }
}

/**
 * Install keys being staged by this context, per database instance. Garbage collection spares them; a
 * fresh service worker starts with none, so whatever a killed worker was staging is collected.
 */
const staging = new WeakMap<BackstoryDB, Set<string>>();

export function stagingKeys(db: BackstoryDB): ReadonlySet<string> {
  return staging.get(db) ?? new Set();
}

export function isStaging(db: BackstoryDB, key: string): boolean {
  return staging.get(db)?.has(key) ?? false;
}

export function endStaging(db: BackstoryDB, key: string): void {
  staging.get(db)?.delete(key);
}

/**
 * Picks a new install key for the manifest, marks it as staging and writes its journal record, all
 * before the first row is written. `packId@version`, with `#2`, `#3`… when that key is still in the
 * journal (the same version re-imported, or an old stage not yet collected).
 */
export async function beginInstall(db: BackstoryDB, manifest: PackManifest, now: Date): Promise<string> {
  return db.transaction('rw', db.installs, async () => {
    const base = `${manifest.id}@${manifest.version}`;
    let key = base;
    for (let n = 2; await db.installs.get(key); n++) key = `${base}#${n}`;
    const keys = staging.get(db) ?? new Set<string>();
    staging.set(db, keys);
    keys.add(key);
    const install: InstallRow = {
      key,
      packId: manifest.id,
      version: manifest.version,
      startedAt: now.toISOString(),
    };
    await db.installs.add(install);
    return key;
  });
}
