/**
 * What a figure is about, read from its clause: the content terms around it ("the real-terms increase in
 * defence spending"), its scale ("billion") and the period it covers ("per year", "by 2027"). Two figures
 * whose clauses share enough terms are about the same topic. A clause that opens with a comparison
 * ("compared with the £13.4 billion figure") is about what it is compared with, so it takes the terms of
 * the clause before it. Pure logic.
 */
import { type Term, termsOf } from '../ranking/terms';
import type { FigureMatch } from './types';

/** Words that say how much or how it was said, never what about: they would make every figure alike. */
const NOT_TOPICAL = new Set(
  `figure figures number numbers amount amounts total sum sums billion billions million millions trillion
  thousand thousands hundred hundreds bn mn tn cent percent percentage point points year years annual time
  times something around nearly almost least cited suggested claimed estimated announced stated quoted
  compared according pound pounds dollar dollars euro euros mean means meant put take given`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** Words that open a clause comparing its figure with the clause before, or giving its earlier value. */
const COMPARISON =
  /^(?:compared (?:with|to)|as against|against|versus|vs\.?|rather than|not|(?:up|down) from|from)\b/i;
/** Words that say a figure is an earlier or later value of the same thing, not a rival one. */
const CHANGE =
  /\b(?:up|down|rose|rise|rising|fell|fall|falling|grew|increased|decreased|cut) from\b|\bfrom\b.{0,40}\bto\b/i;

/** Clause breaks inside a sentence: punctuation, dashes, and the conjunctions that start a new clause. */
const CLAUSE_BREAK = /[,;:]\s|\s[–—]\s|\s(?:and|but|while|whereas)\s|\s(?=compared (?:with|to)\s)/gi;

export interface Span {
  start: number;
  end: number;
}

/** The spans of `sorted` (ordered by start) that start in [from, to): a binary search, so long pages stay cheap. */
export function spansWithin<T extends Span>(sorted: readonly T[], from: number, to: number): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid]?.start ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sorted.length; i++) {
    const span = sorted[i];
    if (!span || span.start >= to) break;
    out.push(span);
  }
  return out;
}

/** The sentence around a span. A full stop ends a sentence only before a space or a line's end, so "£13.4bn" stays whole. */
export function sentenceSpan(text: string, start: number, end: number): Span {
  const sentences = lineSentences(text, start);
  const first = sentences.find((s) => s.start <= start && start < s.end);
  const last = sentences.find((s) => s.start < end && end <= s.end);
  return { start: first?.start ?? start, end: last?.end ?? end };
}

/** The clauses of a sentence, in order, as spans of `text`. */
export function clauseSpans(text: string, sentence: Span): Span[] {
  const body = text.slice(sentence.start, sentence.end);
  const out: Span[] = [];
  let from = 0;
  for (const m of body.matchAll(CLAUSE_BREAK)) {
    out.push({ start: sentence.start + from, end: sentence.start + m.index });
    from = m.index + m[0].length;
  }
  out.push({ start: sentence.start + from, end: sentence.end });
  return out.filter((c) => c.end > c.start);
}

export interface FigureTopic {
  /** Content-term keys of the figure's clause (and of the clause it is compared with), with their words. */
  terms: Map<string, string>;
  /** The figure's own clause. */
  clause: Span;
  /** The sentence it is in. */
  sentence: Span;
  /** True when the clause reads as a change over time ("up from £4bn"). */
  change: boolean;
}

/** The sentences of the line around `at`, as spans of `text`. */
function lineSentences(text: string, at: number): Span[] {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const found = text.indexOf('\n', at);
  const lineEnd = found === -1 ? text.length : found;
  const out: Span[] = [];
  let from = lineStart;
  for (const m of text.slice(lineStart, lineEnd).matchAll(/[.!?]["'”’)]*(?=\s|$)/gu)) {
    const end = lineStart + m.index + m[0].length;
    out.push({ start: from, end });
    from = end;
  }
  if (from < lineEnd) out.push({ start: from, end: lineEnd });
  return out;
}

/**
 * Reads the topics of a text's figures, in order. A paragraph's sentences, a sentence's clauses and a
 * clause's terms are read once for all the figures in them, so a page full of figures is read about once.
 * `skip` (the people named: who said it is not what it is about) and `figures` (every figure's own words
 * stay out of topics) are ordered by start.
 */
export class TopicReader {
  private sentences: Span[] = [];
  private sentence: Span | null = null;
  private clauses: Span[] = [];
  private readonly clauseTerms = new Map<number, Term[]>();

  constructor(
    private readonly text: string,
    private readonly skip: readonly Span[],
    private readonly figures: readonly Span[],
  ) {}

  private sentenceOf(figure: Span): Span {
    const inside = (s: Span) => s.start <= figure.start && figure.start < s.end;
    let found = this.sentences.find(inside);
    if (!found) {
      this.sentences = lineSentences(this.text, figure.start);
      found = this.sentences.find(inside) ?? { start: figure.start, end: figure.end };
    }
    if (found !== this.sentence) {
      this.sentence = found;
      this.clauses = clauseSpans(this.text, found);
      this.clauseTerms.clear();
    }
    return found;
  }

  /** The clause's content terms outside people and figures, read once per clause. */
  private termsOf(clause: Span, sentence: Span): Term[] {
    let terms = this.clauseTerms.get(clause.start);
    if (!terms) {
      const outside = [
        ...spansWithin(this.skip, sentence.start, sentence.end),
        ...spansWithin(this.figures, sentence.start, sentence.end),
      ];
      terms = termsOf(this.text.slice(clause.start, clause.end), NOT_TOPICAL).filter((term) => {
        const start = clause.start + term.start;
        return !outside.some((o) => o.start <= start && start < o.end);
      });
      this.clauseTerms.set(clause.start, terms);
    }
    return terms;
  }

  /** The topic of the figure at `figure`: its clause's content terms, and those of a clause it is compared with. */
  topicOf(figure: Span): FigureTopic {
    const { text } = this;
    const sentence = this.sentenceOf(figure);
    const clauses = this.clauses;
    const at = Math.max(
      0,
      clauses.findIndex((c) => c.start <= figure.start && figure.start < c.end),
    );
    const clause = clauses[at] ?? sentence;
    const read: Span[] = [clause];
    const previous = clauses[at - 1];
    if (previous && COMPARISON.test(text.slice(clause.start, clause.end).trimStart())) read.push(previous);
    const next = clauses[at + 1];
    if (next && COMPARISON.test(text.slice(next.start, next.end).trimStart())) read.push(next);
    const terms = new Map<string, string>();
    for (const span of read)
      for (const term of this.termsOf(span, sentence))
        if (!terms.has(term.stem)) terms.set(term.stem, term.word);
    return { terms, clause, sentence, change: CHANGE.test(text.slice(clause.start, clause.end)) };
  }
}

/** The topic of one figure of `text` (see {@link TopicReader}, which reads many figures faster). */
export function figureTopic(
  text: string,
  figure: Span,
  skip: readonly Span[],
  figures: readonly Span[],
): FigureTopic {
  return new TopicReader(text, skip, figures).topicOf(figure);
}

/** The words a figure's scale is written in ("billion" for "£13.4bn"), or null for a plain number. */
export function figureScale(figure: Pick<FigureMatch, 'text'>): string | null {
  const m = figure.text.match(/(?:\d|\s)(thousand|million|billion|trillion|bn|mn|tn|m|k)\b/iu);
  if (!m?.[1]) return null;
  const word = m[1].toLowerCase();
  const short: Record<string, string> = {
    k: 'thousand',
    m: 'million',
    mn: 'million',
    bn: 'billion',
    tn: 'trillion',
  };
  return short[word] ?? word;
}

const RATE =
  /\b(?:a|per|each|every) (year|month|week|day)\b|\b(annual(?:ly)?|yearly|monthly|weekly|daily)\b|\byear on year\b/i;
const RATE_WORD: Record<string, string> = {
  annual: 'year',
  annually: 'year',
  yearly: 'year',
  monthly: 'month',
  weekly: 'week',
  daily: 'day',
};

/** The period a figure covers, as its clause states it: a rate ("year") and a year it refers to ("by 2027"). */
export interface FigurePeriod {
  /** "year", "month", "week" or "day" when the figure is a rate ("a year", "annually", "year on year"). */
  per: string | null;
  /** The words naming the year or fiscal year in the clause, with their preposition ("by 2027", "in 2027/28"). */
  when: string | null;
}

/** Reads a figure's period from its clause; `years` are the text's year and fiscal-year figures, ordered by start. */
export function figurePeriod(text: string, clause: Span, years: readonly FigureMatch[]): FigurePeriod {
  const words = text.slice(clause.start, clause.end);
  const rate = words.match(RATE);
  const per = rate ? (rate[1]?.toLowerCase() ?? RATE_WORD[rate[2]?.toLowerCase() ?? ''] ?? 'year') : null;
  const year = spansWithin(years, clause.start, clause.end).find((y) => y.end <= clause.end);
  let when: string | null = null;
  if (year) {
    const before = text
      .slice(Math.max(clause.start, year.start - 8), year.start)
      .match(/\b(by|in|for|since|from|until|to)\s$/iu);
    when = before?.[1] ? `${before[1].toLowerCase()} ${year.text}` : year.text;
  }
  return { per, when };
}

/** Whether two periods are known to differ (both stated, and not the same). */
export function periodsDiffer(a: FigurePeriod, b: FigurePeriod): boolean {
  return (
    (a.per !== null && b.per !== null && a.per !== b.per) ||
    (a.when !== null && b.when !== null && a.when !== b.when)
  );
}

/** Qualifier words written before a figure ("something over", "nearly"). */
const QUALIFIER =
  /(?:\b(?:something|some|just|well|about|around|roughly|nearly|almost|approximately|more than|less than|fewer than|over|under|up to|at least|an estimated)\s+)+$/iu;

/** The qualifier words the article writes just before a figure, with the figure ("something over £6 billion"). */
export function writtenWith(text: string, figure: Pick<FigureMatch, 'start' | 'text'>, clause: Span): string {
  const before = text.slice(Math.max(clause.start, figure.start - 30), figure.start);
  const qualifier = before.match(QUALIFIER)?.[0] ?? '';
  return `${qualifier}${figure.text}`.trim();
}

/** Terms of a group of figures (one quantity): each term's word and how many of the group's clauses use it. */
export type TopicTerms = Map<string, { word: string; count: number }>;

export function addTopic(into: TopicTerms, topic: FigureTopic): void {
  for (const [key, word] of topic.terms) {
    const seen = into.get(key);
    if (seen) seen.count++;
    else into.set(key, { word, count: 1 });
  }
}

/**
 * The topics of a page's quantities (figures with one key), kept for the whole life of the page. While the
 * pass reads figures each quantity's terms are a {@link TopicTerms} map; {@link seal} then packs them all
 * into one array of interned string ids (stem, word, count), because a long page has thousands of
 * quantities and a map per quantity, an object per term and a fresh string per occurrence cost about ten
 * times as much. A card unpacks the one topic it shows.
 */
export class TopicGroups {
  private building: Map<string, TopicTerms> | null = new Map();
  private readonly strings: string[] = [];
  /** Where each quantity's run starts in {@link data}: its length in terms, then (stem, word, count) per term. */
  private readonly at = new Map<string, number>();
  private data = new Int32Array(0);

  add(key: string, topic: FigureTopic): void {
    if (!this.building) throw new Error('topic groups are sealed');
    const group = this.building.get(key) ?? new Map();
    addTopic(group, topic);
    this.building.set(key, group);
  }

  /** Packs every quantity's terms; nothing can be added afterwards. */
  seal(): void {
    if (!this.building) return;
    let size = 0;
    for (const group of this.building.values()) size += 1 + 3 * group.size;
    const data = new Int32Array(size);
    // Ids are only needed while packing.
    const ids = new Map<string, number>();
    const intern = (text: string): number => {
      let id = ids.get(text);
      if (id === undefined) {
        id = this.strings.length;
        this.strings.push(text);
        ids.set(text, id);
      }
      return id;
    };
    let at = 0;
    for (const [key, group] of this.building) {
      this.at.set(key, at);
      data[at++] = group.size;
      for (const [stem, { word, count }] of group) {
        data[at++] = intern(stem);
        data[at++] = intern(word);
        data[at++] = count;
      }
    }
    this.data = data;
    this.building = null;
  }

  /** The terms of quantity `key`, in the order they were first read. */
  terms(key: string): TopicTerms {
    const built = this.building?.get(key);
    if (built) return built;
    const out: TopicTerms = new Map();
    const at = this.at.get(key);
    if (at === undefined) return out;
    const n = this.data[at] ?? 0;
    for (let i = at + 1; i < at + 1 + 3 * n; i += 3)
      out.set(this.strings[this.data[i] ?? 0] ?? '', {
        word: this.strings[this.data[i + 1] ?? 0] ?? '',
        count: this.data[i + 2] ?? 0,
      });
    return out;
  }

  /** {@link sharedTerms} of `topic` and quantity `key`'s terms, read in place. */
  shared(topic: TopicTerms, key: string): string[] {
    if (this.building) return sharedTerms(topic, this.terms(key));
    const at = this.at.get(key);
    if (at === undefined) return [];
    const n = this.data[at] ?? 0;
    const shared: { word: string; weight: number; order: number }[] = [];
    let order: string[] | null = null;
    for (let i = at + 1; i < at + 1 + 3 * n; i += 3) {
      const stem = this.strings[this.data[i] ?? 0] ?? '';
      const x = topic.get(stem);
      if (!x) continue;
      order ??= [...topic.keys()];
      shared.push({ word: x.word, weight: x.count + (this.data[i + 2] ?? 0), order: order.indexOf(stem) });
    }
    return shared.sort((p, q) => q.weight - p.weight || p.order - q.order).map((s) => s.word);
  }
}

/** Shared terms of two topics, strongest first, as words. */
export function sharedTerms(a: TopicTerms, b: TopicTerms): string[] {
  const shared: { word: string; weight: number }[] = [];
  for (const [key, x] of a) {
    const y = b.get(key);
    if (y) shared.push({ word: x.word, weight: x.count + y.count });
  }
  return shared.sort((p, q) => q.weight - p.weight).map((s) => s.word);
}
