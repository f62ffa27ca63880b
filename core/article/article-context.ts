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

/** Every normalised form of every name, with the names that use it. */
function namesByForm(names: readonly ResolvedName[]): Map<string, Set<ResolvedName>> {
  const index = new Map<string, Set<ResolvedName>>();
  for (const name of names)
    for (const form of name.cluster.forms) {
      const key = normaliseName(form);
      const holders = index.get(key) ?? new Set<ResolvedName>();
      holders.add(name);
      index.set(key, holders);
    }
  return index;
}

/**
 * The resolved name a quote's speaker string refers to, matched on the bare name's forms: the one name
 * that has a form normalising to the speaker's name, or null when none or several do.
 */
function speakerIn(speaker: string, byForm: Map<string, Set<ResolvedName>>): ResolvedName | null {
  const mention = findNameMentions(speaker)[0];
  if (!mention) return null;
  const hits = byForm.get(normaliseName(mention.name));
  return hits?.size === 1 ? ([...hits][0] ?? null) : null;
}

/**
 * The quotes of each name, in article order. Each speaker string is read once and each form normalised
 * once, so a long page with many names and quotes costs their sum, not their product.
 */
export function quotesByName(
  analysis: ArticleAnalysis,
  names: readonly ResolvedName[],
): Map<ResolvedName, AttributedQuote[]> {
  const byForm = namesByForm(names);
  const speakers = new Map<string, ResolvedName | null>();
  const out = new Map<ResolvedName, AttributedQuote[]>();
  for (const quote of analysis.quotes) {
    let speaker = speakers.get(quote.speaker);
    if (speaker === undefined) {
      speaker = speakerIn(quote.speaker, byForm);
      speakers.set(quote.speaker, speaker);
    }
    if (!speaker) continue;
    const list = out.get(speaker);
    if (list) list.push(quote);
    else out.set(speaker, [quote]);
  }
  return out;
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

/** How many other figures a figure's card lists. */
const ELSEWHERE_MAX = 8;

/** Figure indexes by a grouping key, each list in article order. */
function groupIndexes(
  figures: readonly FigureMatch[],
  keyOf: (f: FigureMatch) => string,
): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  figures.forEach((figure, i) => {
    const key = keyOf(figure);
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  return groups;
}

/** The union of two ascending index lists, ascending, without `skip`, at most `max` long. */
function mergeAscending(a: readonly number[], b: readonly number[], skip: number, max: number): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (out.length < max && (i < a.length || j < b.length)) {
    const x = a[i] ?? Number.POSITIVE_INFINITY;
    const y = b[j] ?? Number.POSITIVE_INFINITY;
    const next = Math.min(x, y);
    if (x === next) i++;
    if (y === next) j++;
    if (next !== skip) out.push(next);
  }
  return out;
}

/**
 * The context of each figure of an article: the figure, how often the same quantity appears, and other
 * figures of the same kind and unit on the page (e.g. the other sums of pounds), each with its sentence so
 * the reader can compare them. Figures are grouped by quantity and by kind and unit once, so a context
 * costs at most a few list steps; it can be built when a card opens instead of for every figure up front.
 * Only the figures and the text are kept, not the rest of the analysis.
 */
export class FigureContexts {
  private readonly byKey: Map<string, number[]>;
  private readonly byKindUnit: Map<string, number[]>;

  constructor(
    private readonly figures: readonly FigureMatch[],
    private readonly text: string,
  ) {
    this.byKey = groupIndexes(figures, (f) => f.key);
    this.byKindUnit = groupIndexes(figures, kindUnit);
  }

  /** The context of `figure`, the article's figure number `index`. */
  of(index: number, figure: FigureMatch): FigureContext {
    const same = this.byKey.get(figure.key) ?? [];
    const alike = this.byKindUnit.get(kindUnit(figure)) ?? [];
    const elsewhere = mergeAscending(same, alike, index, ELSEWHERE_MAX).flatMap((i) => {
      const other = this.figures[i];
      if (!other) return [];
      const sentence = sentenceAround(this.text, other.start, other.end);
      return [{ text: other.text, sentence, sameQuantity: other.key === figure.key }];
    });
    return { figure, occurrences: same.length, elsewhere };
  }
}

const kindUnit = (f: FigureMatch) => JSON.stringify([f.kind, f.unit]);

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
  const byId = new Map<string, SummaryEntity>();
  for (const entity of entities) if (!byId.has(entity.id)) byId.set(entity.id, entity);
  for (const { context, role } of roles.phrases) {
    const entry = byId.get(context.entity.id);
    if (entry) entry.mentions++;
    else {
      const added: SummaryEntity = {
        id: context.entity.id,
        kind: 'person',
        name: context.entity.name,
        known: true,
        mentions: 1,
        role: role.title,
      };
      entities.push(added);
      byId.set(added.id, added);
    }
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
  // Entities stay in article order here: the popup's summary is always merged (summary-merge.ts), which
  // orders them, and the first `localeCompare` of a page loads the collator (5–15 ms) on the pass.
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
