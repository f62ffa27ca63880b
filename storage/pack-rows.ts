/** Pack records → database rows of one install, with the index keys lookups use. */
import type { Entity, PackRecord, Statement, Tombstone } from '../core/model';
import { normaliseName } from '../core/text/normalise';
import type { EntityRow, FigureRow, StatementRow } from './db';

/** The index keys of an entity: its name and every alias, normalised and de-duplicated. */
export function aliasKeysOf(entity: Pick<Entity, 'name' | 'aliases'>): string[] {
  const keys = new Set<string>();
  for (const alias of [entity.name, ...entity.aliases]) {
    const key = normaliseName(alias);
    if (key) keys.add(key);
  }
  return [...keys];
}

export function toEntityRow(entity: Entity, installKey: string): EntityRow {
  return {
    ...entity,
    packId: installKey,
    aliasKeys: aliasKeysOf(entity),
    offices: [...new Set(entity.roles.flatMap((r) => (r.office ? [r.office] : [])))],
  };
}

function stripType<T extends { type: string }>(record: T): Omit<T, 'type'> {
  const { type: _type, ...rest } = record;
  return rest;
}

/** The rows of one write batch, by table; tombstones are kept aside for activation. */
export interface RowBatch {
  entities: EntityRow[];
  statements: StatementRow[];
  figures: FigureRow[];
  /** Records in the batch, tombstones included (for progress). */
  records: number;
}

export function emptyBatch(): RowBatch {
  return { entities: [], statements: [], figures: [], records: 0 };
}

/** Adds one record to the batch, or returns it as a tombstone. */
export function addRecord(batch: RowBatch, record: PackRecord, installKey: string): Tombstone | null {
  batch.records++;
  switch (record.type) {
    case 'entity':
      batch.entities.push(toEntityRow(stripType(record) as Entity, installKey));
      return null;
    case 'statement':
      batch.statements.push({ ...(stripType(record) as Statement), packId: installKey });
      return null;
    case 'figure':
      batch.figures.push({ ...stripType(record), packId: installKey });
      return null;
    case 'tombstone':
      return stripType(record);
  }
}

/** What an install holds; stored on its pack row at activation, so status never counts rows. */
export interface InstallCounts {
  entities: number;
  statements: number;
  figures: number;
  aliases: number;
}

export function emptyCounts(): InstallCounts {
  return { entities: 0, statements: 0, figures: 0, aliases: 0 };
}
