/**
 * First half of a page pass, before the database is asked: find name mentions, cluster article-local
 * forms, parse figures and extract attributed quotes. Produces the one batched lookup request.
 */
import type { LookupRequest } from '../../messaging/protocol';
import { type FigureMatch, parseFigures } from '../figures/figure-parser';
import { findNameMentions, type NameMention } from '../names/name-finder';
import { clusterNameMentions, type NameCluster } from '../names/name-forms';
import { type AttributedQuote, QuoteReader } from '../names/quote-extractor';
import { officeKeys } from '../roles/office-lexicon';
import { findRolePhrases, type RolePhraseMention } from '../roles/role-phrase';
import { normaliseName } from '../text/normalise';
import { type ArticleText, joinBlocks } from './article-text';

export interface ArticleAnalysis {
  article: ArticleText;
  /** Mentions with offsets in the joined text. */
  mentions: NameMention[];
  clusters: NameCluster[];
  figures: FigureMatch[];
  quotes: AttributedQuote[];
  /** "the Prime Minister", "the US president": offices standing for a person, outside any name mention. */
  rolePhrases: RolePhraseMention[];
}

/** Characters of article text analysed between two chances to yield (a few milliseconds of work). */
const STRETCH_CHARS = 2000;

/**
 * What `find` finds in the whole text that starts in the lines [from, to), found in those lines alone.
 * `from` and `to` are line starts. Figures and role phrases never cross a line break, and neither do the
 * rules that judge them (what they read before or after stops at the line's end), so this is exactly what
 * one read of the whole text finds there.
 */
function inLines<T extends { start: number; end: number }>(
  find: (text: string) => T[],
  text: string,
  from: number,
  to: number,
): T[] {
  return find(text.slice(from, to)).map((found) => ({
    ...found,
    start: found.start + from,
    end: found.end + from,
  }));
}

/** Consecutive stretches of whole blocks, each about `size` characters: [start, end) offsets. */
function stretches(article: ArticleText, size: number): [number, number][] {
  const out: [number, number][] = [];
  const ends = [...article.blockStarts.slice(1), article.text.length + 1];
  let from = 0;
  ends.forEach((end, i) => {
    if (end - from >= size || i === ends.length - 1) {
      out.push([from, Math.min(end, article.text.length)]);
      from = end;
    }
  });
  return out;
}

/** The parts of the analysis, in the order each stretch runs them. */
export type AnalysisPhase = 'names' | 'figures' | 'roles' | 'quotes' | 'clusters';

const noPhases = (_phase: AnalysisPhase) => {};

/**
 * {@link analyseArticle} a stretch of blocks at a time: the generator yields after each stretch, so a
 * caller can give the browser its turn, and returns the analysis. Driven to the end without pausing it
 * gives the same analysis as reading the whole text at once. `enter` is told each time the work moves to
 * another part, so a benchmark can book the time to it.
 */
export function* analyseArticleSteps(
  blocks: readonly string[],
  enter: (phase: AnalysisPhase) => void = noPhases,
): Generator<void, ArticleAnalysis, void> {
  const article = joinBlocks(blocks);
  const { text } = article;
  const mentions: NameMention[] = [];
  const figures: FigureMatch[] = [];
  const rolePhrases: RolePhraseMention[] = [];
  const quotes = new QuoteReader(text);
  for (const [from, to] of stretches(article, STRETCH_CHARS)) {
    enter('names');
    // A mention that crosses a block boundary cannot be wrapped in one element; drop it here.
    const found = findNameMentions(text, from, to).filter((m) => !m.text.includes('\n'));
    mentions.push(...found);
    enter('figures');
    figures.push(...inLines(parseFigures, text, from, to).filter((f) => !f.text.includes('\n')));
    enter('roles');
    // A name inside the phrase ("US" in "the US president") gives way to it; one crossing its edge wins.
    const phrases = inLines(findRolePhrases, text, from, to).filter(
      (r) =>
        !r.text.includes('\n') &&
        !found.some((m) => m.start < r.end && r.start < m.end && (m.start < r.start || m.end > r.end)),
    );
    rolePhrases.push(...phrases);
    enter('quotes');
    quotes.readTo(to);
    yield;
  }
  enter('clusters');
  return {
    article,
    mentions,
    clusters: clusterNameMentions(mentions),
    figures,
    quotes: quotes.quotes,
    rolePhrases,
  };
}

/** Finds names, figures, quotes and role phrases in the article's blocks, and clusters the names' forms. */
export function analyseArticle(blocks: readonly string[]): ArticleAnalysis {
  const steps = analyseArticleSteps(blocks);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The first token of a cluster's canonical name, lower-cased, when it could be a given name. */
export function firstToken(cluster: NameCluster): string | null {
  const tokens = normaliseName(cluster.canonical).split(' ');
  return tokens.length >= 2 ? (tokens[0] ?? null) : null;
}

/**
 * The one batched request of a pass: alias keys, given-name candidates, and the offices its role phrases
 * may name (in the phrase's own country, else in the article's).
 */
export function lookupRequestFor(
  analysis: ArticleAnalysis,
  articleDate: string | null,
  articleCountry: string | null = null,
): LookupRequest {
  const offices = new Set<string>();
  for (const phrase of analysis.rolePhrases) {
    const country = phrase.country ?? articleCountry;
    if (country) for (const key of officeKeys(phrase.concept, country)) offices.add(key);
  }
  const keys = new Set<string>();
  const givenNameCandidates = new Set<string>();
  for (const cluster of analysis.clusters) {
    for (const key of cluster.lookupKeys) keys.add(key);
    const first = firstToken(cluster);
    if (first) givenNameCandidates.add(first);
  }
  return {
    keys: [...keys],
    givenNameCandidates: [...givenNameCandidates],
    articleDate,
    offices: [...offices],
  };
}
