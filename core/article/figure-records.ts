/**
 * What the database says beside a figure: earlier statements by the page's people giving the same kind of
 * quantity on the same topic (their figures are read once per pass), and reference figures about an
 * entity the figure's sentence names. Pure logic.
 */
import type { EntityContext } from '../../messaging/protocol';
import { parseFigures } from '../figures/figure-parser';
import type { TopicTerms } from '../figures/figure-topic';
import type { FigureMatch } from '../figures/types';
import type { ReferenceFigure, Statement } from '../model';
import { termsOf } from '../ranking/terms';
import type { ResolvedName } from './mark-resolution';
import type { RoleContext } from './role-context';

/** An earlier statement giving the same kind of quantity on the same topic. */
export interface EarlierValue {
  speaker: string;
  statement: Statement;
  /** The figure as the statement writes it. */
  text: string;
  value: number;
  unit: string;
}

/** Kinds whose values can be compared and subtracted. */
export const MEASURED = new Set(['money', 'percent', 'count', 'quantity']);
/** Shared terms that make two texts about the same topic. */
export const MIN_SHARED = 2;
const EARLIER_MAX = 4;

export const kindUnit = (f: Pick<FigureMatch, 'kind' | 'unit'>) => `${f.kind}\u0000${f.unit ?? ''}`;

export interface StatementFigure {
  speaker: string;
  statement: Statement;
  figure: FigureMatch;
  terms: Set<string>;
}

/** Every context the page's entities bring: names' and role phrases'. */
export function pageContexts(names: readonly ResolvedName[], roles: RoleContext): EntityContext[] {
  const byId = new Map<string, EntityContext>();
  for (const n of names) if (n.context) byId.set(n.context.entity.id, n.context);
  for (const p of roles.phrases) byId.set(p.context.entity.id, p.context);
  return [...byId.values()];
}

/**
 * Figures in the page's people's statements that could give an earlier value: statements on or before the
 * article's date, with a digit, that are not this article's own words (a pack may hold its quotes).
 */
export function statementFigures(
  contexts: readonly EntityContext[],
  text: string,
  articleDate: string | null,
): StatementFigure[] {
  const out: StatementFigure[] = [];
  for (const context of contexts)
    for (const statement of context.statements) {
      if (articleDate && statement.date > articleDate) continue;
      if (!/\d/u.test(statement.quote) || text.includes(statement.quote)) continue;
      const terms = new Set(
        [...termsOf(statement.quote), ...statement.topics.flatMap((t) => termsOf(t))].map((t) => t.stem),
      );
      for (const figure of parseFigures(statement.quote))
        if (MEASURED.has(figure.kind) && figure.value !== null)
          out.push({ speaker: context.entity.name, statement, figure, terms });
    }
  return out;
}

/**
 * Reference figures about an entity the figure's sentence names ("The UK … 2.5% of GDP") whose measure is
 * what the figure measures: a shared term with its unit or topic, in a comparable unit.
 */
export function referencesFor(
  figure: FigureMatch,
  topic: TopicTerms,
  contexts: readonly EntityContext[],
  named: ReadonlySet<string>,
): ReferenceFigure[] {
  const unitTerms = new Set(termsOf(figure.unit ?? '').map((t) => t.stem));
  const out: ReferenceFigure[] = [];
  for (const context of contexts) {
    if (!named.has(context.entity.id)) continue;
    const own = new Set(termsOf(context.entity.name).map((t) => t.stem));
    for (const ref of context.figures ?? []) {
      const measure = termsOf(ref.measure)
        .map((t) => t.stem)
        .filter((k) => !own.has(k));
      const sameUnit = ref.unit === figure.unit || measure.some((k) => unitTerms.has(k));
      if (sameUnit && measure.some((k) => unitTerms.has(k) || topic.has(k))) out.push(ref);
    }
  }
  return out;
}

/** The statements with a figure of `figure`'s kind and unit whose words share its topic, newest first. */
export function earlierValues(
  figure: FigureMatch,
  topic: TopicTerms,
  candidates: readonly StatementFigure[],
): EarlierValue[] {
  if (!MEASURED.has(figure.kind) || figure.value === null) return [];
  const out: EarlierValue[] = [];
  for (const s of candidates) {
    if (kindUnit(s.figure) !== kindUnit(figure) || s.figure.value === null) continue;
    let shared = 0;
    for (const key of topic.keys()) if (s.terms.has(key)) shared++;
    if (shared < MIN_SHARED) continue;
    out.push({
      speaker: s.speaker,
      statement: s.statement,
      text: s.figure.text,
      value: s.figure.value,
      unit: s.figure.unit ?? '',
    });
  }
  return out
    .sort((a, b) => (a.statement.date < b.statement.date ? 1 : a.statement.date > b.statement.date ? -1 : 0))
    .slice(0, EARLIER_MAX);
}
