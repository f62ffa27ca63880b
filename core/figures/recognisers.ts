/**
 * Recognisers for figures with a fixed shape: money with a currency marker, powers and dimensions,
 * ages, hyphenated quantities, fractions and vague amounts (calendar shapes are in dates.ts). Each
 * claims its spans on the Scan; the generic pass in numbers.ts then reads whatever numbers are left.
 */

import {
  CURRENCY_PREFIX,
  CURRENCY_WORDS,
  currencyFromPrefix,
  currencyFromWord,
  SCALE_SUFFIX,
  scaleExponent,
} from './currency';
import { HYPHEN_UNITS, MEASURE_UNITS, MONTH_NAMES, SENTENCE_WORDS, UNIT_SYMBOLS } from './lexicon';
import { CARDINAL_WORD, FRACTION_WORDS, readNumberWords } from './number-words';
import { pattern } from './pattern';
import { eachMatch, groupDigits, type Scan, scaled } from './scan';

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const M = `(?:${MONTH_NAMES})`;
/** A spelled-out cardinal such as "two" or "twenty-five" (case-insensitive use). */
const WORDNUM = `(?:${CARDINAL_WORD}(?:-${CARDINAL_WORD})?)`;

const g = (group: string | undefined): string => group ?? '';

// The patterns' text is built once, not per line (see `pattern` in scan.ts).
const MONTH_WORD = pattern(`^${M}$`);

/** Spans that must never yield a figure: URLs, e-mail, handles, hex, version numbers, phone numbers. */
const NON_FIGURES = [
  /\b(?:https?:\/\/|www\.)\S+/g,
  /[\w.+-]+@[\w-]+\.[\w.]+/g,
  /(?<![\w])[@#][\w-]+/g,
  /\b[\w-]+\.(?:com|org|net|gov|edu|io|co\.uk|uk|de|fr)\b\S*/g,
  /\b0x[0-9a-fA-F]+\b/g,
  // Versions and dotted identifiers: 1.8.3, v2.0.1.
  /(?<![\w.])v?\d+(?:\.\d+){2,}(?![\w])/g,
  // Phone numbers: international prefix, bracketed area code, or 555-123-4567 / 555-1234 shapes.
  /\+\d{1,3}[\s.-]?(?:\(?\d{1,5}\)?[\s.-]?){2,5}\d{2,5}/g,
  /\(\d{2,5}\)\s?\d{3,4}[\s.-]?\d{3,4}/g,
  /(?<![\d,.])\d{3}[.-]\d{3,4}[.-]\d{4}(?!\d)/g,
  /(?<![\d,.-])\d{3}-\d{4}(?![\d-])/g,
  /(?<![\d,.])0\d{2,4}\s\d{3,4}\s?\d{3,4}(?!\d)/g,
].map((re) => pattern(re.source, re.flags));

export function blockNonFigures(s: Scan): void {
  for (const re of NON_FIGURES) eachMatch(s.text, re(), (m) => s.block(m.index, m.index + m[0].length));
  blockHouseNumbers(s);
}

/** Street words that end an address ("10 Downing Street", "1600 Pennsylvania Avenue"). */
const STREET_WORDS =
  'Street|St|Avenue|Ave|Road|Rd|Lane|Boulevard|Blvd|Drive|Place|Square|Terrace|Parkway|Mews';

/**
 * House numbers: a number followed by one to three capitalised words ending in a street word. Not when
 * a plural noun follows, which makes the street a modifier of what is counted ("10 Wall Street firms"),
 * nor for a year after "in" or "since" ("in 2016 Main Street shops…").
 */
const HOUSE_NUMBER = pattern(
  `(?<![\\w.,])\\d{1,5}[A-Za-z]?(?=\\s(?:[A-Z][\\w'’.-]*\\s){1,3}(?:${STREET_WORDS})\\b(?!\\s(?!(?:says|is|was|has|does)\\b)[a-z]+s\\b))`,
  'g',
);

function blockHouseNumbers(s: Scan): void {
  eachMatch(s.text, HOUSE_NUMBER(), (m) => {
    const yearLike = /^(?:1\d|20|21)\d{2}$/.test(m[0]);
    if (yearLike && /\b(?:in|since|during|until|before|after|by)\s$/i.test(s.text.slice(0, m.index))) return;
    s.block(m.index, m.index + m[0].length);
  });
}

/**
 * Unit symbols written after a number, spaced or glued ("190 km", "60mph", "1,000 MW", "30°C"). Case
 * matters ("MW" is megawatts, "mW" would not be read). A bare "m" is left out: after a number it is as
 * often millions as metres.
 */
const UNIT_SYMBOL_AFTER = pattern(`(?<![\\w.,$£€])(${NUM})(\\s?)(${UNIT_SYMBOLS})(?![\\w/²³])`, 'g');

export function recogniseUnitSymbols(s: Scan): void {
  eachMatch(s.text, UNIT_SYMBOL_AFTER(), (m) => {
    const value = Number(g(m[1]).replace(/,/g, ''));
    const unit = g(m[3]);
    s.add(m.index, m.index + m[0].length, {
      kind: 'quantity',
      value,
      unit,
      key: `quantity:${value}:${unit}`,
      display: `${groupDigits(value)} ${unit}`,
    });
  });
}

const SCREENS =
  'display|resolution|screen|TV|television|video|monitor|panel|camera|HDR|streaming|content|footage|OLED|projector|gaming|UHD';
const RESOLUTION = pattern(
  `(?<![\\w.$£€])([1-9]\\d?)K(?=\\s(?:${SCREENS})\\b)|(?<=\\bin )([1-9]\\d?)K\\b`,
  'g',
);

/** Powers and dimensions: "10^5", "2^15 - 1", "1800 x 1920", and display resolutions such as "4K". */
export function recogniseTechnical(s: Scan): void {
  eachMatch(s.text, /(?<![\w.^])(\d{1,4})\^(\d{1,3})(?:\s?([-+])\s?(\d+)(?![\d.^]))?/g, (m) => {
    const base = Number(m[1]) ** Number(m[2]);
    const value = m[3] === '-' ? base - Number(m[4]) : m[3] === '+' ? base + Number(m[4]) : base;
    const ok = Number.isSafeInteger(value);
    s.add(m.index, m.index + m[0].length, {
      kind: 'quantity',
      value: ok ? value : null,
      unit: null,
      key: `quantity:${ok ? value : m[0].replace(/\s/g, '')}`,
      display: ok ? `${m[0]} = ${groupDigits(value)}` : m[0],
    });
  });
  eachMatch(
    s.text,
    /(?<![\w.])([1-9]\d{0,4})\s?[x×]\s?([1-9]\d{0,4})(?![\w.])(?:\s(pixels|px|mm|cm|inches|feet|ft)\b)?/g,
    (m) =>
      s.add(m.index, m.index + m[0].length, {
        kind: 'quantity',
        value: null,
        unit: m[3] ?? 'dimensions',
        key: `dimensions:${m[1]}x${m[2]}`,
        display: `${m[1]} by ${m[2]}${m[3] ? ` ${m[3]}` : ''}`,
      }),
  );
  eachMatch(s.text, RESOLUTION(), (m) =>
    s.add(m.index, m.index + m[0].length, {
      kind: 'quantity',
      value: null,
      unit: 'display resolution',
      key: `resolution:${m[1] ?? m[2]}K`,
      display: `${m[0]} display resolution`,
    }),
  );
}

function moneyFields(value: number, code: string, text: string, high?: number) {
  return {
    kind: 'money' as const,
    value,
    unit: code,
    key: `money:${code}:${value}`,
    display: `${text} = ${groupDigits(value)}${high !== undefined ? `–${groupDigits(high)}` : ''} ${code}`,
    ...(high !== undefined ? { high } : {}),
  };
}

/** Money with a currency marker before it: "£13.4 billion", "$2bn", "US$3 million", "USD 2 million", "$2-3bn", "50p". */
const MONEY = pattern(
  `(?<![A-Za-z0-9])(${CURRENCY_PREFIX})(${NUM})(?:\\s?[-–]\\s?(${NUM}))?(${SCALE_SUFFIX})?(?![0-9])`,
  'g',
);

export function recogniseMoney(s: Scan): void {
  eachMatch(s.text, MONEY(), (m) => {
    const end = m.index + m[0].length;
    // "$3D" or "£5bnx" are not amounts.
    if (/[A-Za-z]/.test(s.text[end] ?? '')) return;
    const code = currencyFromPrefix(g(m[1]));
    const exp = m[4] ? scaleExponent(g(m[4])) : m[3] ? 0 : borrowedScale(s.text, end, g(m[2]), true);
    const value = scaled(g(m[2]), exp);
    const high = m[3] ? scaled(g(m[3]), exp) : undefined;
    if (high !== undefined && !(high > value)) return;
    s.add(m.index, end, moneyFields(value, code, m[0], high));
  });
  eachMatch(s.text, /(?<![\w.])(\d{1,3})p\b/g, (m) => {
    const value = Number(m[1]) / 100;
    s.add(m.index, m.index + m[0].length, moneyFields(value, 'GBP', m[0]));
  });
}

const RANGE_TAIL = pattern(`^\\s?(?:to|-|–|and|or)\\s?(?:${CURRENCY_PREFIX})?(${NUM})(${SCALE_SUFFIX})`);

/**
 * The scale of a range's second amount, lent to a first amount written without one: in "$5 to $7
 * million" or "5 to 7 million people" the 5 is millions too. Only when the first is the smaller, so
 * "$500 to $2 million" keeps its $500.
 */
export function borrowedScale(text: string, pos: number, first: string, money: boolean): number {
  const tail = RANGE_TAIL().exec(text.slice(pos, pos + 40));
  if (!tail) return 0;
  // Without a currency, a bare "m" is as likely metres ("2 to 3m deep") as millions.
  if (!money && /^m$/i.test(g(tail[2]))) return 0;
  const low = Number(first.replace(/,/g, ''));
  const high = Number(g(tail[1]).replace(/,/g, ''));
  return low < high ? scaleExponent(g(tail[2])) : 0;
}

function ageFields(value: number, unit = 'years (age)') {
  return { kind: 'quantity' as const, value, unit, key: `age:${value}:${unit}`, display: `Age ${value}` };
}

const AGE_OLD = pattern(`\\b(\\d{1,3}|${WORDNUM})[- ](year|month|week|day)s?[- ]old\\b`, 'gi');

/** Ages: "aged 21", "age 5", "ages of 25 and 54", "21-year-old", "Two-year-old", "Eloise Parry, 21,". */
export function recogniseAges(s: Scan): void {
  const t = s.text;
  eachMatch(t, /\bages\s(?:of\s)?(?:between\s)?(\d{1,3})\s(?:and|to|-|–)\s(\d{1,3})\b/gi, (m) => {
    const a = g(m[1]);
    const b = g(m[2]);
    const aStart = m.index + m[0].indexOf(a);
    const bStart = m.index + m[0].lastIndexOf(b);
    s.add(aStart, aStart + a.length, ageFields(Number(a)));
    s.add(bStart, bStart + b.length, ageFields(Number(b)));
  });
  eachMatch(t, /\b(?:aged?|ages)\s(\d{1,3})\b(?![.,]\d)/gi, (m) =>
    s.add(m.index, m.index + m[0].length, ageFields(Number(m[1]))),
  );
  eachMatch(t, /\bage of (\d{1,3})\b(?![.,]\d)/gi, (m) => {
    const start = m.index + m[0].length - g(m[1]).length;
    s.add(start, start + g(m[1]).length, ageFields(Number(m[1])));
  });
  eachMatch(t, AGE_OLD(), (m) => {
    const raw = g(m[1]);
    const value = /^\d/.test(raw) ? Number(raw) : (readNumberWords(raw, 0)?.value ?? null);
    if (value === null) return;
    const unit = `${g(m[2]).toLowerCase()}s (age)`;
    s.add(m.index, m.index + m[0].length, ageFields(value, unit));
  });
  // Newspaper apposition: "Eloise Parry, 21, was taken…". The name must not be a month or a
  // sentence word, so "In June, 20 people…" is left alone.
  eachMatch(t, /\b([A-Z][a-z'’-]+), (\d{1,3}),/g, (m) => {
    const word = g(m[1]);
    if (MONTH_WORD().test(word)) return;
    if (SENTENCE_WORDS.has(word.toLowerCase())) return;
    const value = Number(m[2]);
    if (value < 1 || value > 120) return;
    const start = m.index + word.length + 2;
    s.add(start, start + g(m[2]).length, ageFields(value));
  });
}

const HYPHEN_QUANTITY = pattern(
  `(?<![\\w-])(${NUM}|${WORDNUM})-(${[...HYPHEN_UNITS].join('|')})(?![\\w-])`,
  'gi',
);
const FRACTION = pattern(
  `\\b(one|two|three|four|five|six|seven|eight|nine|a)[- ](${Object.keys(FRACTION_WORDS).join('|')})\\b`,
  'gi',
);
const ONE_IN = pattern(`\\b(one|\\d{1,3}) in (${WORDNUM}|\\d{1,4})\\b(?![.,]\\d)`, 'gi');

/** Hyphenated quantities ("six-month", "30-minute"), fractions ("one-tenth", "two-thirds"), ratios ("one in five") and "half the". */
export function recogniseCompounds(s: Scan): void {
  const t = s.text;
  eachMatch(t, HYPHEN_QUANTITY(), (m) => {
    const raw = g(m[1]);
    const value = /^\d/.test(raw) ? Number(raw.replace(/,/g, '')) : (readNumberWords(raw, 0)?.value ?? null);
    if (value === null) return;
    const base = g(m[2]).toLowerCase();
    const unit = MEASURE_UNITS[base] ?? `${base}s`;
    s.add(m.index, m.index + m[0].length, {
      kind: 'quantity',
      value,
      unit,
      key: `quantity:${value}:${unit}`,
      display: `${groupDigits(value)} ${unit}`,
    });
  });
  eachMatch(t, FRACTION(), (m) => {
    const numWord = g(m[1]).toLowerCase();
    const end = m.index + m[0].length;
    // "a third" needs "of" after it to be a fraction: "a third time" is an ordinal.
    if (numWord === 'a' && !/^ of\b/.test(t.slice(end, end + 4))) return;
    if (numWord === 'one' && t[m.index + 3] === ' ' && !/^ of\b/.test(t.slice(end, end + 4))) return;
    const num = numWord === 'a' ? 1 : (readNumberWords(numWord, 0)?.value ?? 1);
    const den = FRACTION_WORDS[g(m[2]).toLowerCase()] ?? 1;
    const value = Math.round((num / den) * 1e6) / 1e6;
    s.add(m.index, end, {
      kind: 'quantity',
      value,
      unit: 'fraction',
      key: `fraction:${value}`,
      display: `${m[0]} = ${value}`,
    });
  });
  eachMatch(t, ONE_IN(), (m) => {
    const a = /^\d/.test(g(m[1])) ? Number(m[1]) : 1;
    const raw = g(m[2]);
    const b = /^\d/.test(raw) ? Number(raw) : (readNumberWords(raw, 0)?.value ?? 0);
    if (b < 2 || b > 1000 || a >= b) return;
    s.add(m.index, m.index + m[0].length, {
      kind: 'quantity',
      value: a / b,
      unit: 'ratio',
      key: `ratio:${a}/${b}`,
      display: `${m[0]} (${Math.round((a / b) * 1000) / 10}%)`,
    });
  });
  // "half the help", "about half of voters": half as a determiner, not "the second half".
  eachMatch(
    t,
    /(?<![\w-])half(?= (?:the|of|a|an|its|their|his|her|all|our|those|these|that|this)\b)/gi,
    (m) => {
      if (
        /\b(?:the|a|first|second|other|one|and|latter|former|back|front)\s$/i.test(
          t.slice(Math.max(0, m.index - 8), m.index),
        )
      )
        return;
      if (
        /^ an? (?:hour|mile|minute|day|year|century|dozen|million|billion)\b/i.test(
          t.slice(m.index + 4, m.index + 20),
        )
      )
        return;
      s.add(m.index, m.index + 4, {
        kind: 'quantity',
        value: 0.5,
        unit: 'fraction',
        key: 'fraction:0.5',
        display: 'half (0.5)',
      });
    },
  );
}

/**
 * Vague amounts: "tens of thousands", "hundreds", "several million", and with a currency
 * "hundreds of millions of dollars" (one money span, value null).
 */
const VAGUE = pattern(
  `\\b(?:(?:tens|hundreds|dozens|scores)\\s+of\\s+(?:thousands|millions|billions)|(?:several|a few|many)\\s+(?:hundred|thousand|million|billion)|(?:hundreds|thousands|millions|billions|trillions|dozens))\\b(\\s+of\\s+(?:${CURRENCY_WORDS}|pounds)\\b)?`,
  'gi',
);

export function recogniseVague(s: Scan): void {
  eachMatch(s.text, VAGUE(), (m) => {
    const phrase = m[0].slice(0, m[0].length - g(m[1]).length);
    const norm = phrase.toLowerCase().replace(/\s+/g, ' ');
    if (m[1]) {
      const code = currencyFromWord(g(m[1]).replace(/^\s+of\s+/, '')).code;
      s.add(m.index, m.index + m[0].length, {
        kind: 'money',
        value: null,
        unit: code,
        key: `money:${code}:~${norm}`,
        display: `${m[0]} (an unspecified amount in ${code})`,
      });
      return;
    }
    const after = s.text.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const noun = /^\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?([A-Za-z]+s)\b/.exec(after)?.[1]?.toLowerCase() ?? null;
    s.add(m.index, m.index + m[0].length, {
      kind: 'count',
      value: null,
      unit: noun,
      key: `count:~${norm}${noun ? `:${noun}` : ''}`,
      display: `${phrase} (an unspecified number${noun ? ` of ${noun}` : ''})`,
    });
  });
}

/** Re-exported for the generic pass, which accepts currencies written after the number. */
export { CURRENCY_WORDS, currencyFromWord, moneyFields, NUM, WORDNUM };
