import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../core/names/quote-extractor';

describe('attributed quotes', () => {
  it('takes a quote introduced by "X said:"', () => {
    const [q] = extractQuotes('Sir Keir said: “We will act together.”');
    expect(q).toMatchObject({ speaker: 'Sir Keir', quote: 'We will act together.' });
  });

  it('takes a quote attributed after it ("…,” X told the Commons)', () => {
    const [q] = extractQuotes('“That is a real increase,” Sir Keir told the Commons.');
    expect(q).toMatchObject({ speaker: 'Sir Keir', quote: 'That is a real increase,' });
  });

  it('continues an unclosed quote into the next paragraph for the same speaker, each paragraph verbatim', () => {
    const text = 'The minister said: “First part of it.\n“Second part of it.”';
    expect(extractQuotes(text).map((q) => [q.speaker, q.quote])).toEqual([
      ['The minister', 'First part of it.'],
      ['The minister', 'Second part of it.'],
    ]);
  });

  it('takes a quoted fragment tied by a reporting verb', () => {
    const [q] = extractQuotes(
      'Defence Secretary John Healey suggested the rise “would be something over £6 billion”.',
    );
    expect(q).toMatchObject({
      speaker: 'Defence Secretary John Healey',
      quote: 'would be something over £6 billion',
    });
  });

  it('skips scare quotes that no one is said to have said', () => {
    expect(extractQuotes('Critics spoke of “silly games” over the figures.')).toEqual([]);
  });

  it('gives offsets of the quoted words in the input', () => {
    const text = 'Ms Okafor said: “Growth is slow.”';
    const [q] = extractQuotes(text);
    expect(text.slice(q?.start, q?.end)).toBe('Growth is slow.');
  });
});
