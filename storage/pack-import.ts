/**
 * Writes a validated pack into the database. A pack replaces its previous version atomically: the old
 * rows of that pack are deleted and the new ones written in one read-write transaction, so readers see
 * either the old pack or the new one, never a mix. Tombstones then withdraw the records they name, from
 * whichever pack holds them, in the same transaction.
 */
import type { Entity, PackManifest, PackRecord, Statement, Tombstone } from '../core/model';
import { normaliseName } from '../core/text/normalise';
import type { BackstoryDB, EntityRow, FigureRow, StatementRow } from './db';

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

interface Rows {
  entities: EntityRow[];
  statements: StatementRow[];
  figures: FigureRow[];
  tombstones: Tombstone[];
}

function toRows(records: readonly PackRecord[], packId: string): Rows {
  const rows: Rows = { entities: [], statements: [], figures: [], tombstones: [] };
  for (const record of records) {
    switch (record.type) {
      case 'entity':
        rows.entities.push(toEntityRow(stripType(record) as Entity, packId));
        break;
      case 'statement':
        rows.statements.push({ ...(stripType(record) as Statement), packId });
        break;
      case 'figure':
        rows.figures.push({ ...stripType(record), packId });
        break;
      case 'tombstone':
        rows.tombstones.push(stripType(record));
        break;
    }
  }
  return rows;
}

async function putChunked<T>(table: { bulkPut(rows: readonly T[]): Promise<unknown> }, rows: readonly T[]) {
  for (let i = 0; i < rows.length; i += CHUNK) await table.bulkPut(rows.slice(i, i + CHUNK));
}

export async function importPack(
  db: BackstoryDB,
  manifest: PackManifest,
  records: readonly PackRecord[],
  now: Date = new Date(),
): Promise<void> {
  const rows = toRows(records, manifest.id);
  const byTarget = (target: Tombstone['target']) =>
    rows.tombstones.filter((t) => t.target === target).map((t) => t.id);
  await db.transaction('rw', [db.entities, db.statements, db.figures, db.packs], async () => {
    await db.entities.where('packId').equals(manifest.id).delete();
    await db.statements.where('packId').equals(manifest.id).delete();
    await db.figures.where('packId').equals(manifest.id).delete();
    await putChunked(db.entities, rows.entities);
    await putChunked(db.statements, rows.statements);
    await putChunked(db.figures, rows.figures);
    await db.entities.bulkDelete(byTarget('entity'));
    await db.statements.bulkDelete(byTarget('statement'));
    await db.figures.bulkDelete(byTarget('figure'));
    await db.packs.put({
      id: manifest.id,
      title: manifest.title,
      version: manifest.version,
      created: manifest.created,
      installedAt: now.toISOString(),
      entities: rows.entities.length,
      statements: rows.statements.length,
      figures: rows.figures.length,
      tombstones: rows.tombstones.length,
      sources: manifest.sources,
    });
  });
}
