/**
 * Who gives each figure of an article: the speaker of the attributed quote it is in, or the person its
 * sentence attributes it to ("the £13.4 billion figure cited by the Prime Minister", "according to …",
 * "X said the cost was …"). People are named mentions or role phrases already resolved on the page, so
 * "the Prime Minister" comes out as the person who held the office on the article's date. Pure logic.
 */
import { type Span, spansWithin } from '../figures/figure-topic';
import type { ArticleAnalysis } from './article-analysis';
import { quotesByName } from './article-context';
import type { ResolvedName } from './mark-resolution';
import type { RoleContext } from './role-context';

/** Who gave a figure: the person, and the article's words for them when those are a role ("the Prime Minister"). */
export interface FigureSpeaker {
  name: string;
  entityId: string | null;
  as: string | null;
}

/** An attributed quote's span and its speaker. */
export interface QuoteSpan extends Span {
  speaker: FigureSpeaker;
}

/** A person named at a span of the article: by name, or by a role phrase resolved on the date. */
export interface PersonSpan extends Span {
  speaker: FigureSpeaker;
}

const REPORTED_BY =
  /\b(?:cited|given|quoted|claimed|stated|announced|used|set out|put forward|promised|pledged|reported|estimated|offered|made) by\s+$/iu;
const ACCORDING_TO = /\baccording to\s+$/iu;
const SPEAKS =
  /^,?\s*(?:[a-z]+ly\s+)?(?:has\s+|had\s+)?(?:said|says|suggested|claimed|told|estimated|announced|insisted|argued|stated|warned|pledged|promised|predicted|cited|gave|put)\b/u;

export function peopleSpans(
  analysis: ArticleAnalysis,
  names: readonly ResolvedName[],
  roles: RoleContext,
): PersonSpan[] {
  const spans: PersonSpan[] = [];
  for (const name of names) {
    if (name.kind !== 'person') continue;
    const speaker = {
      name: name.context?.entity.name ?? name.cluster.canonical,
      entityId: name.context?.entity.id ?? null,
      as: null,
    };
    for (const i of name.cluster.mentionIndexes) {
      const m = analysis.mentions[i];
      if (m) spans.push({ start: m.start, end: m.end, speaker });
    }
  }
  for (const { phrase, context } of roles.phrases)
    spans.push({
      start: phrase.start,
      end: phrase.end,
      speaker: { name: context.entity.name, entityId: context.entity.id, as: phrase.text },
    });
  return spans.sort((a, b) => a.start - b.start);
}

/** Each attributed quote's speaker, by the quote's start: a name on the page, or a role phrase just before it. */
export function quoteSpeakers(
  analysis: ArticleAnalysis,
  names: readonly ResolvedName[],
  people: readonly PersonSpan[],
): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const byName = quotesByName(analysis, names);
  const named = new Set<number>();
  for (const [name, quotes] of byName)
    for (const q of quotes) {
      named.add(q.start);
      out.push({
        start: q.start,
        end: q.end,
        speaker: {
          name: name.context?.entity.name ?? name.cluster.canonical,
          entityId: name.context?.entity.id ?? null,
          as: null,
        },
      });
    }
  const { text } = analysis.article;
  for (const q of analysis.quotes) {
    if (named.has(q.start)) continue;
    // "the Prime Minister said: “…”": the role phrase resolved on the page, on the quote's own line.
    const lineStart = text.lastIndexOf('\n', q.start - 1) + 1;
    const wanted = q.speaker.toLowerCase().replace(/^the\s+/u, '');
    const role = spansWithin(people, lineStart, q.start)
      .filter((p) => p.speaker.as && p.end <= q.start)
      .findLast((p) => text.slice(p.start, p.end).toLowerCase().endsWith(wanted));
    if (role) out.push({ start: q.start, end: q.end, speaker: role.speaker });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Who gives the figure at `span`: the speaker of the quote it is in, or the person its sentence attributes it to. */
export function speakerOf(
  text: string,
  span: Span,
  sentence: Span,
  /** Ordered by start. */
  quotes: readonly QuoteSpan[],
  people: readonly PersonSpan[],
): FigureSpeaker | null {
  // A quote never crosses a line, but may open sentences before the figure.
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const quote = spansWithin(quotes, lineStart, span.start + 1).findLast(
    (q) => q.start <= span.start && span.end <= q.end,
  );
  if (quote) return quote.speaker;
  const inSentence = spansWithin(people, sentence.start, sentence.end).filter((p) => p.end <= sentence.end);
  for (const p of inSentence) {
    if (p.start < span.end) continue;
    const gap = text.slice(span.end, p.start);
    if (gap.length <= 80 && REPORTED_BY.test(gap)) return p.speaker;
  }
  for (const p of inSentence) if (ACCORDING_TO.test(text.slice(sentence.start, p.start))) return p.speaker;
  const before = inSentence.filter((p) => p.end <= span.start).reverse();
  for (const p of before) if (SPEAKS.test(text.slice(p.end, span.start))) return p.speaker;
  return null;
}
