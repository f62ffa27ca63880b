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
});
