/**
 * The context of each figure of an article, for its card: how it was parsed (value, scale, period), who
 * gave it, the other figures on the page about the same topic (and who gave each), whether the article
 * gives different figures for one topic, earlier statements with the same kind of quantity (and the change
 * from the last of them) and reference figures from the database. The topics, speakers and statement
 * figures are read once, when the pass builds the models; opening a card only picks from them.
 */
import type { EntityContext } from '../../messaging/protocol';
import {
  type FigurePeriod,
  figurePeriod,
  figureScale,
  periodsDiffer,
  type Span,
  spansWithin,
  TopicGroups,
  TopicReader,
  writtenWith,
} from '../figures/figure-topic';
import type { Approx, FigureKind, FigureMatch } from '../figures/types';
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

/** What only reading the figures needs; dropped once every figure is read, so the analysis can go. */
interface FigureReading {
  text: string;
  /** Sentence ids by the sentence's start. */
  sentenceIds: Map<number, number>;
  /** Word ids by word, for {@link FigureContexts.words}. */
  wordIds: Map<string, number>;
  /** The sentences' word ids, one sentence after another (see {@link FigureContexts.sentenceEnds}). */
  tokens: number[];
  /** One detached copy of each string kept for the cards (see {@link FigureContexts.kept}). */
  kept: Map<string, string>;
  /** The kept copy of each speaker (see {@link FigureContexts.keptSpeaker}). */
  speakers: Map<FigureSpeaker, FigureSpeaker>;
  people: PersonSpan[];
  quotes: QuoteSpan[];
  years: FigureMatch[];
  topics: TopicReader;
  /** The analysis's figures; each is packed into {@link FigureContexts}' arrays as it is read. */
  figures: readonly FigureMatch[];
  /** Ids of the strings in {@link FigureContexts.strings}. */
  stringIds: Map<string, number>;
}

/**
 * A copy of `text` that holds nothing else. A string cut from the article's text (or joined from such
 * cuts) may keep the whole text alive in V8 (a sliced or cons string), megabytes on a long page, for as
 * long as a card may need a few words of it.
 */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** Bits of {@link FigureContexts.flags}. */
const READ = 1;
/** The clause reads as a change over time ("up from £4bn"). */
const CHANGE = 2;
const NEGATIVE = 4;

const KINDS: readonly FigureKind[] = ['money', 'percent', 'year', 'date', 'count', 'quantity'];
/** Index 0 is "no qualifier". */
const APPROX: readonly (Approx | undefined)[] = [
  undefined,
  'about',
  'over',
  'under',
  'nearly',
  'up to',
  'at least',
  'some',
];
/** Per figure in {@link FigureContexts.ids}: its text's, key's, display's and unit's string ids. */
const TEXT = 0;
const KEY = 1;
const DISPLAY = 2;
const UNIT = 3;
const IDS = 4;

/**
 * The figure contexts of one pass. Topics, periods and speakers of every figure, and the figures in the
 * page's people's statements, are read here, during the pass; {@link FigureContexts.of} only picks. What
 * stays for the cards is compact: per figure its sentence's span and a few bits in typed arrays, its
 * speaker, period and qualifier only when it has one, and the quantities' topics as interned ids
 * (the analysis, the page's name mentions and the reading state go once the last figure is read).
 */
export class FigureContexts {
  private reading: FigureReading | null;
  private unread: number;
  private readonly count: number;
  /**
   * The figures, packed: an object per figure costs a long page a megabyte, so each field is kept in an
   * array (strings as ids in {@link strings}, each kept once) and {@link figure} rebuilds one on demand.
   */
  private readonly spans: Int32Array;
  private readonly values: Float64Array;
  /** Per figure: {@link IDS} string ids (unit -1 when it has none). */
  private readonly ids: Int32Array;
  /** Per figure: kind index, and qualifier index shifted by 3. */
  private readonly kinds: Uint8Array;
  /** Upper bounds of the figures that have one (compact ranges). */
  private readonly highs = new Map<number, number>();
  private readonly strings: string[] = [];
  /** Per figure: its sentence's start and end, to find what it names; empty when no entity has references. */
  private readonly sentences: Int32Array;
  /** Per figure: the id of its sentence (see {@link sentenceText}). */
  private readonly sentenceOf: Int32Array;
  /**
   * The figures' sentences, trimmed, each once, for the cards (the article's text can go): as ids of their
   * space-separated words, each word kept once. A long page's sentences repeat most of their words, and
   * two bytes a word cost a fraction of the sentences' own strings.
   */
  private readonly words: string[] = [];
  private tokens: Uint16Array | Uint32Array = new Uint16Array(0);
  /** Per sentence id: the end of its words in {@link tokens} (the start is the previous sentence's end). */
  private readonly sentenceEnds: number[] = [];
  private readonly flags: Uint8Array;
  private readonly speakers = new Map<number, FigureSpeaker>();
  private readonly periods = new Map<number, FigurePeriod>();
  /** Set only when the article writes a qualifier before the figure. */
  private readonly written = new Map<number, string>();
  private readonly topics = new TopicGroups();
  private readonly byKindUnit = new Map<string, number[]>();
  private readonly statementFigures: StatementFigure[];
  /** Contexts with reference figures: only those can give a figure references. */
  private readonly contexts: EntityContext[];
  /** Mentions of those contexts' entities, ordered by start, to find what a figure's sentence names. */
  private readonly entitySpans: (Span & { id: string })[] = [];

  constructor(
    analysis: ArticleAnalysis,
    names: readonly ResolvedName[],
    roles: RoleContext,
    articleDate: string | null,
  ) {
    const people = peopleSpans(analysis, names, roles);
    this.reading = {
      text: analysis.article.text,
      sentenceIds: new Map(),
      wordIds: new Map(),
      tokens: [],
      kept: new Map(),
      speakers: new Map(),
      people,
      quotes: quoteSpeakers(analysis, names, people),
      years: analysis.figures.filter((f) => f.kind === 'year'),
      topics: new TopicReader(analysis.article.text, people, analysis.figures),
      figures: analysis.figures,
      stringIds: new Map(),
    };
    this.count = analysis.figures.length;
    this.unread = this.count;
    this.spans = new Int32Array(2 * this.count);
    this.values = new Float64Array(this.count);
    this.ids = new Int32Array(IDS * this.count);
    this.kinds = new Uint8Array(this.count);
    this.sentenceOf = new Int32Array(analysis.figures.length);
    this.flags = new Uint8Array(analysis.figures.length);
    const contexts = pageContexts(names, roles);
    this.contexts = contexts.filter((c) => (c.figures?.length ?? 0) > 0);
    this.sentences = new Int32Array(this.contexts.length > 0 ? 2 * this.count : 0);
    const withFigures = new Set(this.contexts.map((c) => c.entity.id));
    for (const name of names)
      for (const i of name.context && withFigures.has(name.context.entity.id)
        ? name.cluster.mentionIndexes
        : []) {
        const m = analysis.mentions[i];
        if (m && name.context)
          this.entitySpans.push({ start: m.start, end: m.end, id: name.context.entity.id });
      }
    this.entitySpans.sort((a, b) => a.start - b.start);
    this.statementFigures = statementFigures(contexts, analysis.article.text, articleDate);
    if (this.unread === 0) this.finishReading();
  }

  /**
   * Reads figure number `index`: its topic (added to its quantity's), speaker, period and qualifier. The
   * pass calls it for each figure as it builds the models, between its slices; every figure must be read
   * before {@link of} is asked (it reads any left over).
   */
  read(index: number): void {
    const reading = this.reading;
    const figure = reading?.figures[index];
    if (!figure || !reading || (this.flags[index] ?? 0) & READ) return;
    this.pack(reading, index, figure);
    const { text } = reading;
    const topic = reading.topics.topicOf(figure);
    this.topics.add(this.string(index, KEY), topic);
    const list = this.byKindUnit.get(kindUnit(figure)) ?? [];
    list.push(index);
    this.byKindUnit.set(kindUnit(figure), list);
    const period = figurePeriod(text, topic.clause, reading.years);
    const written = writtenWith(text, figure, topic.clause);
    const speaker = speakerOf(text, figure, topic.sentence, reading.quotes, reading.people);
    this.sentences[2 * index] = topic.sentence.start;
    this.sentences[2 * index + 1] = topic.sentence.end;
    this.sentenceOf[index] = this.sentenceId(reading, topic.sentence);
    this.flags[index] = READ | (topic.change ? CHANGE : 0) | (figure.negative ? NEGATIVE : 0);
    if (speaker) this.speakers.set(index, this.keptSpeaker(reading, speaker));
    if (period.per || period.when)
      this.periods.set(index, {
        per: period.per,
        when: period.when === null ? null : this.kept(reading, period.when),
      });
    if (written !== figure.text) this.written.set(index, this.kept(reading, written));
    if (--this.unread === 0) this.finishReading();
  }

  /** Packs figure number `index` into the arrays; its strings are kept once each, apart from the text. */
  private pack(reading: FigureReading, index: number, figure: FigureMatch): void {
    this.spans[2 * index] = figure.start;
    this.spans[2 * index + 1] = figure.end;
    this.values[index] = figure.value ?? Number.NaN;
    if (figure.high !== undefined) this.highs.set(index, figure.high);
    this.kinds[index] = KINDS.indexOf(figure.kind) | (APPROX.indexOf(figure.approx) << 3);
    this.ids[IDS * index + TEXT] = this.stringId(reading, figure.text);
    this.ids[IDS * index + KEY] = this.stringId(reading, figure.key);
    this.ids[IDS * index + DISPLAY] = this.stringId(reading, figure.display);
    // The summary is built from the same figures after the models: it then shares the kept strings.
    figure.text = this.string(index, TEXT);
    figure.key = this.string(index, KEY);
    figure.display = this.string(index, DISPLAY);
    this.ids[IDS * index + UNIT] = figure.unit === null ? -1 : this.stringId(reading, figure.unit);
  }

  private stringId(reading: FigureReading, text: string): number {
    let id = reading.stringIds.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(this.kept(reading, text));
      reading.stringIds.set(text, id);
    }
    return id;
  }

  private string(index: number, field: number): string {
    return this.strings[this.ids[IDS * index + field] ?? -1] ?? '';
  }

  /** How many figures the article has. */
  get length(): number {
    return this.count;
  }

  /** The text of figure number `index`, as the article writes it. */
  text(index: number): string {
    this.readAll();
    return this.string(index, TEXT);
  }

  /** Figure number `index`, rebuilt from the packed arrays: equal to the analysis's figure. */
  figure(index: number): FigureMatch {
    this.readAll();
    const value = this.values[index] ?? Number.NaN;
    const kinds = this.kinds[index] ?? 0;
    const unit = this.ids[IDS * index + UNIT] ?? -1;
    const figure: FigureMatch = {
      start: this.spans[2 * index] ?? 0,
      end: this.spans[2 * index + 1] ?? 0,
      text: this.string(index, TEXT),
      kind: KINDS[kinds & 7] ?? 'count',
      value: Number.isNaN(value) ? null : value,
      unit: unit < 0 ? null : (this.strings[unit] ?? null),
      key: this.string(index, KEY),
      display: this.string(index, DISPLAY),
    };
    const high = this.highs.get(index);
    if (high !== undefined) figure.high = high;
    if ((this.flags[index] ?? 0) & NEGATIVE) figure.negative = true;
    const approx = APPROX[kinds >> 3];
    if (approx) figure.approx = approx;
    return figure;
  }

  /** A detached copy of `text`, shared by every figure that keeps the same string. */
  private kept(reading: FigureReading, text: string): string {
    let copy = reading.kept.get(text);
    if (copy === undefined) {
      copy = detached(text);
      reading.kept.set(text, copy);
    }
    return copy;
  }

  /** The speaker with its words kept apart from the article (a name or role phrase may be cut from it). */
  private keptSpeaker(reading: FigureReading, speaker: FigureSpeaker): FigureSpeaker {
    let copy = reading.speakers.get(speaker);
    if (!copy) {
      copy = {
        name: this.kept(reading, speaker.name),
        entityId: speaker.entityId,
        as: speaker.as === null ? null : this.kept(reading, speaker.as),
      };
      reading.speakers.set(speaker, copy);
    }
    return copy;
  }

  private sentenceId(reading: FigureReading, sentence: Span): number {
    let id = reading.sentenceIds.get(sentence.start);
    if (id === undefined) {
      id = this.sentenceEnds.length;
      for (const word of reading.text.slice(sentence.start, sentence.end).trim().split(' ')) {
        let wordId = reading.wordIds.get(word);
        if (wordId === undefined) {
          wordId = this.words.length;
          this.words.push(detached(word));
          reading.wordIds.set(word, wordId);
        }
        reading.tokens.push(wordId);
      }
      this.sentenceEnds.push(reading.tokens.length);
      reading.sentenceIds.set(sentence.start, id);
    }
    return id;
  }

  /** The sentence with id `id`, as the article writes it (trimmed). */
  private sentenceText(id: number): string {
    const words: string[] = [];
    for (let t = id > 0 ? (this.sentenceEnds[id - 1] ?? 0) : 0; t < (this.sentenceEnds[id] ?? 0); t++)
      words.push(this.words[this.tokens[t] ?? 0] ?? '');
    return words.join(' ');
  }

  /** Drops what only reading needed and packs the topics and the sentences' words. */
  private finishReading(): void {
    const tokens = this.reading?.tokens ?? [];
    this.tokens = this.words.length <= 0xffff ? Uint16Array.from(tokens) : Uint32Array.from(tokens);
    this.reading = null;
    this.topics.seal();
    for (const list of this.byKindUnit.values()) list.sort((a, b) => a - b);
  }

  private readAll(): void {
    for (let i = 0; this.reading && i < this.count; i++) this.read(i);
  }

  /** The context of the article's figure number `index`. */
  of(index: number): FigureContext {
    const figure = this.figure(index);
    const read = ((this.flags[index] ?? 0) & READ) !== 0;
    const topic = this.topics.terms(figure.key);
    const noPeriod: FigurePeriod = { per: null, when: null };
    const period = this.periods.get(index) ?? noPeriod;
    const change = ((this.flags[index] ?? 0) & CHANGE) !== 0;
    let discrepancy = false;
    const alike = (this.byKindUnit.get(kindUnit(figure)) ?? []).filter((i) => i !== index);
    const key = this.ids[IDS * index + KEY];
    const items = alike.flatMap((i) => {
      const otherText = this.string(i, TEXT);
      const sameQuantity = this.ids[IDS * i + KEY] === key;
      const shared = sameQuantity ? [] : this.topics.shared(topic, this.string(i, KEY));
      const sameTopic = shared.length >= MIN_SHARED && MEASURED.has(figure.kind);
      if (
        sameTopic &&
        read &&
        !change &&
        ((this.flags[i] ?? 0) & CHANGE) === 0 &&
        !periodsDiffer(period, this.periods.get(i) ?? noPeriod)
      )
        discrepancy = true;
      const item: Omit<FigureElsewhere, 'sentence'> = {
        text: otherText,
        written: this.written.get(i) ?? otherText,
        sameQuantity,
        speaker: this.speakers.get(i) ?? null,
        ...(sameTopic ? { sameTopic: shared.slice(0, TOPIC_SHOWN) } : {}),
      };
      return [{ item, order: sameTopic ? 0 : sameQuantity ? 1 : 2, at: i }];
    });
    items.sort((a, b) => a.order - b.order || a.at - b.at);
    // Sentences only for the figures the card lists: a long page has thousands alike.
    const elsewhere = items.slice(0, ELSEWHERE_MAX).map(
      ({ item, at }): FigureElsewhere => ({
        ...item,
        sentence: this.sentenceText(this.sentenceOf[at] ?? 0),
      }),
    );
    const earlier = earlierValues(figure, topic, this.statementFigures);
    const start = this.sentences[2 * index] ?? 0;
    const end = this.sentences[2 * index + 1] ?? 0;
    const references = read
      ? referencesFor(
          figure,
          topic,
          this.contexts,
          new Set(spansWithin(this.entitySpans, start, end).map((e) => e.id)),
        )
      : [];
    return {
      figure,
      occurrences: alike.filter((i) => this.ids[IDS * i + KEY] === key).length + 1,
      elsewhere,
      written: this.written.get(index) ?? figure.text,
      scale: figureScale(figure),
      period,
      speaker: this.speakers.get(index) ?? null,
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
