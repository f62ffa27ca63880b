/**
 * Second half of a page pass: with the database's answer, decide what each mention is and build the
 * marks. Precision first: an unknown capitalised phrase is only marked when the text itself says what it
 * is (an honorific or title, an organisation or place cue, or a known given name).
 */

import type { EntityContext, LookupResponse } from '../../messaging/protocol';
import type { EntityKind } from '../model';
import type { NameCluster } from '../names/name-forms';
import { normaliseName } from '../text/normalise';
import { type ArticleAnalysis, firstToken } from './article-analysis';

export type MarkKind = EntityKind | 'figure';

export interface ResolvedName {
  cluster: NameCluster;
  kind: EntityKind;
  /** Entity id, or `unknown:<normalised name>`. */
  id: string;
  context: EntityContext | null;
}

export interface Mark {
  start: number;
  end: number;
  kind: MarkKind;
  id: string;
  /** Index into `resolved` (names) or `analysis.figures` (figures). */
  ref: number;
}

/**
 * A lone capitalised word with no honorific or title ("Washington", "Trump") matches many aliases by
 * accident. It may name a person only when that person held an office on the article's date.
 */
function plausible(cluster: NameCluster, context: EntityContext): boolean {
  const oneWord = !cluster.canonical.trim().includes(' ');
  if (!oneWord || cluster.kindHint !== 'unknown' || context.entity.kind !== 'person') return true;
  return context.roleOnDate !== null;
}

/** Picks the entity a cluster refers to, or null when nothing or more than one plausible entity matches. */
function pickEntity(cluster: NameCluster, response: LookupResponse): EntityContext | null {
  for (const key of cluster.lookupKeys) {
    const ids = response.matches[key] ?? [];
    const contexts = ids
      .flatMap((id) => (response.entities[id] ? [response.entities[id]] : []))
      .filter((c) => plausible(cluster, c));
    if (contexts.length === 1) return contexts[0] ?? null;
    if (contexts.length > 1) {
      // Several entities share this alias: prefer the single one holding an office on the article's date.
      const inOffice = contexts.filter((c) => c.roleOnDate?.office);
      if (inOffice.length === 1) return inOffice[0] ?? null;
      return null;
    }
  }
  return null;
}

function unknownKind(cluster: NameCluster, givenNames: ReadonlySet<string>): EntityKind | null {
  if (cluster.kindHint !== 'unknown') return cluster.kindHint;
  const first = firstToken(cluster);
  return first && givenNames.has(first) ? 'person' : null;
}

export function resolveNames(analysis: ArticleAnalysis, response: LookupResponse): ResolvedName[] {
  const givenNames = new Set(response.givenNames);
  const resolved: ResolvedName[] = [];
  for (const cluster of analysis.clusters) {
    const context = pickEntity(cluster, response);
    // The text's own cue outranks an alias hit of another kind ("Washington" the place vs a person).
    if (context && (cluster.kindHint === 'unknown' || cluster.kindHint === context.entity.kind)) {
      resolved.push({ cluster, kind: context.entity.kind, id: context.entity.id, context });
      continue;
    }
    const kind = unknownKind(cluster, givenNames);
    if (kind)
      resolved.push({ cluster, kind, id: `unknown:${normaliseName(cluster.canonical)}`, context: null });
  }
  return resolved;
}

/** All marks of the pass in document order, names and figures, never overlapping. */
export function buildMarks(analysis: ArticleAnalysis, resolved: readonly ResolvedName[]): Mark[] {
  const marks: Mark[] = [];
  resolved.forEach((name, ref) => {
    for (const index of name.cluster.mentionIndexes) {
      const mention = analysis.mentions[index];
      if (mention) marks.push({ start: mention.start, end: mention.end, kind: name.kind, id: name.id, ref });
    }
  });
  analysis.figures.forEach((figure, ref) => {
    marks.push({ start: figure.start, end: figure.end, kind: 'figure', id: figure.key, ref });
  });
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mark[] = [];
  let lastEnd = -1;
  for (const mark of marks) {
    if (mark.start < lastEnd) continue;
    kept.push(mark);
    lastEnd = mark.end;
  }
  return kept;
}
