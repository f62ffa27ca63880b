/**
 * Extracts attributed quotes: words inside quotation marks tied to a speaker by a reporting verb,
 * before the quote ("Sir Keir said: “…”"), after it ("“…,” Sir Keir told the Commons"), or around a
 * quoted fragment ("John Healey suggested the rise “would be …”"). A paragraph that opens a quote
 * without attribution continues the previous speaker (as its own quote, verbatim). Scare quotes with no speaker are skipped.
 */
import { pattern } from '../figures/pattern';

export interface AttributedQuote {
  quote: string;
  speaker: string;
  start: number;
  end: number;
}

const VERBS =
  'said|says|told|added|insisted|warned|suggested|claimed|argued|stated|wrote|declared|explained|replied|asked';
const SPEAKER = String.raw`(?:[Tt]he [a-z][a-z ]{1,40}?|(?:\p{Lu}[\p{L}'’.-]*)(?: (?:\p{Lu}[\p{L}'’.-]*|de|van|von|bin|al))*)`;
const BEFORE = pattern(String.raw`(${SPEAKER}),?(?: [a-z]+ly)? (?:${VERBS})\b[^“"]{0,60}$`, 'u');
const AFTER = pattern(
  String.raw`^[,.!?]?["”]?,? (?:(${SPEAKER}) (?:${VERBS})|(?:${VERBS}) (${SPEAKER}))\b`,
  'u',
);
const QUOTE = pattern(String.raw`[“"]([^”"\n]{2,2000})(?:[”"]|(?=\n)|$)`, 'gu');

function clean(text: string): string {
  return text
    .replace(/\u00AD/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads a text's quotes in order, a stretch at a time, so a long article can be read in slices. A
 * paragraph's quote may continue the speaker of the one before, so the reader keeps that state between
 * stretches; reading in stretches finds exactly what one read of the whole text finds.
 */
export class QuoteReader {
  readonly quotes: AttributedQuote[] = [];
  private previous: AttributedQuote | null = null;
  private previousOpen = false;
  private readonly pattern = QUOTE();

  constructor(private readonly text: string) {}

  /** Reads every quote that opens before `end`. */
  readTo(end: number): void {
    for (let match = this.pattern.exec(this.text); match; match = this.pattern.exec(this.text)) {
      if (match.index >= end) {
        // Not this stretch's: the next call finds it again.
        this.pattern.lastIndex = match.index;
        return;
      }
      this.read(match);
    }
    // No quote left in the text: keep the pattern at its end.
    this.pattern.lastIndex = this.text.length;
  }

  private read(match: RegExpExecArray): void {
    const { text } = this;
    const start = match.index + 1;
    const words = match[1] ?? '';
    const end = start + words.length;
    const closed = text[end] === '”' || text[end] === '"';
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const before = text.slice(lineStart, start - 1);
    const after = text.slice(closed ? end + 1 : end, (text.indexOf('\n', end) + 1 || text.length + 1) - 1);
    const afterMatch = closed ? after.match(AFTER()) : null;
    const speaker = before.match(BEFORE())?.[1] ?? afterMatch?.[1] ?? afterMatch?.[2];
    const previous = this.previous;
    const continues = before.trim() === '' && previous && this.previousOpen && !speaker;
    if (continues && previous) {
      // Each paragraph stays its own verbatim quote, so it can be checked against the page.
      this.push({ quote: clean(words), speaker: previous.speaker, start, end });
    } else if (speaker && !/^(?:he|she|they|it)$/i.test(speaker)) {
      this.push({ quote: clean(words), speaker: clean(speaker), start, end });
    } else if (
      before.trim() === '' &&
      afterMatch === null &&
      previous &&
      lineStart > previous.end &&
      !speaker &&
      words.length > 40
    ) {
      // An unattributed paragraph-opening quote after an attributed one: the same speaker goes on.
      this.push({ quote: clean(words), speaker: previous.speaker, start, end });
    } else {
      this.previous = speaker ? previous : null;
    }
    this.previousOpen = !closed;
  }

  private push(quote: AttributedQuote): void {
    this.previous = quote;
    this.quotes.push(quote);
  }
}

export function extractQuotes(text: string): AttributedQuote[] {
  const reader = new QuoteReader(text);
  reader.readTo(text.length);
  return reader.quotes;
}
