import { describe, expect, it } from 'vitest';
import { type FigureMatch, parseFigures } from '../../core/figures/figure-parser';

/** The single figure in `text`; fails when there is not exactly one. */
function one(text: string): FigureMatch {
  const found = parseFigures(text);
  expect(found.map((f) => f.text)).toHaveLength(1);
  return found[0] as FigureMatch;
}

const spans = (text: string) => parseFigures(text).map((f) => f.text);

describe('money', () => {
  it('parses £13.4bn as 13.4e9 GBP', () => {
    const f = one('The plan costs £13.4bn a year.');
    expect(f).toMatchObject({ text: '£13.4bn', kind: 'money', value: 13_400_000_000, unit: 'GBP' });
  });
  it('gives £13.4bn and £13.4 billion the same key', () => {
    expect(one('a £13.4 billion rise').key).toBe(one('a £13.4bn rise').key);
    expect(one('a £13.4 billion rise').key).toBe('money:GBP:13400000000');
  });
  it('explains the amount in base units', () => {
    expect(one('a £13.4 billion rise').display).toBe('£13.4 billion = 13,400,000,000 GBP');
  });
  it('parses $2bn, €500m and $1.5tn with their scales', () => {
    expect(
      parseFigures('Deals of $2bn, €500m and $1.5tn were signed.').map((f) => [f.value, f.unit]),
    ).toEqual([
      [2e9, 'USD'],
      [5e8, 'EUR'],
      [1.5e12, 'USD'],
    ]);
  });
  it('reads US$ and ISO-code prefixes', () => {
    expect(one('It raised US$3 million.')).toMatchObject({ text: 'US$3 million', value: 3e6, unit: 'USD' });
    expect(one('A grant of USD 2 million arrived.')).toMatchObject({
      text: 'USD 2 million',
      value: 2e6,
      unit: 'USD',
    });
  });
  it('parses $150K as 150,000 dollars', () => {
    expect(one('a $150K necklace')).toMatchObject({ value: 150_000, unit: 'USD' });
  });
  it('parses plain amounts with thousands separators and yen', () => {
    expect(one('The headset costs $1,000 today.')).toMatchObject({ text: '$1,000', value: 1000 });
    expect(one('A coffee is ¥100 there.')).toMatchObject({ text: '¥100', unit: 'JPY', value: 100 });
  });
  it('reads a currency named after the amount', () => {
    expect(one('They paid 300 million euros for it.')).toMatchObject({
      text: '300 million euros',
      value: 3e8,
      unit: 'EUR',
    });
    expect(one('Stamps cost 50 cents.')).toMatchObject({ text: '50 cents', value: 0.5, unit: 'USD' });
  });
  it('keeps vague money as one span with a null value', () => {
    expect(one('They lost hundreds of millions of dollars.')).toMatchObject({
      text: 'hundreds of millions of dollars',
      kind: 'money',
      value: null,
      unit: 'USD',
    });
  });
  it('marks a leading minus as negative and keeps it in the span', () => {
    expect(one('The balance moved to -£2bn.')).toMatchObject({ text: '-£2bn', value: -2e9, negative: true });
  });
  it('marks "minus" as negative without putting the word in the span', () => {
    expect(one('Growth was minus 0.5%.')).toMatchObject({ text: '0.5%', value: -0.5, negative: true });
  });
  it('splits a range written with two currency signs into two figures', () => {
    expect(spans('Estimates range from $2bn-$3bn.')).toEqual(['$2bn', '$3bn']);
  });
  it('keeps a compact range with one scale as a single figure with a high bound', () => {
    expect(one('The bill is $2-3bn.')).toMatchObject({ text: '$2-3bn', value: 2e9, high: 3e9 });
  });
  it('records "something over" as an approximation outside the span', () => {
    expect(one('the rise would be something over £6 billion')).toMatchObject({
      text: '£6 billion',
      approx: 'over',
    });
  });
  it('records "up to a" before an amount', () => {
    expect(one('a payment of up to a $1 billion fee')).toMatchObject({ text: '$1 billion', approx: 'up to' });
  });
});

describe('percentages', () => {
  it('parses 2.5% and 2.5 per cent to the same key', () => {
    expect(one('Inflation hit 2.5% in May.').key).toBe('percent:2.5');
    expect(one('Inflation hit 2.5 per cent.').key).toBe('percent:2.5');
    expect(one('Inflation hit 2.5 percent.').value).toBe(2.5);
  });
  it('includes "of GDP" in the span and unit', () => {
    expect(one('Defence gets 2.5% of GDP.')).toMatchObject({
      text: '2.5% of GDP',
      unit: '% of GDP',
      key: 'percent-gdp:2.5',
    });
  });
  it('parses percentage points written in digits and words', () => {
    expect(one('Rates rose 0.25 percentage points.')).toMatchObject({
      value: 0.25,
      unit: 'percentage points',
    });
    expect(one('Rates fell by half a percentage point.')).toMatchObject({
      text: 'half a percentage point',
      value: 0.5,
      key: 'pp:0.5',
    });
  });
  it('gives basis points the key of the same percentage points', () => {
    expect(one('a cut of 25 basis points').key).toBe('pp:0.25');
  });
  it('sets approx for "about" and "more than"', () => {
    expect(one('about 10 percent of the company')).toMatchObject({ text: '10 percent', approx: 'about' });
    expect(one('cut by more than 80% overall')).toMatchObject({ text: '80%', approx: 'over' });
  });
});

describe('years and fiscal years', () => {
  it('reads a four-digit year after "by"', () => {
    expect(one('Spending will rise by 2027.')).toMatchObject({ kind: 'year', value: 2027, key: 'year:2027' });
  });
  it('reads "27/28" as fiscal year 2027/28', () => {
    expect(one('the financial year 27/28 budget')).toMatchObject({
      text: '27/28',
      kind: 'year',
      value: 2027,
      unit: 'fiscal year 2027/28',
      key: 'fy:2027-28',
    });
  });
  it('gives 2027-28 and 2027/28 the fiscal-year key', () => {
    expect(one('the 2027-28 accounts').key).toBe('fy:2027-28');
    expect(one('the 2027/28 accounts').key).toBe('fy:2027-28');
  });
  it('reads FY2025 and FY25 as the same fiscal year', () => {
    expect(one('Results for FY2025 beat forecasts.').key).toBe('fy:2025');
    expect(one('Results for FY25 beat forecasts.').key).toBe('fy:2025');
  });
  it('reads decades and centuries', () => {
    expect(one('Prices last fell in the 1990s.')).toMatchObject({
      kind: 'year',
      value: 1990,
      unit: 'decade',
    });
    expect(one('Rebels arrived in the mid-1990s.')).toMatchObject({ text: 'mid-1990s', unit: 'decade' });
    expect(one('a 19th century mill')).toMatchObject({ text: '19th century', unit: 'century' });
  });
  it('treats a year followed by a counted noun as a count', () => {
    expect(one('Exactly 2027 people signed it.')).toMatchObject({ kind: 'count', text: '2027 people' });
  });
  it('treats a comma-grouped number as a count, not a year', () => {
    expect(one('The town has 1,200 residents.')).toMatchObject({ kind: 'count', value: 1200 });
  });
  it('keeps each year of a range as its own figure', () => {
    expect(spans('Islamists held power from 2011 to 2013.')).toEqual(['2011', '2013']);
  });
});

describe('dates and times', () => {
  it('reads dates with commas in odd places', () => {
    expect(one('Posted Nov, 29, 2016 by staff')).toMatchObject({
      kind: 'date',
      value: null,
      key: 'date:2016-11-29',
    });
    expect(one('Updated 22 Dec, 2016')).toMatchObject({ text: '22 Dec, 2016', key: 'date:2016-12-22' });
  });
  it('reads day-month-year, month-day and numeric dates', () => {
    expect(one('It happened on 23 July 2015 at dawn.').key).toBe('date:2015-07-23');
    expect(one('Fireworks on July 4 drew crowds.').key).toBe('date:--07-04');
    expect(one('Filed 2/26/2015 by the desk').key).toBe('date:2015-02-26');
    expect(one('Published Feb. 23, 2015 online').text).toBe('Feb. 23, 2015');
  });
  it('reads clock times with a.m./pm and a time zone', () => {
    expect(one('The vote closes at 10:30 a.m. sharp.')).toMatchObject({
      unit: 'time of day',
      key: 'time:10:30',
    });
    expect(one('Doors open at 3pm.')).toMatchObject({ text: '3pm', key: 'time:15:00' });
    expect(one('Updated 7:11 AM PST today')).toMatchObject({ text: '7:11 AM PST' });
  });
  it('does not read "in June, 20 people" as a date', () => {
    expect(one('In June, 20 people left.')).toMatchObject({ kind: 'count', text: '20 people' });
  });
});

describe('counts and quantities', () => {
  it('includes the counted noun in the span', () => {
    expect(one('The blast killed 19 people on Monday.')).toMatchObject({
      kind: 'count',
      value: 19,
      unit: 'people',
      key: 'count:19:people',
    });
  });
  it('reads measures as quantities', () => {
    expect(one('The convoy drove 190 kilometers north.')).toMatchObject({
      kind: 'quantity',
      unit: 'kilometers',
    });
  });
  it('includes adjectives before the head noun', () => {
    expect(one('The gown carries 6,000 white glass beads.').text).toBe('6,000 white glass beads');
  });
  it('reads a scale word between number and noun', () => {
    expect(one('a country of 3.5 million people')).toMatchObject({ value: 3_500_000, unit: 'people' });
  });
  it('sets approx "at least" and "nearly" on counts', () => {
    expect(one('at least 1,000 troops crossed')).toMatchObject({ text: '1,000 troops', approx: 'at least' });
    expect(one('after nearly 20 years of talks')).toMatchObject({ text: '20 years', approx: 'nearly' });
  });
  it('reads ages in several shapes', () => {
    expect(one('The driver, aged 21, was unhurt.')).toMatchObject({
      text: 'aged 21',
      unit: 'years (age)',
      value: 21,
    });
    expect(one('A 21-year-old was arrested.')).toMatchObject({ text: '21-year-old', unit: 'years (age)' });
    expect(one('Anna Smith, 34, said so.')).toMatchObject({ text: '34', unit: 'years (age)' });
  });
  it('reads hyphenated measures', () => {
    expect(one('a six-month review period')).toMatchObject({ text: 'six-month', value: 6, unit: 'months' });
  });
  it('keeps a bare number that is not followed by a noun', () => {
    expect(spans('Of the 30 boats, 20 of them sank.')).toEqual(['30 boats', '20']);
    expect(one('Deaths from terrorism were fewer than 100. Guns killed more.')).toMatchObject({
      text: '100',
      approx: 'under',
    });
  });
  it('keeps both numbers of a "400 to 600" range and lends the noun to the first', () => {
    const [a, b] = parseFigures('Between 400 to 600 people marched.');
    expect(a).toMatchObject({ text: '400', unit: 'people' });
    expect(b).toMatchObject({ text: '600 people' });
  });
});

describe('spelled-out numbers', () => {
  it('reads two or more as counts of the noun after them', () => {
    expect(spans('He made two visits and waited Nine months.')).toEqual(['two visits', 'Nine months']);
  });
  it('reads vague amounts without the noun', () => {
    expect(one('It killed tens of thousands of civilians.')).toMatchObject({
      text: 'tens of thousands',
      value: null,
    });
    expect(one('Thousands of fans queued.').text).toBe('Thousands');
  });
  it('reads fractions', () => {
    expect(one('Only one-tenth of voters agreed.')).toMatchObject({ value: 0.1, unit: 'fraction' });
  });
  it('reads compound cardinals', () => {
    expect(one('It took twenty-five days.')).toMatchObject({ value: 25, unit: 'days' });
  });
  it('does not read "one" as a pronoun, ordinals or "a decade"', () => {
    expect(parseFigures('One of them said it was the first and third time in a decade.')).toEqual([]);
  });
});

describe('things that are not figures', () => {
  it.each([
    ['version and model numbers', 'She still uses an iPhone 4 at work.'],
    ['dotted versions', 'The bug affects Minecraft 1.8.3 servers.'],
    ['hex identifiers', 'Packets 0x08 and 0x10 are affected.'],
    ['letters glued to digits', 'The G40 summit and a 3D model of 1010data.'],
    ['hyphenated designations', 'Progress MS-04 and the LGP-30 were built there.'],
    ['numbered names', 'Staff in Building 24 watched Apollo 11 on TV.'],
    ['a brand number before a noun', 'Shoppers like Whole Foods 365 stores.'],
    ['identifier prefixes', 'Turn to page 12 for flight 370.'],
    ['list enumerators', 'Rankings: 1. Finland 2. Norway 3. Australia'],
    ['enumerators at the start of a line', '1. Take the blankets off\n2. Check the peep hole'],
    ['phone numbers', 'Call 020 7946 0018 or +1 555 123 4567 today.'],
    ['URLs and handles', 'See https://example.com/2024/10/item5 or follow @news24.'],
    ['durations without a clock context', 'Current Time 0:00 / Duration 0:00'],
    ['"24/7" slashes', 'The shop is open 24/7.'],
    ['a year of names', 'Tickets for Euro 2024 sold out.'],
  ])('ignores %s', (_label, text) => {
    expect(spans(text)).toEqual([]);
  });
  it('keeps technical powers as one quantity, never as separate small numbers', () => {
    expect(one('a total of 10^5 lists')).toMatchObject({ text: '10^5', value: 100_000, kind: 'quantity' });
    expect(one('a size of 2^15 - 1 bytes')).toMatchObject({ text: '2^15 - 1', value: 32_767 });
  });
});

describe('output shape', () => {
  it('returns spans sorted by start and without overlap', () => {
    const found = parseFigures('By 2027 the UK will spend 2.5% of GDP, or £13.4 billion, on 19 new ships.');
    expect(found.map((f) => f.text)).toEqual(['2027', '2.5% of GDP', '£13.4 billion', '19 new ships']);
    for (let i = 1; i < found.length; i++) {
      expect((found[i] as FigureMatch).start).toBeGreaterThanOrEqual((found[i - 1] as FigureMatch).end);
    }
  });
  it('sets text to the input slice', () => {
    const input = 'Costs hit $4.8 billion.';
    const f = one(input);
    expect(input.slice(f.start, f.end)).toBe(f.text);
  });
});
