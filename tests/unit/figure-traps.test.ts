/**
 * Traps for the figure parser taken from the shapes real news pages use, each named by the behaviour
 * expected. Spans follow the gold convention of ../shared/corpus/README.md: the numeric expression with
 * its currency or percent marker, counts with the noun after them, each number of a worded range on
 * its own, qualifiers ("about", "more than") outside the span but kept in `approx`.
 */
import { describe, expect, it } from 'vitest';
import { type FigureMatch, parseFigures } from '../../core/figures/figure-parser';

const spans = (text: string) => parseFigures(text).map((f) => f.text);

/** The single figure in `text`; fails when there is not exactly one. */
function one(text: string): FigureMatch {
  const found = parseFigures(text);
  expect(found.map((f) => f.text)).toHaveLength(1);
  return found[0] as FigureMatch;
}

describe('spelled-out numbers', () => {
  it('reads "tens of thousands" as a vague count without the noun after it', () => {
    expect(one('Tens of thousands of commuters crossed the bridge.')).toMatchObject({
      text: 'Tens of thousands',
      kind: 'count',
      value: null,
    });
  });
  it('reads "nine months" as a quantity of months', () => {
    expect(one('The repairs took nine months.')).toMatchObject({
      text: 'nine months',
      value: 9,
      unit: 'months',
    });
  });
  it('reads "half a percentage point" as 0.5 points', () => {
    expect(one('The bank cut its rate by half a percentage point.')).toMatchObject({
      text: 'half a percentage point',
      kind: 'percent',
      value: 0.5,
      unit: 'percentage points',
    });
  });
});

describe('ranges', () => {
  it('marks each amount of "$5 million to $7 million" on its own', () => {
    expect(parseFigures('The bill is $5 million to $7 million.').map((f) => [f.text, f.value])).toEqual([
      ['$5 million', 5e6],
      ['$7 million', 7e6],
    ]);
  });
  it('lends the scale of the second amount to a first written without one', () => {
    expect(parseFigures('The bill is $5 to $7 million.').map((f) => [f.text, f.value])).toEqual([
      ['$5', 5e6],
      ['$7 million', 7e6],
    ]);
    expect(parseFigures('From 5 to 7 million people voted.').map((f) => [f.text, f.value, f.unit])).toEqual([
      ['5', 5e6, 'people'],
      ['7 million people', 7e6, 'people'],
    ]);
  });
  it('does not lend a scale to a first amount larger than the second', () => {
    expect(parseFigures('Prices run from $500 to $2 million.').map((f) => f.value)).toEqual([500, 2e6]);
  });
  it('keeps a compact percent range as one span with a high bound', () => {
    expect(one('Tolls will rise 10-12% next year.')).toMatchObject({
      text: '10-12%',
      kind: 'percent',
      value: 10,
      high: 12,
    });
  });
  it('reads the first number of "10 to 12 percent" as a percentage', () => {
    expect(parseFigures('Tolls will rise 10 to 12 percent.').map((f) => [f.text, f.kind])).toEqual([
      ['10', 'percent'],
      ['12 percent', 'percent'],
    ]);
  });
});

describe('approximations', () => {
  it.each([
    ['About 200 people came.', '200 people', 'about'],
    ['Nearly $3 billion was spent.', '$3 billion', 'nearly'],
    ['more than 40% of crossings', '40%', 'over'],
    ['fewer than 100 deaths', '100 deaths', 'under'],
  ])('leaves the qualifier of "%s" outside the span and records it', (text, span, approx) => {
    expect(one(text)).toMatchObject({ text: span, approx });
  });
  it('keeps the value of the number itself', () => {
    expect(one('About 200 people came.').value).toBe(200);
  });
});

describe('units after the number', () => {
  it('takes a unit word or a counted noun into the span', () => {
    expect(one('The ferry sails 190 kilometers north.')).toMatchObject({
      text: '190 kilometers',
      kind: 'quantity',
    });
    expect(one('19 people were on board.')).toMatchObject({ text: '19 people', kind: 'count', value: 19 });
  });
  it('takes a unit symbol into the span, spaced or glued', () => {
    expect(spans('It ran 190 km at 60mph in 30°C heat to a 1,000 MW plant.')).toEqual([
      '190 km',
      '60mph',
      '30°C',
      '1,000 MW',
    ]);
  });
  it('does not read a bare "m" after a number as metres', () => {
    expect(spans('a 10m budget')).not.toContain('10m');
  });
});

describe('years and counts', () => {
  it('reads "in 2016" as a year', () => {
    expect(one('The bridge opened in 2016.')).toMatchObject({ text: '2016', kind: 'year', value: 2016 });
  });
  it('reads "2,016 people" as a count', () => {
    expect(one('Then 2,016 people walked across.')).toMatchObject({
      text: '2,016 people',
      kind: 'count',
      value: 2016,
    });
  });
  it('reads a number after a possessive as the owner’s figure, not a model name', () => {
    expect(spans("Samsung's 2017 line-up and Britain's 650 MPs")).toEqual(['2017', '650 MPs']);
  });
});

describe('times and dates', () => {
  it('reads "10:30 am" as a time of day of kind date', () => {
    expect(one('The ferry leaves at 10:30 am daily.')).toMatchObject({
      text: '10:30 am',
      kind: 'date',
      unit: 'time of day',
      key: 'time:10:30',
    });
  });
  it("reads an hour with o'clock", () => {
    expect(one("The bells ring at ten o'clock.")).toMatchObject({ text: "ten o'clock", key: 'time:10:00' });
  });
  it('reads "Nov, 29, 2016" with its odd commas as one date', () => {
    expect(one('Posted Nov, 29, 2016 by staff')).toMatchObject({
      text: 'Nov, 29, 2016',
      key: 'date:2016-11-29',
    });
  });
  it('reads two dates once a space separates them', () => {
    expect(spans('22 Dec, 2016 22 Dec, 2016')).toEqual(['22 Dec, 2016', '22 Dec, 2016']);
  });
});

describe('whitespace as the page source has it', () => {
  it('reads a count across a run of spaces (a source line break inside a paragraph), as written', () => {
    const [figure] = parseFigures('made of 6,000         white Akoya pearls.');
    expect(figure?.text).toBe('6,000         white Akoya pearls');
    expect(figure?.value).toBe(6000);
  });
  it('reads a no-break space between a number and its unit', () => {
    expect(one('a 190\u00A0km drive')).toMatchObject({ text: '190\u00A0km', unit: 'km' });
  });
  it('never lets a figure cross a line break, which separates paragraphs', () => {
    const found = parseFigures('The bill came to 300\nPeople say it will rise.');
    expect(found.map((f) => f.text)).toEqual(['300']);
    expect(found[0]).toMatchObject({ start: 17, end: 20 });
  });
  it('gives offsets into the whole text for figures on later lines', () => {
    const text = 'First line.\nIt cost $5 million.';
    const [figure] = parseFigures(text);
    expect(figure && text.slice(figure.start, figure.end)).toBe('$5 million');
  });
});

describe('zero', () => {
  it('keeps "0%" a figure: a zero rate is news (player chrome is left out by the page region, not here)', () => {
    expect(one('Inflation was 0% in May.')).toMatchObject({ text: '0%', value: 0, kind: 'percent' });
  });
});

describe('not figures', () => {
  it.each([
    ['a phone model', 'She still uses an iPhone 4.'],
    ['a dotted version', 'The bug affects Minecraft 1.8.3 servers.'],
    ['a hex code', 'The packet 0x08 is affected.'],
    ['a number in a product name', 'The board moved to Office 365 last year.'],
    ['an operating system', 'It runs on Windows 10.'],
    ['a disease name', 'The COVID-19 rules ended.'],
    ['a hyphenated designation', 'An F-35 flew over.'],
    ['a model variant after a model number', 'Boeing 737-800 jets were grounded.'],
    ['a US phone number', 'Call 555-123-4567 today.'],
    ['a UK phone number', 'Call 020 7946 0018 today.'],
    ['a house number', 'She arrived at 10 Downing Street.'],
    ['a number hyphened to a name or an adjective', 'A 7-Eleven opened by the 5-star hotel.'],
  ])('ignores %s', (_label, text) => {
    expect(spans(text)).toEqual([]);
  });
});
