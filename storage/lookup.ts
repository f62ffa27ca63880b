/**
 * Batched lookups against the alias index: one `anyOf` query for all keys of a page pass, then the
 * statements of the matched people, newest first.
 */

import type { Entity } from '../core/model';
import { holderOn, roleOnDate } from '../core/roles/role-on-date';
import type { LookupResponse } from '../messaging/protocol';
import type { BackstoryDB, EntityRow } from './db';

const STATEMENTS_PER_ENTITY = 3;
/** A key matching more entities than this is too common to mean anything (e.g. a frequent surname). */
const MAX_MATCHES_PER_KEY = 25;

function toEntity(row: EntityRow): Entity {
  const { packId: _p, aliasKeys: _a, offices: _o, ...entity } = row;
  return entity;
}

export async function lookupKeys(
  db: BackstoryDB,
  keys: readonly string[],
  date: string,
): Promise<Pick<LookupResponse, 'matches' | 'entities'>> {
  const unique = [...new Set(keys)].filter((k) => k.length > 0).slice(0, 5000);
  const rows = unique.length ? await db.entities.where('aliasKeys').anyOf(unique).toArray() : [];
  const wanted = new Set(unique);
  const matches: Record<string, string[]> = {};
  for (const row of rows) {
    for (const key of row.aliasKeys) {
      if (!wanted.has(key)) continue;
      const list = matches[key] ?? [];
      if (!list.includes(row.id)) list.push(row.id);
      matches[key] = list;
    }
  }
  for (const [key, ids] of Object.entries(matches)) {
    if (ids.length > MAX_MATCHES_PER_KEY) matches[key] = ids.slice(0, MAX_MATCHES_PER_KEY);
  }
  return { matches, entities: await contextsFor(db, rows, date) };
}

/** Each row as the page sees it: the record, its role on the date and its newest statements. */
async function contextsFor(
  db: BackstoryDB,
  rows: readonly EntityRow[],
  date: string,
): Promise<LookupResponse['entities']> {
  const entities: LookupResponse['entities'] = {};
  await Promise.all(
    rows.map(async (row) => {
      const statements = await db.statements.where('speakerId').equals(row.id).toArray();
      statements.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id.localeCompare(b.id)));
      entities[row.id] = {
        entity: toEntity(row),
        roleOnDate: roleOnDate(row.roles, date),
        resolvedFor: date,
        statements: statements.slice(0, STATEMENTS_PER_ENTITY).map(({ packId: _p, ...s }) => s),
        statementCount: statements.length,
      };
    }),
  );
  return entities;
}

/**
 * Who held each office on the date, through the multi-entry `offices` index: one query for all keys.
 * An office with no holder, or with several (a handover day, overlapping records), is left out.
 */
export async function lookupOfficeHolders(
  db: BackstoryDB,
  offices: readonly string[],
  date: string,
): Promise<Pick<LookupResponse, 'officeHolders' | 'entities'>> {
  const unique = [...new Set(offices)].filter((k) => k.length > 0).slice(0, 200);
  const rows = unique.length ? await db.entities.where('offices').anyOf(unique).toArray() : [];
  const officeHolders: Record<string, string> = {};
  const holderRows = new Set<EntityRow>();
  for (const office of unique) {
    const holder = holderOn(rows, office, date);
    if (!holder) continue;
    officeHolders[office] = holder.id;
    holderRows.add(holder);
  }
  return { officeHolders, entities: await contextsFor(db, [...holderRows], date) };
}
