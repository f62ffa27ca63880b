/**
 * The role half of a page pass, after the database has answered: which person each role phrase names on
 * the article's date, and which mentions carry a title the database contradicts.
 */
import type { LookupResponse } from '../../messaging/protocol';
import type { NameMention } from '../names/name-finder';
import {
  type PersonMention,
  type ResolvedRolePhrase,
  type RoleConflict,
  resolveRolePhrases,
  roleConflict,
  statedOffice,
} from '../roles/role-resolution';
import type { ArticleAnalysis } from './article-analysis';
import type { ResolvedName } from './mark-resolution';

export interface RoleContext {
  phrases: ResolvedRolePhrase[];
  /** Conflicts per resolved name (index into the resolved names). */
  conflicts: Map<number, RoleConflict[]>;
  /** Start offsets of the mentions whose own title conflicts, to flag those marks. */
  conflictStarts: Set<number>;
}

function mentionsOf(analysis: ArticleAnalysis, name: ResolvedName): NameMention[] {
  return name.cluster.mentionIndexes.flatMap((i) => (analysis.mentions[i] ? [analysis.mentions[i]] : []));
}

function peopleTimeline(analysis: ArticleAnalysis, names: readonly ResolvedName[]): PersonMention[] {
  return names
    .filter((n) => n.kind === 'person')
    .flatMap((name) =>
      mentionsOf(analysis, name).map((m) => ({
        start: m.start,
        context: name.context,
        stated: statedOffice(m)?.ref ?? null,
      })),
    );
}

export function resolveRoles(
  analysis: ArticleAnalysis,
  names: readonly ResolvedName[],
  response: LookupResponse,
  options: { date: string; country: string | null },
): RoleContext {
  const phrases = resolveRolePhrases(analysis.rolePhrases, peopleTimeline(analysis, names), {
    ...options,
    holders: response.officeHolders ?? {},
    entities: response.entities,
  });
  const conflicts = new Map<number, RoleConflict[]>();
  const conflictStarts = new Set<number>();
  names.forEach((name, ref) => {
    if (!name.context) return;
    for (const mention of mentionsOf(analysis, name)) {
      const conflict = roleConflict(mention, name.context, options.date);
      if (!conflict) continue;
      conflictStarts.add(mention.start);
      const list = conflicts.get(ref) ?? [];
      if (!list.some((c) => c.stated === conflict.stated)) list.push(conflict);
      conflicts.set(ref, list);
    }
  });
  return { phrases, conflicts, conflictStarts };
}
