/**
 * The pure half of a page pass over a text, answered from the starter pack in memory (the alias keys, the
 * office holders on the date and each entity's statements and reference figures), as the background's
 * lookup would answer it. For tests of what the cards show on real data.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyseArticle, lookupRequestFor } from '../../../core/article/article-analysis';
import { resolveNames } from '../../../core/article/mark-resolution';
import { resolveRoles } from '../../../core/article/role-context';
import type { Entity, ReferenceFigure, Statement } from '../../../core/model';
import { parseNdjson } from '../../../core/pack/pack-schema';
import { holderOn, roleOnDate } from '../../../core/roles/role-on-date';
import type { EntityContext, LookupResponse } from '../../../messaging/protocol';
import { aliasKeysOf } from '../../../storage/pack-rows';

const records = parseNdjson(
  readFileSync(
    fileURLToPath(new URL('../../../public/packs/starter/records.ndjson', import.meta.url)),
    'utf8',
  ),
  'records.ndjson',
);
export const starterEntities: Entity[] = records.flatMap((r) => (r.type === 'entity' ? [r] : []));
export const starterStatements: Statement[] = records.flatMap((r) => (r.type === 'statement' ? [r] : []));
export const starterFigures: ReferenceFigure[] = records.flatMap((r) => (r.type === 'figure' ? [r] : []));

const byKey = new Map<string, Entity[]>();
for (const entity of starterEntities)
  for (const key of aliasKeysOf(entity)) byKey.set(key, [...(byKey.get(key) ?? []), entity]);

function contextOf(entity: Entity, date: string): EntityContext {
  const statements = starterStatements
    .filter((s) => s.speakerId === entity.id)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id.localeCompare(b.id)));
  return {
    entity,
    roleOnDate: roleOnDate(entity.roles, date),
    resolvedFor: date,
    statements,
    statementCount: statements.length,
    figures: starterFigures.filter((f) => f.subjectId === entity.id),
  };
}

/** Analyses `blocks` and resolves names and role phrases against the starter pack, as a page pass does. */
export function starterPass(blocks: readonly string[], date: string, country: string | null) {
  const analysis = analyseArticle(blocks);
  const request = lookupRequestFor(analysis, date, country);
  const officeHolders: Record<string, string> = {};
  const response: LookupResponse = { matches: {}, entities: {}, givenNames: [], officeHolders };
  for (const key of request.keys) {
    const hits = byKey.get(key) ?? [];
    if (hits.length === 0 || hits.length > 25) continue;
    response.matches[key] = hits.map((e) => e.id);
    for (const e of hits) if (!response.entities[e.id]) response.entities[e.id] = contextOf(e, date);
  }
  for (const office of request.offices) {
    const holder = holderOn(starterEntities, office, date);
    if (!holder) continue;
    officeHolders[office] = holder.id;
    if (!response.entities[holder.id]) response.entities[holder.id] = contextOf(holder, date);
  }
  const names = resolveNames(analysis, response);
  const roles = resolveRoles(analysis, names, response, { date, country });
  return { analysis, response, names, roles };
}
