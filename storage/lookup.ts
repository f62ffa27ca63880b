/**
 * Batched lookups against the alias index: all keys of a page pass in one read transaction, then one
 * `anyOf` query for the statements of every matched person, newest first, and one for the reference figures
 * about them (a country's population or GDP). The transaction sees one
 * version of every pack: rows are kept only when their install key is active (a staged or retired
 * install shares the indexes but is never shown).
 *
 * The alias keys are asked as parallel `equals` requests, not one `anyOf`: `anyOf` walks a cursor that
 * steps once per wanted key, and in Chromium each step is a round trip (500 keys over a million aliases:
 * about 170 ms against about 50 ms for the parallel requests, `npm run bench:db`). Statements are sparse
 * (few speakers), where the cursor skips straight through, so they stay one `anyOf`.
 */

import type { Entity, ReferenceFigure } from '../core/model';
import { holderOn, roleOnDate } from '../core/roles/role-on-date';
import type { LookupResponse } from '../messaging/protocol';
import type { BackstoryDB, EntityRow, StatementRow } from './db';
import { activeInstallKeys } from './install-keys';

/**
 * The page ranks a person's statements against its own text (core/ranking/statement-ranker.ts), so it gets
 * all of them, newest first, up to a cap that only a very quotable person reaches.
 */
const STATEMENTS_PER_ENTITY = 200;
/** Reference figures per entity: a country has a few measures over a few periods. */
const FIGURES_PER_ENTITY = 20;
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
  if (unique.length === 0) return { matches: {}, entities: {} };
  return db.transaction('r', [db.packs, db.entityRows, db.statementRows, db.figureRows], async () => {
    const active = await activeInstallKeys(db);
    const found = await Promise.all(
      unique.map((key) => db.entityRows.where('aliasKeys').equals(key).toArray()),
    );
    const rows = uniqueRows(found.flat()).filter((row) => active.has(row.packId));
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
    return { matches, entities: await contextsFor(db, rows, date, active) };
  });
}

/** A row matched by two keys of the pass (name and surname) comes back twice. */
function uniqueRows(rows: readonly EntityRow[]): EntityRow[] {
  const seen = new Map<string, EntityRow>();
  for (const row of rows) seen.set(`${row.packId}\u0000${row.id}`, row);
  return [...seen.values()];
}

function newestFirst(a: StatementRow, b: StatementRow): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.id.localeCompare(b.id);
}

/** Each row as the page sees it: the record, its role on the date, its statements and reference figures. */
async function contextsFor(
  db: BackstoryDB,
  rows: readonly EntityRow[],
  date: string,
  active: ReadonlySet<string>,
): Promise<LookupResponse['entities']> {
  const entities: LookupResponse['entities'] = {};
  if (rows.length === 0) return entities;
  const ids = [...new Set(rows.map((row) => row.id))];
  const bySpeaker = new Map<string, StatementRow[]>();
  for (const statement of await db.statementRows.where('speakerId').anyOf(ids).toArray()) {
    if (!active.has(statement.packId)) continue;
    const list = bySpeaker.get(statement.speakerId) ?? [];
    list.push(statement);
    bySpeaker.set(statement.speakerId, list);
  }
  const figuresBySubject = await referenceFiguresOf(db, ids, active);
  for (const row of rows) {
    const statements = (bySpeaker.get(row.id) ?? []).sort(newestFirst);
    entities[row.id] = {
      entity: toEntity(row),
      roleOnDate: roleOnDate(row.roles, date),
      resolvedFor: date,
      statements: statements.slice(0, STATEMENTS_PER_ENTITY).map(({ packId: _p, ...s }) => s),
      statementCount: statements.length,
      figures: figuresBySubject.get(row.id) ?? [],
    };
  }
  return entities;
}

/** The reference figures about each of `ids`, newest period first: one `anyOf` on the sparse subject index. */
async function referenceFiguresOf(
  db: BackstoryDB,
  ids: readonly string[],
  active: ReadonlySet<string>,
): Promise<Map<string, ReferenceFigure[]>> {
  const bySubject = new Map<string, ReferenceFigure[]>();
  for (const { packId, ...figure } of await db.figureRows.where('subjectId').anyOf(ids).toArray()) {
    if (!active.has(packId) || !figure.subjectId) continue;
    const list = bySubject.get(figure.subjectId) ?? [];
    list.push(figure);
    bySubject.set(figure.subjectId, list);
  }
  for (const [id, list] of bySubject)
    bySubject.set(id, list.sort((a, b) => b.period.localeCompare(a.period)).slice(0, FIGURES_PER_ENTITY));
  return bySubject;
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
  if (unique.length === 0) return { officeHolders: {}, entities: {} };
  return db.transaction('r', [db.packs, db.entityRows, db.statementRows, db.figureRows], async () => {
    const active = await activeInstallKeys(db);
    const found = await db.entityRows.where('offices').anyOf(unique).toArray();
    const rows = found.filter((row) => active.has(row.packId));
    const officeHolders: Record<string, string> = {};
    const holderRows = new Set<EntityRow>();
    for (const office of unique) {
      const holder = holderOn(rows, office, date);
      if (!holder) continue;
      officeHolders[office] = holder.id;
      holderRows.add(holder);
    }
    return { officeHolders, entities: await contextsFor(db, [...holderRows], date, active) };
  });
}
