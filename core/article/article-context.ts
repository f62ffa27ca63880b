/**
 * What the article itself says: quotes by a name, figures elsewhere on the page, and the popup summary.
 * All derived from one analysis, so the card and the popup agree.
 */

import type {
  ArticleSummary,
  SummaryConflict,
  SummaryEntity,
  SummaryFigure,
  SummaryStatement,
} from '../../messaging/protocol';
import type { FigureMatch } from '../figures/figure-parser';
import { findNameMentions } from '../names/name-finder';
import type { AttributedQuote } from '../names/quote-extractor';
import { normaliseName } from '../text/normalise';
import type { ArticleAnalysis } from './article-analysis';
import { sentenceAround } from './article-text';
import type { ResolvedName } from './mark-resolution';
import type { RoleContext } from './role-context';

/** The resolved name a quote's speaker string refers to, matched on the bare name's forms. */
export function speakerOf(quote: AttributedQuote, names: readonly ResolvedName[]): ResolvedName | null {
  const mention = findNameMentions(quote.speaker)[0];
  if (!mention) return null;
  const key = normaliseName(mention.name);
  const hits = names.filter((n) => n.cluster.forms.some((f) => normaliseName(f) === key));
  return hits.length === 1 ? (hits[0] ?? null) : null;
}

export function quotesBy(analysis: ArticleAnalysis, names: readonly ResolvedName[], target: ResolvedName) {
  return analysis.quotes.filter((q) => speakerOf(q, names) === target);
}

export interface FigureElsewhere {
  text: string;
  sentence: string;
  sameQuantity: boolean;
}

export interface FigureContext {
  figure: FigureMatch;
  occurrences: number;
  elsewhere: FigureElsewhere[];
}

/**
 * The figure, how often the same quantity appears, and other figures of the same kind and unit on the
 * page (e.g. the other sums of pounds), each with its sentence so the reader can compare them.
 */
export function figureContext(analysis: ArticleAnalysis, index: number): FigureContext | null {
  const figure = analysis.figures[index];
  if (!figure) return null;
  const text = analysis.article.text;
  const elsewhere: FigureElsewhere[] = [];
  let occurrences = 0;
  analysis.figures.forEach((other, i) => {
    const same = other.key === figure.key;
    if (same) occurrences++;
    if (i === index) return;
    if (!same && (other.kind !== figure.kind || other.unit !== figure.unit)) return;
    elsewhere.push({
      text: other.text,
      sentence: sentenceAround(text, other.start, other.end),
      sameQuantity: same,
    });
  });
  return { figure, occurrences, elsewhere: elsewhere.slice(0, 8) };
}

export function buildSummary(
  analysis: ArticleAnalysis,
  names: readonly ResolvedName[],
  meta: { url: string; title: string; articleDate: string | null },
  roles: Pick<RoleContext, 'phrases' | 'conflicts'> = { phrases: [], conflicts: new Map() },
): ArticleSummary {
  const entities: SummaryEntity[] = names.map((n) => ({
    id: n.id,
    kind: n.kind,
    name: n.context?.entity.name ?? n.cluster.canonical,
    known: n.context !== null,
    mentions: n.cluster.mentionIndexes.length,
    role: n.context?.roleOnDate?.title ?? null,
  }));
  // "the Prime Minister" is a mention of the person it names, who may never be named in the article.
  for (const { context, role } of roles.phrases) {
    const entry = entities.find((e) => e.id === context.entity.id);
    if (entry) entry.mentions++;
    else
      entities.push({
        id: context.entity.id,
        kind: 'person',
        name: context.entity.name,
        known: true,
        mentions: 1,
        role: role.title,
      });
  }
  const conflicts: SummaryConflict[] = [...roles.conflicts].flatMap(([ref, list]) => {
    const context = names[ref]?.context;
    return context
      ? list.map((c) => ({
          entityId: context.entity.id,
          name: context.entity.name,
          stated: c.stated,
          held: c.held,
        }))
      : [];
  });
  entities.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  const figures = new Map<string, SummaryFigure>();
  for (const f of analysis.figures) {
    const entry = figures.get(f.key);
    if (entry) entry.occurrences++;
    else figures.set(f.key, { key: f.key, text: f.text, display: f.display, occurrences: 1 });
  }
  const statements: SummaryStatement[] = names.flatMap((n) =>
    (n.context?.statements ?? []).map((statement) => ({
      speaker: n.context?.entity.name ?? n.cluster.canonical,
      speakerId: n.id,
      statement,
    })),
  );
  statements.sort((a, b) => (a.statement.date < b.statement.date ? 1 : -1));
  return { ...meta, entities, figures: [...figures.values()], statements, conflicts };
}
