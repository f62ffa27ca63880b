/**
 * Writes a validated pack into the database. A pack replaces its previous version atomically: the old
 * rows of that pack are deleted and the new ones written in one read-write transaction, so readers see
 * either the old pack or the new one, never a mix.
 */
import type { Entity, PackManifest, PackRecord, Statement } from '../core/model';
import { normaliseName } from '../core/text/normalise';
import type { BackstoryDB, EntityRow, StatementRow } from './db';

const CHUNK = 2000;

/** The index keys of an entity: its name and every alias, normalised and de-duplicated. */
export function aliasKeysOf(entity: Pick<Entity, 'name' | 'aliases'>): string[] {
  const keys = new Set<string>();
  for (const alias of [entity.name, ...entity.aliases]) {
    const key = normaliseName(alias);
    if (key) keys.add(key);
  }
  return [...keys];
}

export function toEntityRow(entity: Entity, packId: string): EntityRow {
  return {
    ...entity,
    packId,
    aliasKeys: aliasKeysOf(entity),
    offices: [...new Set(entity.roles.flatMap((r) => (r.office ? [r.office] : [])))],
  };
}

function stripType<T extends { type: string }>(record: T): Omit<T, 'type'> {
  const { type: _type, ...rest } = record;
  return rest;
}

export async function importPack(
  db: BackstoryDB,
  manifest: PackManifest,
  records: readonly PackRecord[],
  now: Date = new Date(),
): Promise<void> {
  const entities: EntityRow[] = [];
  const statements: StatementRow[] = [];
  for (const record of records) {
    if (record.type === 'entity') entities.push(toEntityRow(stripType(record) as Entity, manifest.id));
    else statements.push({ ...(stripType(record) as Statement), packId: manifest.id });
  }
  await db.transaction('rw', db.entities, db.statements, db.packs, async () => {
    await db.entities.where('packId').equals(manifest.id).delete();
    await db.statements.where('packId').equals(manifest.id).delete();
    for (let i = 0; i < entities.length; i += CHUNK) await db.entities.bulkPut(entities.slice(i, i + CHUNK));
    for (let i = 0; i < statements.length; i += CHUNK)
      await db.statements.bulkPut(statements.slice(i, i + CHUNK));
    await db.packs.put({
      id: manifest.id,
      title: manifest.title,
      version: manifest.version,
      created: manifest.created,
      installedAt: now.toISOString(),
      entities: entities.length,
      statements: statements.length,
      sources: manifest.sources,
    });
  });
}
