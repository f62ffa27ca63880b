/**
 * Quotes captured from the user's reading: their identity, and how they join a speaker's statements.
 * Pure: the content script, the background and the tests share it.
 */
import type { Statement } from '../model';
import { sha256Hex } from '../sync/verify';

/** The longest quote kept; the extractor's own limit, so a captured quote is never cut. */
export const MAX_CAPTURED_QUOTE = 2000;

/** What a captured quote needs to become a statement. */
export interface ReadingQuote {
  /** Derived from speaker, text and URL ({@link capturedQuoteId}), so capturing a page twice stores one row. */
  id: string;
  speakerId: string;
  /** The words, verbatim from the page. */
  text: string;
  /** The article's publication date (YYYY-MM-DD), or the day it was read when the page gives none. */
  date: string;
  /** The article's URL without its fragment. */
  url: string;
  publisher: string;
  title: string;
}

/** A captured quote as the database stores it (schema version 4) and the review list shows it. */
export interface CapturedQuote extends ReadingQuote {
  /** The speaker's name as the database gives it, for the review list. */
  speakerName: string;
  /** ISO time of capture. */
  capturedAt: string;
}

/**
 * The article's URL as stored and compared: without its fragment, which names a place in the page, not
 * another page. Null for anything but http(s), which is never captured.
 */
export function articleUrl(href: string): string | null {
  try {
    const url = new URL(href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

/** The publisher a page names (`og:site_name`), else its host without a leading `www.`. */
export function publisherOf(siteName: string | null | undefined, host: string): string {
  const named = siteName?.replace(/\s+/g, ' ').trim();
  return named || host.replace(/^www\./, '');
}

/**
 * One id per speaker, text and URL: the same quote read twice on one page is one record, while the same
 * words reported by another publisher are a second record with their own source.
 */
export async function capturedQuoteId(speakerId: string, text: string, url: string): Promise<string> {
  const hex = await sha256Hex(new TextEncoder().encode(`${speakerId}\n${url}\n${text}`));
  return `reading:${hex.slice(0, 32)}`;
}

/** A captured quote as a statement of its speaker, sourced to the article it was read in. */
export function readingStatement(quote: ReadingQuote): Statement {
  return {
    id: quote.id,
    speakerId: quote.speakerId,
    quote: quote.text,
    date: quote.date,
    source: { url: quote.url, publisher: quote.publisher },
    topics: [],
    origin: 'reading',
    capturedFrom: { url: quote.url, publisher: quote.publisher, title: quote.title },
  };
}

function newestFirst(a: Statement, b: Statement): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.id.localeCompare(b.id);
}

/** One quote is the same words from the same source address (a pack statement may have no address). */
const sameQuoteKey = (s: Statement) => `${s.source.url ?? ''}\n${s.quote}`;

/**
 * A speaker's statements with their captured quotes merged in, newest first. When the lookup sent only the
 * newest few (`count` above the list's length), the merged list keeps that many; when it sent them all,
 * it keeps them all. A quote the pack already has from the same address is not repeated; the same words
 * read elsewhere are, as their own source.
 */
export function mergeReadingStatements(
  statements: readonly Statement[],
  count: number,
  reading: readonly Statement[],
): { statements: Statement[]; statementCount: number } {
  const known = new Set(statements.map(sameQuoteKey));
  const added = reading.filter((s) => !known.has(sameQuoteKey(s)));
  if (added.length === 0) return { statements: [...statements], statementCount: count };
  const merged = [...statements, ...added].sort(newestFirst);
  const truncated = count > statements.length;
  return {
    statements: truncated ? merged.slice(0, Math.max(statements.length, 1)) : merged,
    statementCount: count + added.length,
  };
}
