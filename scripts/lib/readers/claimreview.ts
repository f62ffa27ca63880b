/**
 * Reader for schema.org ClaimReview, the markup fact-checkers publish: JSON-LD in an HTML page, a JSON-LD
 * file, or a DataFeed of them (`dataFeedElement[].item`). Each review becomes one reviewed claim: who made
 * it, when, the claim as the fact-checker words it, the verdict, and the review's URL. A review that lacks
 * any of these is reported and left out, never completed by guesswork.
 */
import type { EntityKind } from '../../../core/model';
import {
  firstObject,
  hasType,
  httpUrl,
  isoDay,
  type JsonObject,
  jsonLdBlocks,
  nodesOfType,
  text,
} from './jsonld';

export interface ClaimAuthor {
  name: string;
  kind: EntityKind;
  /** Wikidata Q-id from the author's `sameAs`, when given. */
  qid?: string;
}

export interface ReviewedClaim {
  /** `claimReviewed`: the claim as the fact-checker states it (it may be a summary, not a quotation). */
  claim: string;
  author: ClaimAuthor;
  /** ISO date the claim was made (`itemReviewed.datePublished`, else its appearance's date). */
  date: string;
  rating: string;
  reviewUrl: string;
  reviewer: string;
  reviewDate?: string;
  claimUrl?: string;
}

export interface ClaimReviewResult {
  claims: ReviewedClaim[];
  problems: string[];
}

const ORGANIZATION_TYPES = [
  'Organization',
  'GovernmentOrganization',
  'PoliticalParty',
  'NewsMediaOrganization',
];

function wikidataQid(sameAs: unknown): string | undefined {
  const urls = Array.isArray(sameAs) ? sameAs : [sameAs];
  for (const u of urls) {
    const m =
      typeof u === 'string' && /^https?:\/\/(?:www\.)?wikidata\.org\/(?:wiki|entity)\/(Q[1-9]\d*)$/.exec(u);
    if (m) return m[1];
  }
  return undefined;
}

function authorOf(claim: JsonObject | undefined): ClaimAuthor | undefined {
  const raw = claim?.author;
  const node = firstObject(raw);
  const name = node ? text(node.name) : text(raw);
  if (!name) return undefined;
  // The spec allows a Person or an Organization; an author without a type is most often a person quoted.
  const kind: EntityKind =
    node && ORGANIZATION_TYPES.some((t) => hasType(node, t)) ? 'organization' : 'person';
  return { name: name.replace(/\s+/g, ' '), kind, qid: node ? wikidataQid(node.sameAs) : undefined };
}

/** The verdict's words ("False"), else its number on the review's scale ("1/5"). */
function ratingOf(review: JsonObject): string | undefined {
  const rating = firstObject(review.reviewRating);
  if (!rating) return undefined;
  const words = text(rating.alternateName) ?? text(rating.name);
  if (words) return words;
  const value = text(rating.ratingValue);
  const best = text(rating.bestRating);
  return value && best ? `${value}/${best}` : value;
}

function appearanceOf(claim: JsonObject | undefined): JsonObject | undefined {
  return firstObject(claim?.appearance) ?? firstObject(claim?.firstAppearance);
}

function toClaim(review: JsonObject, where: string): ReviewedClaim | string {
  const reviewUrl = httpUrl(review.url);
  if (!reviewUrl) return `${where}: a ClaimReview without an http(s) "url"`;
  const claimed = text(review.claimReviewed);
  if (!claimed) return `${reviewUrl}: no "claimReviewed"`;
  const item = firstObject(review.itemReviewed);
  const author = authorOf(item);
  if (!author) return `${reviewUrl}: the claim has no author`;
  const appearance = appearanceOf(item);
  const date = isoDay(item?.datePublished) ?? isoDay(appearance?.datePublished);
  if (!date) return `${reviewUrl}: no date for the claim`;
  const rating = ratingOf(review);
  if (!rating) return `${reviewUrl}: no rating`;
  const reviewer = text(firstObject(review.author)?.name) ?? new URL(reviewUrl).hostname;
  return {
    claim: claimed.replace(/\s+/g, ' '),
    author,
    date,
    rating,
    reviewUrl,
    reviewer,
    reviewDate: isoDay(review.datePublished),
    claimUrl: httpUrl(appearance?.url),
  };
}

/** Reviewed claims in parsed JSON-LD (a ClaimReview, a list, a `@graph` or a DataFeed). */
export function claimReviewsIn(json: unknown, where: string): ClaimReviewResult {
  const claims: ReviewedClaim[] = [];
  const problems: string[] = [];
  for (const review of nodesOfType(json, ['ClaimReview'])) {
    const result = toClaim(review, where);
    if (typeof result === 'string') problems.push(result);
    else claims.push(result);
  }
  return { claims, problems };
}

/** Reviewed claims in the JSON-LD blocks of an HTML page. */
export function claimReviewsInHtml(html: string, where: string): ClaimReviewResult {
  const { blocks, invalid } = jsonLdBlocks(html);
  const result = claimReviewsIn(blocks, where);
  for (const n of invalid) result.problems.push(`${where}: JSON-LD block ${n} is not valid JSON`);
  return result;
}
