/**
 * Activation: one small read-write transaction makes a staged install the visible version of its pack
 * (the `packs` row points at the new install key) and applies the pack's tombstones. Readers see the old
 * version before it commits and the new one after, never a mix. The replaced install becomes garbage.
 */
import type { Tombstone, TombstoneTarget } from '../core/model';
import type { BackstoryDB, PackRow, RowKey } from './db';
import { activeKeyOf, endStaging, isStaging } from './install-keys';
import type { InstallCounts } from './pack-rows';
import { discardStage, type StagedPack } from './pack-stage';

/** An install's counts as tombstones take rows off it; `withdrawn` counts the rows taken. */
type Counted = InstallCounts & { key: string; withdrawn: number };

/**
 * Deletes the rows the tombstones name from the given installs (the other packs' active ones and the new
 * one, which matters for a delta) and takes them off each install's counts. Tombstones are few, so this
 * is a primary-key `bulkGet` per target, never a scan.
 */
async function applyTombstones(
  db: BackstoryDB,
  tombstones: readonly Tombstone[],
  installs: readonly Counted[],
): Promise<void> {
  const tables = { entity: db.entityRows, statement: db.statementRows, figure: db.figureRows } as const;
  const field = { entity: 'entities', statement: 'statements', figure: 'figures' } as const;
  for (const target of Object.keys(tables) as TombstoneTarget[]) {
    const ids = tombstones.filter((t) => t.target === target).map((t) => t.id);
    if (ids.length === 0) continue;
    const keys: RowKey[] = installs.flatMap((install) => ids.map((id): RowKey => [install.key, id]));
    const table = tables[target];
    const found = await table.bulkGet(keys);
    const gone: RowKey[] = [];
    found.forEach((row, i) => {
      const key = keys[i];
      const owner = installs.find((install) => install.key === key?.[0]);
      if (!row || !key || !owner) return;
      gone.push(key);
      owner.withdrawn++;
      owner[field[target]]--;
      if ('aliasKeys' in row) owner.aliases -= row.aliasKeys.length;
    });
    await table.bulkDelete(gone);
  }
}

function countsOf(pack: PackRow): Counted {
  return {
    key: activeKeyOf(pack),
    entities: pack.entities,
    statements: pack.statements,
    figures: pack.figures ?? 0,
    aliases: pack.aliases ?? 0,
    withdrawn: 0,
  };
}

export interface Activation {
  /** The install key that was active before (now garbage), if any. */
  retired: string | null;
}

/**
 * Makes `staged` the active install of its pack. Throws when the stage is not one this context is
 * staging (already activated, discarded, or collected). The caller collects `retired` afterwards.
 */
export async function activatePack(
  db: BackstoryDB,
  staged: StagedPack,
  now: Date = new Date(),
): Promise<Activation> {
  if (!isStaging(db, staged.key)) throw new Error(`${staged.key} is not a stage in progress`);
  const { manifest } = staged;
  const retired = await db.transaction(
    'rw',
    [db.packs, db.installs, db.entityRows, db.statementRows, db.figureRows],
    async () => {
      if (!(await db.installs.get(staged.key)))
        throw new Error(`${staged.key} was collected before activation`);
      const packs = await db.packs.toArray();
      const previous = packs.find((p) => p.id === manifest.id);
      const others = packs.filter((p) => p.id !== manifest.id);
      const fresh: Counted = { key: staged.key, ...staged.counts, withdrawn: 0 };
      const otherCounts = others.map(countsOf);
      await applyTombstones(db, staged.tombstones, [...otherCounts, fresh]);
      for (const [i, pack] of others.entries()) {
        const c = otherCounts[i];
        if (!c?.withdrawn) continue;
        const { entities, statements, figures, aliases } = c;
        await db.packs.put({ ...pack, entities, statements, figures, aliases });
      }
      await db.packs.put({
        id: manifest.id,
        title: manifest.title,
        version: manifest.version,
        created: manifest.created,
        installedAt: now.toISOString(),
        entities: fresh.entities,
        statements: fresh.statements,
        figures: fresh.figures,
        aliases: fresh.aliases,
        tombstones: staged.tombstones.length,
        installKey: staged.key,
        sources: manifest.sources,
      });
      return previous ? activeKeyOf(previous) : null;
    },
  );
  endStaging(db, staged.key);
  return { retired };
}

/**
 * `activatePack`, and when it fails (a full disk refusing the pointer's transaction, say) the stage is
 * discarded at once: its rows would otherwise stay until the worker restarts, since garbage collection
 * spares a stage this context still holds. The failed transaction changed nothing visible.
 */
export async function activateOrDiscard(
  db: BackstoryDB,
  staged: StagedPack,
  now: Date = new Date(),
): Promise<Activation> {
  try {
    return await activatePack(db, staged, now);
  } catch (error) {
    await discardStage(db, staged.key).catch(() => undefined);
    throw error;
  }
}
