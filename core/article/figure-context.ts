/**
 * The context of each figure of an article, for its card: how it was parsed (value, scale, period), who
 * gave it, the other figures on the page about the same topic (and who gave each), whether the article
 * gives different figures for one topic, earlier statements with the same kind of quantity (and the change
 * from the last of them) and reference figures from the database. The topics, speakers and statement
 * figures are read once, when the pass builds the models; opening a card only picks from them.
 */
import type { EntityContext } from '../../messaging/protocol';
import {
  addTopic,
  type FigurePeriod,
  figurePeriod,
  figureScale,
  periodsDiffer,
  type Span,
  sharedTerms,
  spansWithin,
  TopicReader,
  type TopicTerms,
  writtenWith,
} from '../figures/figure-topic';
import type { FigureMatch } from '../figures/types';
import type { ReferenceFigure } from '../model';
import type { ArticleAnalysis } from './article-analysis';
import {
  type EarlierValue,
  earlierValues,
  kindUnit,
  MEASURED,
  MIN_SHARED,
  pageContexts,
  referencesFor,
  type StatementFigure,
  statementFigures,
} from './figure-records';
import {
  type FigureSpeaker,
  type PersonSpan,
  peopleSpans,
  type QuoteSpan,
  quoteSpeakers,
  speakerOf,
} from './figure-speaker';
import type { ResolvedName } from './mark-resolution';
import type { RoleContext } from './role-context';

export type { EarlierValue } from './figure-records';
export type { FigureSpeaker } from './figure-speaker';

export interface FigureElsewhere {
  text: string;
  /** The figure with the qualifier the article writes before it ("something over £6 billion"). */
  written?: string;
  sentence: string;
  sameQuantity: boolean;
  /** The terms its clause shares with this figure's, when it is about the same topic. */
  sameTopic?: string[];
  speaker?: FigureSpeaker | null;
}

export interface FigureContext {
  figure: FigureMatch;
  occurrences: number;
  elsewhere: FigureElsewhere[];
  /** The figure as written with its qualifier ("something over £6 billion"). */
  written?: string;
  scale?: string | null;
  period?: FigurePeriod;
  speaker?: FigureSpeaker | null;
  /** The figure's topic terms, strongest first. */
  topic?: string[];
  /** True when another figure of the same kind on the same topic has a different value (stated, not judged). */
  discrepancy?: boolean;
  /** Earlier statements with the same kind of quantity on the topic, newest first. */
  earlier?: EarlierValue[];
  /** This figure's value minus the newest earlier one in the same unit (a statement's or a reference figure's). */
  change?: { by: number; unit: string; since: string } | null;
  references?: ReferenceFigure[];
}

/** How many other figures a card lists. */
const ELSEWHERE_MAX = 8;
/** How many topic terms a card shows. */
const TOPIC_SHOWN = 3;

/** What the pass keeps of one figure: spans and small values, not its terms (they go to its quantity's group). */
interface FigureFacts {
  sentence: Span;
  /** The clause reads as a change over time ("up from £4bn"). */
  change: boolean;
  speaker: FigureSpeaker | null;
  period: FigurePeriod | null;
  /** Set only when the article writes a qualifier before the figure. */
  written: string | null;
}

/**
 * The figure's value minus the newest earlier value in the same unit: the newest earlier statement's or
 * reference figure's, whichever is dated later. Null when there is none: a change is computed, never guessed.
 */
function changeFromLast(
  figure: FigureMatch,
  earlier: readonly EarlierValue[],
  references: readonly ReferenceFigure[],
): FigureContext['change'] {
  if (figure.value === null) return null;
  const values = [
    ...earlier.map((e) => ({ value: e.value, unit: e.unit, since: e.statement.date })),
    ...references
      .filter((r) => r.unit === figure.unit)
      .map((r) => ({ value: r.value, unit: r.unit, since: r.period })),
  ];
  const last = values.sort((a, b) => (a.since < b.since ? 1 : a.since > b.since ? -1 : 0))[0];
  return last ? { by: figure.value - last.value, unit: last.unit, since: last.since } : null;
}

/**
 * The figure contexts of one pass. Topics, periods and speakers of every figure, and the figures in the
 * page's people's statements, are read here, during the pass; {@link FigureContexts.of} only picks.
 */
export class FigureContexts {
  private readonly facts: (FigureFacts | undefined)[] = [];
  private readonly topicByKey = new Map<string, TopicTerms>();
  private readonly byKindUnit = new Map<string, number[]>();
  private readonly people: PersonSpan[];
  private readonly quotes: QuoteSpan[];
  private readonly years: FigureMatch[];
  private readonly topics: TopicReader;
  private readonly statementFigures: StatementFigure[];
  private readonly contexts: EntityContext[];
  /** Mentions of known entities, ordered by start, to find what a figure's sentence names. */
  private readonly entitySpans: (Span & { id: string })[] = [];

  constructor(
    private readonly analysis: ArticleAnalysis,
    names: readonly ResolvedName[],
    roles: RoleContext,
    articleDate: string | null,
  ) {
    this.people = peopleSpans(analysis, names, roles);
    this.quotes = quoteSpeakers(analysis, names, this.people);
    this.years = analysis.figures.filter((f) => f.kind === 'year');
    this.topics = new TopicReader(analysis.article.text, this.people, analysis.figures);
    this.contexts = pageContexts(names, roles);
    for (const name of names)
      for (const i of name.context ? name.cluster.mentionIndexes : []) {
        const m = analysis.mentions[i];
        if (m && name.context)
          this.entitySpans.push({ start: m.start, end: m.end, id: name.context.entity.id });
      }
    this.entitySpans.sort((a, b) => a.start - b.start);
    this.statementFigures = statementFigures(this.contexts, analysis.article.text, articleDate);
  }

  /**
   * Reads figure number `index`: its topic (added to its quantity's), speaker, period and qualifier. The
   * pass calls it for each figure as it builds the models, between its slices; every figure must be read
   * before {@link of} is asked (it reads any left over).
   */
  read(index: number): void {
    const figure = this.analysis.figures[index];
    if (!figure || this.facts[index]) return;
    const { text } = this.analysis.article;
    const topic = this.topics.topicOf(figure);
    const group = this.topicByKey.get(figure.key) ?? new Map();
    addTopic(group, topic);
    this.topicByKey.set(figure.key, group);
    const list = this.byKindUnit.get(kindUnit(figure)) ?? [];
    list.push(index);
    this.byKindUnit.set(kindUnit(figure), list);
    const period = figurePeriod(text, topic.clause, this.years);
    const written = writtenWith(text, figure, topic.clause);
    this.facts[index] = {
      sentence: topic.sentence,
      change: topic.change,
      speaker: speakerOf(text, figure, topic.sentence, this.quotes, this.people),
      period: period.per || period.when ? period : null,
      written: written === figure.text ? null : written,
    };
  }

  private readAll(): void {
    if (this.facts.length === this.analysis.figures.length && !this.facts.includes(undefined)) return;
    for (let i = 0; i < this.analysis.figures.length; i++) this.read(i);
    for (const list of this.byKindUnit.values()) list.sort((a, b) => a - b);
  }

  /** The context of `figure`, the article's figure number `index`. */
  of(index: number, figure: FigureMatch): FigureContext {
    this.readAll();
    const facts = this.facts[index];
    const topic = this.topicByKey.get(figure.key) ?? new Map();
    const { text } = this.analysis.article;
    const noPeriod: FigurePeriod = { per: null, when: null };
    let discrepancy = false;
    const alike = (this.byKindUnit.get(kindUnit(figure)) ?? []).filter((i) => i !== index);
    const items = alike.flatMap((i) => {
      const other = this.analysis.figures[i];
      const otherFacts = this.facts[i];
      if (!other || !otherFacts) return [];
      const sameQuantity = other.key === figure.key;
      const shared = sameQuantity ? [] : sharedTerms(topic, this.topicByKey.get(other.key) ?? new Map());
      const sameTopic = shared.length >= MIN_SHARED && MEASURED.has(figure.kind);
      if (
        sameTopic &&
        facts &&
        !facts.change &&
        !otherFacts.change &&
        !periodsDiffer(facts.period ?? noPeriod, otherFacts.period ?? noPeriod)
      )
        discrepancy = true;
      const item: FigureElsewhere = {
        text: other.text,
        written: otherFacts.written ?? other.text,
        sentence: text.slice(otherFacts.sentence.start, otherFacts.sentence.end).trim(),
        sameQuantity,
        speaker: otherFacts.speaker,
        ...(sameTopic ? { sameTopic: shared.slice(0, TOPIC_SHOWN) } : {}),
      };
      return [{ item, order: sameTopic ? 0 : sameQuantity ? 1 : 2, at: i }];
    });
    items.sort((a, b) => a.order - b.order || a.at - b.at);
    const earlier = earlierValues(figure, topic, this.statementFigures);
    const references = facts
      ? referencesFor(
          figure,
          topic,
          this.contexts,
          new Set(spansWithin(this.entitySpans, facts.sentence.start, facts.sentence.end).map((e) => e.id)),
        )
      : [];
    return {
      figure,
      occurrences: alike.filter((i) => this.analysis.figures[i]?.key === figure.key).length + 1,
      elsewhere: items.slice(0, ELSEWHERE_MAX).map((x) => x.item),
      written: facts?.written ?? figure.text,
      scale: figureScale(figure),
      period: facts?.period ?? noPeriod,
      speaker: facts?.speaker ?? null,
      topic: [...topic.values()]
        .sort((a, b) => b.count - a.count)
        .slice(0, TOPIC_SHOWN)
        .map((t) => t.word),
      discrepancy,
      earlier,
      change: changeFromLast(figure, earlier, references),
      references,
    };
  }
}
