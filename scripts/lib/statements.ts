/**
 * Statements from article text: the project's quote extractor finds attributed quotes, the speaker resolver
 * maps each speaker string to a pack entity, and unresolved quotes are dropped. The quote text is exactly
 * what the extractor returned from the article; nothing is paraphrased.
 */
import { createHash } from 'node:crypto';
import type { Statement } from '../../core/model';
import { extractQuotes } from '../../core/names/quote-extractor';
import type { Article } from './read-seed';
import type { SpeakerResolver } from './resolve-speaker';
import { topicsOf } from './topics';

export interface DroppedQuote {
  speaker: string;
  quote: string;
  reason: string;
}

/** A quoted word or two ("distressing") is a scare quote or a label, not a statement to show on its own. */
const MIN_WORDS = 3;

export function statementId(speakerId: string, date: string, quote: string): string {
  return `st-${createHash('sha256').update(`${speakerId}\n${date}\n${quote}`).digest('hex').slice(0, 20)}`;
}

/** 1-based paragraph number of a character offset in `paragraphs.join('\n')`. */
function paragraphAt(paragraphs: readonly string[], offset: number): number {
  let end = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    end += (paragraphs[i]?.length ?? 0) + 1;
    if (offset < end) return i + 1;
  }
  return paragraphs.length;
}

export function statementsFrom(
  article: Article,
  resolver: SpeakerResolver,
): { statements: Statement[]; dropped: DroppedQuote[] } {
  const text = article.paragraphs.join('\n');
  const mentions = resolver.mentions(text);
  const statements = new Map<string, Statement>();
  const dropped: DroppedQuote[] = [];
  for (const q of extractQuotes(text)) {
    // The comma before "he said" closes the sentence in the article, not the words spoken.
    const quote = q.quote.trim().replace(/,$/, '');
    if (!quote || !text.includes(quote)) {
      dropped.push({ speaker: q.speaker, quote, reason: 'quote not verbatim in the article' });
      continue;
    }
    if (quote.split(/\s+/).length < MIN_WORDS) {
      dropped.push({ speaker: q.speaker, quote, reason: `under ${MIN_WORDS} words, a scare quote` });
      continue;
    }
    const speakerId = resolver.resolve(q.speaker, q.start, mentions, article.date);
    if (!speakerId) {
      dropped.push({ speaker: q.speaker, quote, reason: 'speaker not resolved' });
      continue;
    }
    const id = statementId(speakerId, article.date, quote);
    statements.set(id, {
      id,
      speakerId,
      quote,
      date: article.date,
      source: {
        url: article.url,
        dataset: article.dataset,
        record: `paragraph ${paragraphAt(article.paragraphs, q.start)}`,
        publisher: article.publisher,
      },
      topics: topicsOf(quote),
    });
  }
  return { statements: [...statements.values()], dropped };
}
