/**
 * First half of a page pass, before the database is asked: find name mentions, cluster article-local
 * forms, parse figures and extract attributed quotes. Produces the one batched lookup request.
 */
import type { LookupRequest } from '../../messaging/protocol';
import { type FigureMatch, parseFigures } from '../figures/figure-parser';
import { findNameMentions, type NameMention } from '../names/name-finder';
import { clusterNameMentions, type NameCluster } from '../names/name-forms';
import { type AttributedQuote, extractQuotes } from '../names/quote-extractor';
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

export function analyseArticle(blocks: readonly string[]): ArticleAnalysis {
  const article = joinBlocks(blocks);
  // A mention that crosses a block boundary cannot be wrapped in one element; drop it here.
  const mentions = findNameMentions(article.text).filter((m) => !m.text.includes('\n'));
  const figures = parseFigures(article.text).filter((f) => !f.text.includes('\n'));
  // A name inside the phrase ("US" in "the US president") gives way to it; one crossing its edge wins.
  const rolePhrases = findRolePhrases(article.text).filter(
    (r) =>
      !r.text.includes('\n') &&
      !mentions.some((m) => m.start < r.end && r.start < m.end && (m.start < r.start || m.end > r.end)),
  );
  return {
    article,
    mentions,
    clusters: clusterNameMentions(mentions),
    figures,
    quotes: extractQuotes(article.text),
    rolePhrases,
  };
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
