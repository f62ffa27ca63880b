import { describe, expect, it } from 'vitest';
import { findNameMentions } from '../../core/names/name-finder';
import { clusterNameMentions } from '../../core/names/name-forms';

function clustersOf(text: string) {
  return clusterNameMentions(findNameMentions(text));
}

describe('article-local name forms', () => {
  const text =
    'Ukrainian President Volodymyr Zelensky arrived on Monday. Mr Zelensky met Prime Minister Sir Keir Starmer. ' +
    'Later President Zelensky and Sir Keir spoke again, and Zelensky thanked him.';

  it('joins "Mr Zelensky", "President Zelensky" and "Zelensky" to Volodymyr Zelensky', () => {
    const zelensky = clustersOf(text).find((c) => c.canonical === 'Volodymyr Zelensky');
    expect(zelensky?.mentionIndexes).toHaveLength(4);
    expect(zelensky?.forms).toEqual(['Volodymyr Zelensky', 'Zelensky']);
    expect(zelensky?.titles).toEqual(['Ukrainian President', 'President']);
  });

  it('joins "Sir Keir" (knighted first name) to Keir Starmer, and keeps "sir keir" as a lookup key', () => {
    const starmer = clustersOf(text).find((c) => c.canonical === 'Keir Starmer');
    expect(starmer?.mentionIndexes).toHaveLength(2);
    expect(starmer?.lookupKeys).toContain('keir starmer');
    expect(starmer?.lookupKeys).toContain('sir keir');
    expect(starmer?.kindHint).toBe('person');
  });

  it('does not guess when a surname fits two full names in the article', () => {
    const clusters = clustersOf('Ed Davey spoke. Later Alan Davey replied. Mr Davey left.');
    const lone = clusters.find((c) => c.canonical === 'Davey');
    expect(lone?.mentionIndexes).toHaveLength(1);
    expect(clusters.filter((c) => c.canonical.endsWith('Davey'))).toHaveLength(3);
  });

  it('does not fold an organisation into a person with the same last word', () => {
    const clusters = clustersOf('John Healey spoke at the White House. The House rose.');
    expect(clusters.find((c) => c.canonical === 'John Healey')?.mentionIndexes).toHaveLength(1);
  });
});

describe('name finder', () => {
  it('puts a capitalised title and honorific in the span, and keeps the bare name apart', () => {
    const [m] = findNameMentions('It was Prime Minister Sir Keir Starmer who spoke.');
    expect(m).toMatchObject({
      text: 'Prime Minister Sir Keir Starmer',
      name: 'Keir Starmer',
      title: 'Prime Minister',
      honorific: 'Sir',
      kindHint: 'person',
    });
  });

  it('never takes a title alone for a name', () => {
    expect(findNameMentions('Later the Prime Minister said so.').map((m) => m.text)).toEqual([]);
  });

  it('keeps a lower-case role phrase before the name out of the span', () => {
    const [, m] = findNameMentions('Yesterday Russia defence minister Sergey Lavrov spoke.');
    expect(m).toMatchObject({
      text: 'Sergey Lavrov',
      rolePhrase: 'Russia defence minister',
      kindHint: 'person',
    });
  });

  it('leaves the possessive out of the span', () => {
    expect(findNameMentions('It was Mr Trump’s idea.')[0]?.text).toBe('Mr Trump');
  });

  it('keeps soft hyphens and non-breaking spaces inside the span, with raw offsets', () => {
    const text = 'Then Mr\u00A0Zel\u00ADensky arrived.';
    const [m] = findNameMentions(text);
    expect(m?.name).toBe('Zelensky');
    expect(text.slice(m?.start, m?.end)).toBe('Mr\u00A0Zel\u00ADensky');
  });

  it('reads initials, particles and organisation connectors', () => {
    const names = findNameMentions(
      'Then John F. Kelly met Ursula von der Leyen at the Institute for Fiscal Studies.',
    ).map((m) => m.name);
    expect(names).toEqual(['John F. Kelly', 'Ursula von der Leyen', 'Institute for Fiscal Studies']);
  });

  it('classifies organisation and place cues without treating them as people', () => {
    const kinds = findNameMentions('Talks at Downing Street and the Conservative Party went on.')
      .filter((m) => m.kindHint !== 'unknown')
      .map((m) => [m.name, m.kindHint]);
    expect(kinds).toEqual([
      ['Downing Street', 'place'],
      ['Conservative Party', 'organization'],
    ]);
  });

  it('never treats weekdays or months as names', () => {
    expect(findNameMentions('It happened on Wednesday in February.')).toEqual([]);
  });
});
