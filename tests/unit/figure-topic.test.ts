import { describe, expect, it } from 'vitest';
import { parseFigures } from '../../core/figures/figure-parser';
import {
  addTopic,
  clauseSpans,
  figurePeriod,
  figureScale,
  figureTopic,
  periodsDiffer,
  sentenceSpan,
  sharedTerms,
  TopicGroups,
  type TopicTerms,
} from '../../core/figures/figure-topic';

const at = (text: string, figure: string) => {
  const found = parseFigures(text).find((f) => f.text === figure);
  if (!found) throw new Error(`no figure ${figure}`);
  return found;
};
const words = (terms: Map<string, string>) => [...terms.values()];

describe('figure topic', () => {
  it('keeps a decimal point inside the sentence', () => {
    const text = 'It costs £13.4bn. Nothing else.';
    const span = sentenceSpan(text, 9, 16);
    expect(text.slice(span.start, span.end)).toBe('It costs £13.4bn.');
  });

  it('splits a sentence into clauses at commas, conjunctions and comparisons', () => {
    const text = 'The council will spend £5m on schools and £3m on hospitals, compared with £2m last time.';
    const clauses = clauseSpans(text, { start: 0, end: text.length }).map((c) => text.slice(c.start, c.end));
    expect(clauses).toEqual([
      'The council will spend £5m on schools',
      '£3m on hospitals',
      'compared with £2m last time.',
    ]);
  });

  it('reads a compared figure as about what it is compared with', () => {
    const text =
      'Healey put the real-terms increase in defence spending at £6bn, compared with the £13.4bn figure cited by the minister.';
    const figures = parseFigures(text);
    const topic = figureTopic(text, at(text, '£13.4bn'), [], figures);
    expect(words(topic.terms)).toEqual(expect.arrayContaining(['increase', 'defence', 'spending']));
    expect(words(topic.terms)).not.toContain('figure');
  });

  it('leaves the people named in a clause out of its topic', () => {
    const text = 'Rachel Reeves said health spending would rise by £2bn.';
    const skip = [{ start: 0, end: 'Rachel Reeves'.length }];
    const topic = figureTopic(text, at(text, '£2bn'), skip, parseFigures(text));
    expect(words(topic.terms)).toEqual(['health', 'spending', 'rise']);
  });

  it('marks a clause that gives an earlier value as a change', () => {
    const text = 'Exports rose to £5bn this year, up from £4bn in 2024.';
    const figures = parseFigures(text);
    const topic = figureTopic(text, at(text, '£4bn'), [], figures);
    expect(topic.change).toBe(true);
    expect(words(topic.terms)).toContain('exports');
  });

  it('parses the scale a figure is written in', () => {
    expect(figureScale({ text: '£13.4bn' })).toBe('billion');
    expect(figureScale({ text: '£13.4 billion' })).toBe('billion');
    expect(figureScale({ text: '$2m' })).toBe('million');
    expect(figureScale({ text: '2.5%' })).toBeNull();
  });

  it('parses a rate and a year from the clause as the period', () => {
    const text = 'Spending will rise by £6bn a year by 2027.';
    const figures = parseFigures(text);
    const topic = figureTopic(text, at(text, '£6bn'), [], figures);
    const period = figurePeriod(
      text,
      topic.clause,
      figures.filter((f) => f.kind === 'year'),
    );
    expect(period).toEqual({ per: 'year', when: 'by 2027' });
    expect(periodsDiffer(period, { per: 'month', when: null })).toBe(true);
    expect(periodsDiffer(period, { per: null, when: null })).toBe(false);
  });
});

describe('topic groups', () => {
  const text =
    'The council spent £4bn on school buildings. Schools need £2bn for new school buildings, the council said. ' +
    'Road repairs took £1bn of the council budget. Building schools will cost £4 billion more.';
  const figures = parseFigures(text);
  const topicsOf = () => figures.map((f) => ({ key: f.key, topic: figureTopic(text, f, [], figures) }));

  it('gives the same terms and shared terms once packed as while reading', () => {
    const groups = new TopicGroups();
    const plain = new Map<string, TopicTerms>();
    for (const { key, topic } of topicsOf()) {
      groups.add(key, topic);
      const group = plain.get(key) ?? new Map();
      addTopic(group, topic);
      plain.set(key, group);
    }
    const keys = [...plain.keys()];
    expect(keys.length).toBeGreaterThan(2);
    const before = keys.map((a) => keys.map((b) => groups.shared(groups.terms(a), b)));
    groups.seal();
    for (const key of keys) expect(groups.terms(key)).toEqual(plain.get(key));
    const after = keys.map((a) => keys.map((b) => groups.shared(groups.terms(a), b)));
    expect(after).toEqual(before);
    expect(after).toEqual(
      keys.map((a) => keys.map((b) => sharedTerms(plain.get(a) ?? new Map(), plain.get(b) ?? new Map()))),
    );
    expect(after.flat().some((shared) => shared.length >= 2)).toBe(true);
  });

  it('has no terms for a quantity it never read', () => {
    const groups = new TopicGroups();
    groups.seal();
    expect(groups.terms('money:1:GBP').size).toBe(0);
    expect(groups.shared(new Map([['school', { word: 'school', count: 1 }]]), 'money:1:GBP')).toEqual([]);
  });
});
