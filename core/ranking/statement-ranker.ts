/**
 * Ranks a person's earlier statements against the article being read, with BM25: each statement (its
 * words and topic terms) is a document, the article's content terms are the query, weighted by how often
 * the article uses them. Recency breaks ties, so with nothing in common the newest come first. Each result
 * names the terms it shares with the article, which the card shows as "why shown". Pure logic: the article
 * text never leaves the page's process.
 */
import type { EntityContext } from '../../messaging/protocol';
import type { Statement } from '../model';
import { TermCounter, termsOf } from './terms';

/** BM25's usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/** How many shared terms a "why shown" lists. */
const WHY_MAX = 4;

export interface RankedStatement {
  statement: Statement;
  /** BM25 score against the article; 0 when they share no term. */
  score: number;
  /** The shared terms, as the statement writes them, strongest first. */
  why: string[];
}

interface StatementDoc {
  statement: Statement;
  counts: Map<string, number>;
  /** Each term's word as the statement writes it, for display. */
  words: Map<string, string>;
  length: number;
}

function docOf(statement: Statement): StatementDoc {
  const counts = new Map<string, number>();
  const words = new Map<string, string>();
  for (const term of [...termsOf(statement.quote), ...statement.topics.flatMap((t) => termsOf(t))]) {
    counts.set(term.stem, (counts.get(term.stem) ?? 0) + 1);
    if (!words.has(term.stem)) words.set(term.stem, term.word);
  }
  let length = 0;
  for (const n of counts.values()) length += n;
  return { statement, counts, words, length };
}

/** Newest first, then by id, so equal dates keep one stable order. */
export function newestFirst(a: Statement, b: Statement): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Scores that differ by less than this are a tie (floating-point sums in a different order). */
const TIE = 1e-9;

/**
 * The article's side of the ranking: how often it uses each term. Built once per page pass for the terms
 * of the statements it will rank, so a long page is read once and only counted where it matters.
 */
export class ArticleQuery {
  private constructor(private readonly counts: ReadonlyMap<string, number>) {}

  /** Counts in `articleText` only the terms the `statements` use. */
  static for(articleText: string, statements: readonly Statement[]): ArticleQuery {
    const counter = new TermCounter(vocabularyOf(statements));
    counter.read(articleText);
    return new ArticleQuery(counter.counts);
  }

  /** The query of an article whose terms were counted (a stretch at a time) by `counter`. */
  static counted(counter: TermCounter): ArticleQuery {
    return new ArticleQuery(counter.counts);
  }

  /** A query term's weight: grows with the article's use of it, but slowly (log), so one word cannot dominate. */
  weight(term: string): number {
    const n = this.counts.get(term) ?? 0;
    return n > 0 ? 1 + Math.log(n) : 0;
  }
}

/** Every term the statements use. */
function vocabularyOf(statements: readonly Statement[]): Set<string> {
  const vocabulary = new Set<string>();
  for (const s of statements) for (const key of docOf(s).counts.keys()) vocabulary.add(key);
  return vocabulary;
}

/**
 * `statements` ranked against the article, best first; equal scores newest first. Inverse document
 * frequency is taken over `statements` themselves, so a term every statement shares counts for little.
 */
export function rankStatements(statements: readonly Statement[], query: ArticleQuery): RankedStatement[] {
  const docs = statements.map(docOf);
  const total = docs.length;
  if (total === 0) return [];
  const avgLength = Math.max(1, docs.reduce((sum, d) => sum + d.length, 0) / total);
  const docFrequency = new Map<string, number>();
  for (const doc of docs)
    for (const key of doc.counts.keys()) docFrequency.set(key, (docFrequency.get(key) ?? 0) + 1);
  const ranked = docs.map((doc) => {
    const parts: { word: string; part: number }[] = [];
    const norm = K1 * (1 - B + (B * doc.length) / avgLength);
    for (const [key, tf] of doc.counts) {
      const weight = query.weight(key);
      if (weight === 0) continue;
      const n = docFrequency.get(key) ?? 0;
      // The "+1" form of IDF stays positive even when every statement has the term.
      const idf = Math.log(1 + (total - n + 0.5) / (n + 0.5));
      parts.push({ word: doc.words.get(key) ?? key, part: (weight * idf * tf * (K1 + 1)) / (tf + norm) });
    }
    parts.sort((a, b) => b.part - a.part);
    return {
      statement: doc.statement,
      score: parts.reduce((sum, p) => sum + p.part, 0),
      why: parts.slice(0, WHY_MAX).map((p) => p.word),
    };
  });
  return ranked.sort((a, b) =>
    Math.abs(a.score - b.score) > TIE ? b.score - a.score : newestFirst(a.statement, b.statement),
  );
}

/** Characters of article text counted between two chances to yield. */
const STRETCH_CHARS = 50_000;

/**
 * Ranks every entity's statements against the article and records the order on each context
 * (`relevance`), so every card and the popup of the pass read one ranking. The article is read once, for
 * the terms of all the statements together, a stretch at a time: the generator yields between stretches so
 * a pass can give the browser its turn. A page whose entities have no statements is not read at all.
 */
export function* rankContextStatementsSteps(
  articleText: string,
  contexts: Iterable<EntityContext>,
): Generator<void, void, void> {
  const withStatements = [...contexts].filter((c) => c.statements.length > 0);
  if (withStatements.length === 0) return;
  const counter = new TermCounter(vocabularyOf(withStatements.flatMap((c) => c.statements)));
  for (let from = 0; from < articleText.length; ) {
    // Cut at whitespace, so no word is split between two stretches.
    const space = articleText.indexOf(' ', from + STRETCH_CHARS);
    const to = space === -1 ? articleText.length : space;
    counter.read(articleText.slice(from, to));
    from = to;
    yield;
  }
  const query = ArticleQuery.counted(counter);
  for (const context of withStatements) {
    context.relevance = rankStatements(context.statements, query).map(({ statement, score, why }) => ({
      id: statement.id,
      score,
      why,
    }));
    yield;
  }
}

/** {@link rankContextStatementsSteps} driven to its end at once. */
export function rankContextStatements(articleText: string, contexts: Iterable<EntityContext>): void {
  for (const _ of rankContextStatementsSteps(articleText, contexts));
}
