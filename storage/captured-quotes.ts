/**
 * Quotes captured from the user's reading. Each row carries its article (URL, publisher, title, date) and
 * its speaker; the id is derived from speaker, text and URL, so a page read twice stores each quote once.
 */

import type { Statement } from '../core/model';
import {
  articleUrl,
  capturedQuoteId,
  MAX_CAPTURED_QUOTE,
  readingStatement,
} from '../core/user-data/captured-quote';
import type { CapturedQuote, QuoteCapture } from '../messaging/protocol';
import type { BackstoryDB, CapturedQuoteRow } from './db';

const MAX_QUOTES_PER_PAGE = 200;
const MAX_LABEL = 300;

function label(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL);
}

/** The rows a capture stores: one per distinct quote, each within the length limits. */
async function rowsOf(capture: QuoteCapture, now: Date): Promise<CapturedQuoteRow[]> {
  const url = articleUrl(capture.url);
  if (!url) return [];
  const capturedAt = now.toISOString();
  const date = capture.articleDate ?? capturedAt.slice(0, 10);
  const rows = new Map<string, CapturedQuoteRow>();
  for (const quote of capture.quotes.slice(0, MAX_QUOTES_PER_PAGE)) {
    const text = quote.text.replace(/\s+/g, ' ').trim();
    if (!text || text.length > MAX_CAPTURED_QUOTE || !quote.speakerId) continue;
    const id = await capturedQuoteId(quote.speakerId, text, url);
    rows.set(id, {
      id,
      speakerId: quote.speakerId,
      speakerName: label(quote.speakerName),
      text,
      date,
      url,
      publisher: label(capture.publisher),
      title: label(capture.title),
      capturedAt,
    });
  }
  return [...rows.values()];
}

/** Stores the page's quotes that are not stored yet (an earlier capture keeps its time). Returns how many. */
export async function saveCapturedQuotes(
  db: BackstoryDB,
  capture: QuoteCapture,
  now: Date = new Date(),
): Promise<number> {
  const rows = await rowsOf(capture, now);
  if (rows.length === 0) return 0;
  return db.transaction('rw', db.capturedQuotes, async () => {
    const existing = await db.capturedQuotes.bulkGet(rows.map((r) => r.id));
    const fresh = rows.filter((_, i) => !existing[i]);
    await db.capturedQuotes.bulkAdd(fresh);
    return fresh.length;
  });
}

/** Every captured quote, most recently captured first, for the review list. */
export async function listCapturedQuotes(db: BackstoryDB): Promise<CapturedQuote[]> {
  const rows = await db.capturedQuotes.toArray();
  return rows.sort((a, b) => b.capturedAt.localeCompare(a.capturedAt) || a.id.localeCompare(b.id));
}

export async function deleteCapturedQuote(db: BackstoryDB, id: string): Promise<void> {
  await db.capturedQuotes.delete(id);
}

/**
 * The captured quotes of the given speakers as statements, by speaker. Quotes captured from `pageUrl` are
 * left out: on the page they came from they are what the article says, not something said before.
 */
export async function readingStatementsBySpeaker(
  db: BackstoryDB,
  speakerIds: readonly string[],
  pageUrl?: string,
): Promise<Map<string, Statement[]>> {
  const out = new Map<string, Statement[]>();
  if (speakerIds.length === 0) return out;
  const exclude = pageUrl ? articleUrl(pageUrl) : null;
  const rows = await db.capturedQuotes
    .where('speakerId')
    .anyOf([...speakerIds])
    .toArray();
  for (const row of rows) {
    if (row.url === exclude) continue;
    const list = out.get(row.speakerId) ?? [];
    list.push(readingStatement(row));
    out.set(row.speakerId, list);
  }
  return out;
}
