import { describe, expect, it } from 'vitest';
import { officeKeys, officeMatches } from '../../core/roles/office-lexicon';
import { findRolePhrases, parseOfficeWords } from '../../core/roles/role-phrase';

const found = (text: string) =>
  findRolePhrases(text).map(({ text, concept, country }) => ({ text, concept, country }));

describe('role phrases in article text', () => {
  it('finds "the Prime Minister" and "the president" with no country', () => {
    expect(found('On Tuesday, the Prime Minister said the president had called.')).toEqual([
      { text: 'the Prime Minister', concept: 'prime-minister', country: undefined },
      { text: 'the president', concept: 'president', country: undefined },
    ]);
  });

  it('reads the country before the office: "the US president", "the U.S. leader", "the Russian defence minister"', () => {
    expect(
      found('He met the US president, then the U.S. leader, then the Russian defence minister.'),
    ).toEqual([
      { text: 'the US president', concept: 'president', country: 'us' },
      { text: 'the U.S. leader', concept: 'leader', country: 'us' },
      { text: 'the Russian defence minister', concept: 'defence', country: 'ru' },
    ]);
  });

  it('reads the country after the office: "the prime minister of Israel"', () => {
    expect(found('She spoke to the prime minister of Israel.')).toEqual([
      { text: 'the prime minister of Israel', concept: 'prime-minister', country: 'il' },
    ]);
  });

  it('prefers the longer office: "the vice president" is not "the president"', () => {
    expect(found('Later the vice president spoke.')).toEqual([
      { text: 'the vice president', concept: 'vice-president', country: undefined },
    ]);
  });

  it('leaves a title before a name to the name finder: "the Prime Minister Keir Starmer"', () => {
    expect(found('He said the Prime Minister Keir Starmer would travel.')).toEqual([]);
  });

  it('still finds the office before a weekday or month: "the president Tuesday"', () => {
    expect(found('the president Tuesday said no')).toHaveLength(1);
  });

  it('skips offices of something else: "the president of the company", "the Secretary of State for Health"', () => {
    expect(found('the president of the company and the Secretary of State for Health')).toEqual([]);
  });

  it('reads a country’s possessive: "Japan\'s prime minister", "the UK\'s foreign secretary"', () => {
    expect(found("Japan's prime minister and the UK’s foreign secretary met Russia's leader.")).toEqual([
      { text: "Japan's prime minister", concept: 'prime-minister', country: 'jp' },
      { text: 'the UK’s foreign secretary', concept: 'foreign', country: 'gb' },
      { text: "Russia's leader", concept: 'leader', country: 'ru' },
    ]);
  });

  it('reads the G7 countries’ offices: German chancellor, Italian prime minister, Canadian foreign minister', () => {
    expect(
      found(
        'the German chancellor, the Italian prime minister, the Canadian foreign minister and the US secretary of state',
      ),
    ).toEqual([
      { text: 'the German chancellor', concept: 'chancellor', country: 'de' },
      { text: 'the Italian prime minister', concept: 'prime-minister', country: 'it' },
      { text: 'the Canadian foreign minister', concept: 'foreign', country: 'ca' },
      { text: 'the US secretary of state', concept: 'secretary-of-state', country: 'us' },
    ]);
  });

  it('reads the long forms of the foreign office: "the minister of foreign affairs of Canada"', () => {
    expect(
      found('She met the minister of foreign affairs of Canada and the Japanese foreign affairs minister.'),
    ).toEqual([
      { text: 'the minister of foreign affairs of Canada', concept: 'foreign', country: 'ca' },
      { text: 'the Japanese foreign affairs minister', concept: 'foreign', country: 'jp' },
    ]);
  });

  it('leaves a possessive title before a name to the name finder: "Japan\'s prime minister Shigeru Ishiba"', () => {
    expect(found("Japan's prime minister Shigeru Ishiba spoke.")).toEqual([]);
  });

  it('skips "leader" without a country, "-elect" and qualified offices', () => {
    expect(found('the leader of the opposition; the president-elect; the former president')).toEqual([]);
  });
});

describe('offices named by titles', () => {
  it('parses country and office from a title or role phrase', () => {
    expect(parseOfficeWords('Russia defence minister')).toEqual({ concept: 'defence', country: 'ru' });
    expect(parseOfficeWords('US President')).toEqual({ concept: 'president', country: 'us' });
    expect(parseOfficeWords('Defence Secretary')).toEqual({ concept: 'defence' });
    expect(parseOfficeWords('President of France')).toEqual({ concept: 'president', country: 'fr' });
  });

  it('parses the G7 titles, possessives and the last "of" as the country', () => {
    expect(parseOfficeWords('German Chancellor')).toEqual({ concept: 'chancellor', country: 'de' });
    expect(parseOfficeWords("Japan's Prime Minister")).toEqual({ concept: 'prime-minister', country: 'jp' });
    expect(parseOfficeWords('US Secretary of State')).toEqual({
      concept: 'secretary-of-state',
      country: 'us',
    });
    expect(parseOfficeWords('Minister of Foreign Affairs of Canada')).toEqual({
      concept: 'foreign',
      country: 'ca',
    });
    expect(parseOfficeWords('Foreign Secretary')).toEqual({ concept: 'foreign' });
  });

  it('does not parse a title that says more than an office', () => {
    expect(parseOfficeWords('former defence minister')).toBeNull();
    expect(parseOfficeWords('shadow defence secretary')).toBeNull();
    expect(parseOfficeWords('Conservative Party leader')).toBeNull();
    expect(parseOfficeWords('university president')).toBeNull();
  });

  it('maps an office concept to each country’s office keys', () => {
    expect(officeKeys('defence', 'gb')).toContain('gb:defence-secretary');
    expect(officeKeys('leader', 'gb')).toEqual(['gb:prime-minister']);
    expect(officeKeys('leader', 'us')).toEqual(['us:president']);
    expect(officeMatches('ru:foreign-minister', 'defence', 'ru')).toBe(false);
    expect(officeMatches('ru:defence-minister', 'defence')).toBe(true);
    expect(officeMatches('us:president', 'president', 'fr')).toBe(false);
  });

  it('tells the two chancellors apart by country: the Exchequer is British, the Federal Chancellor German', () => {
    expect(officeKeys('chancellor', 'gb')).toEqual(['gb:chancellor']);
    expect(officeKeys('chancellor', 'de')).toEqual(['de:chancellor']);
    expect(officeKeys('leader', 'de')).toEqual(['de:chancellor']);
    expect(officeKeys('exchequer', 'gb')).toEqual(['gb:chancellor']);
    expect(officeKeys('exchequer', 'de')).toEqual([]);
    expect(officeMatches('de:chancellor', 'exchequer')).toBe(false);
    expect(officeMatches('gb:chancellor', 'exchequer')).toBe(true);
  });

  it('keeps "secretary of state" to the US office, while "foreign minister" covers it too', () => {
    expect(officeKeys('secretary-of-state', 'gb')).toEqual(['gb:secretary-of-state']);
    expect(officeMatches('gb:foreign-secretary', 'secretary-of-state')).toBe(false);
    expect(officeMatches('us:secretary-of-state', 'secretary-of-state')).toBe(true);
    expect(officeMatches('us:secretary-of-state', 'foreign', 'us')).toBe(true);
    expect(officeKeys('foreign', 'gb')).toContain('gb:foreign-secretary');
  });
});
