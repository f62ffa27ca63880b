/**
 * The generic number pass: every number no specific recogniser claimed, in digits or words, with the
 * percent sign, currency word or counted noun written after it; identifiers, versions and list markers
 * are rejected here.
 */

import { scaleExponent } from './currency';
import {
  IDENTIFIER_PREFIXES,
  IRREGULAR_PLURALS,
  MEASURE_UNITS,
  MONTH_NAMES,
  SENTENCE_WORDS,
  STOP_WORDS,
} from './lexicon';
import { CARDINAL_WORD, readNumberWords } from './number-words';
import { pattern } from './pattern';
import { borrowedScale, CURRENCY_WORDS, currencyFromWord, moneyFields, NUM, WORDNUM } from './recognisers';
import { eachMatch, type FigureFields, groupDigits, type Scan, scaled } from './scan';

const PERCENT_SUFFIX = pattern(
  String.raw`^(?:\s?%|\s(?:per\s?cent|percent|pct)\b)(\sof\s(?:GDP|gross domestic product|GNP|GNI|national income)\b)?`,
  'i',
);
const POINTS_SUFFIX = pattern(String.raw`^\s(percentage points?|basis points?|bps)\b`, 'i');
const CURRENCY_SUFFIX = pattern(`^\\s(${CURRENCY_WORDS})\\b`);
const MONTH_RE = pattern(`^(?:${MONTH_NAMES})$`);
const TEMPORAL_BEFORE = pattern(
  String.raw`\b(?:in|since|by|from|until|till|of|during|before|after|between|to|and|through|year|early|late|mid|spring|summer|autumn|fall|winter|around|circa|the|fiscal|financial|calendar)\s$`,
  'i',
);

/** "10 to 12 percent", "between 5 and 7%": the first number of the range is a percentage too. */
const RANGE_TO_PERCENT = pattern(
  `^\\s?(?:to|-|–|and|or)\\s?${NUM}(?:\\s?%|\\s(?:per\\s?cent|percent)\\b)`,
  'i',
);

// The patterns' text is built once, not per line or per number (see `pattern` in scan.ts).
const WORD_PERCENT = pattern(
  `\\b(half|a quarter|three quarters|${WORDNUM})\\s(?:of\\s)?(?:an?\\s)?(percentage points?|per\\s?cent|percent|basis points)\\b`,
  'gi',
);
const WORD_FRACTIONS: Record<string, number> = { half: 0.5, 'a quarter': 0.25, 'three quarters': 0.75 };
const RANGE_SECOND = pattern(`^\\s?(?:to|-|–|and|or)\\s?${NUM}(?:\\s(?:thousand|million|billion))?`);
const COMPACT_PERCENT_RANGE = pattern(`^\\s?[-–]\\s?(${NUM})(\\s?%|\\s(?:per\\s?cent|percent)\\b)`);
const DIGIT_NUMBER = pattern(`(?<![\\w.,])${NUM}(?!\\d)`, 'g');
const WORD_NUMBER = pattern(
  `\\b(?:a (?=(?:dozen|hundred|thousand|million|billion|trillion)\\b))?${CARDINAL_WORD}\\b`,
  'gi',
);

function percentFields(value: number, unit: string, high?: number): FigureFields {
  const v = String(value);
  const range = high !== undefined ? `–${high}` : '';
  if (unit === '% of GDP')
    return {
      kind: 'percent',
      value,
      unit,
      key: `percent-gdp:${v}`,
      display: `${v}${range}% of GDP`,
      ...(high !== undefined ? { high } : {}),
    };
  if (unit === '%')
    return {
      kind: 'percent',
      value,
      unit,
      key: `percent:${v}`,
      display: `${v}${range}%`,
      ...(high !== undefined ? { high } : {}),
    };
  // Basis points and percentage points share a key: 25 basis points = 0.25 percentage points.
  const pp = unit === 'basis points' ? value / 100 : value;
  return { kind: 'percent', value, unit, key: `pp:${pp}`, display: `${v}${range} ${unit}` };
}

/** "half a percentage point", "two per cent", "a quarter of a percentage point". */
export function recogniseWordPercents(s: Scan): void {
  eachMatch(s.text, WORD_PERCENT(), (m) => {
    const raw = (m[1] ?? '').toLowerCase();
    const value = WORD_FRACTIONS[raw] ?? readNumberWords(raw, 0)?.value ?? null;
    if (value === null) return;
    const word = (m[2] ?? '').toLowerCase();
    const unit = word.startsWith('percentage')
      ? 'percentage points'
      : word.startsWith('basis')
        ? 'basis points'
        : '%';
    s.add(m.index, m.index + m[0].length, percentFields(value, unit));
  });
}

/** Numbers glued to letters ("G40", "3D", "1010data"), clock-like "0:00" and slashed "24/7" that no recogniser took. */
export function blockResidue(s: Scan): void {
  eachMatch(s.text, /\b[A-Za-z0-9_]*(?:[A-Za-z_]\d|\d[A-Za-z_])[A-Za-z0-9_]*\b/g, (m) => {
    // Attached magnitudes ("150K", "3bn") are left for the number pass.
    if (/^\d+(?:k|K|bn|mn|tn|m|M)$/.test(m[0])) return;
    s.block(m.index, m.index + m[0].length);
  });
  eachMatch(s.text, /(?<![\w])[-−]?\d+(?::\d+)+(?![\w])/g, (m) => s.block(m.index, m.index + m[0].length));
  eachMatch(s.text, /(?<![\w./])\d+\/\d+(?![\w/])/g, (m) => s.block(m.index, m.index + m[0].length));
}

function isPluralNoun(word: string): boolean {
  if (IRREGULAR_PLURALS.has(word)) return true;
  if (word.length > 4 && word.endsWith('men')) return true;
  return word.length > 2 && word.endsWith('s') && !/(?:ss|us|is|ous)$/.test(word);
}

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

const NOUN_WORD = pattern(String.raw`\s([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)`, 'y');

/**
 * The counted noun phrase right after a number: adjectives then a plural head noun, within four
 * words and never across a function word ("6,000 white Akoya pearls", but "10 of their own" → none).
 */
function readNoun(text: string, pos: number, singularOk: boolean): { end: number; noun: string } | null {
  let i = pos;
  const nounWord = NOUN_WORD();
  for (let words = 0; words < 4; words++) {
    nounWord.lastIndex = i;
    const m = nounWord.exec(text);
    if (!m) return null;
    const w = (m[1] ?? '').toLowerCase();
    if (STOP_WORDS.has(w) || /['’]/.test(w)) return null;
    const end = i + m[0].length;
    if (isPluralNoun(w) || (singularOk && words === 0 && MEASURE_UNITS[w] !== undefined))
      return { end, noun: w };
    i = end;
  }
  return null;
}

function countFields(value: number, noun: string | null, after: string): FigureFields {
  if (noun === null) {
    const kind = Number.isInteger(value) ? 'count' : 'quantity';
    return { kind, value, unit: null, key: `${kind}:${value}`, display: groupDigits(value) };
  }
  const base = singular(noun);
  const measure = MEASURE_UNITS[noun] ?? MEASURE_UNITS[base];
  let unit = measure ?? noun;
  if (measure && /^\s(?:of age|old)\b/.test(after)) unit = `${unit} (age)`;
  const kind = measure ? 'quantity' : 'count';
  return { kind, value, unit, key: `${kind}:${value}:${unit}`, display: `${groupDigits(value)} ${unit}` };
}

/** Previous word before `pos` (skipping one space), as written. */
function previousWord(text: string, pos: number): string | null {
  return /([A-Za-z][\w'’.&-]*)\s$/.exec(text.slice(Math.max(0, pos - 30), pos))?.[1] ?? null;
}

/** A number labelling something ("iPhone 4", "Apollo 11", "Whole Foods 365", "flight 370"). */
function isIdentifier(text: string, pos: number): boolean {
  const prevChar = text[pos - 1] ?? '';
  if (prevChar === '#' || prevChar === '№') return true;
  // "MS-04", "LGP-30", "COVID-19": a hyphen glued to letters.
  if (prevChar === '-' && /[A-Za-z]/.test(text[pos - 2] ?? '')) return true;
  const word = previousWord(text, pos);
  if (!word) return false;
  // "Samsung's 2017 line-up", "Britain's 650 MPs": the number belongs to the owner, not to its name.
  if (/['’]s$/.test(word)) return false;
  const lower = word.toLowerCase();
  if (IDENTIFIER_PREFIXES.has(lower)) return true;
  return /[A-Z]/.test(word) && !SENTENCE_WORDS.has(lower.replace(/\.$/, '')) && !MONTH_RE().test(word);
}

/** A list marker: "1. Finland 2. Norway …" or a line starting "3) ". */
function isEnumerator(text: string, start: number, end: number, raw: string): boolean {
  if (!/^\d{1,2}$/.test(raw)) return false;
  if (!/^[.)]\s+["“‘'(]?[A-Z]/.test(text.slice(end, end + 6))) return false;
  const lineHead = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  if (/^[ \t#*>-]*$/.test(lineHead)) return true;
  // Mid-text, a marker is recognised by its neighbours in the sequence.
  const n = Number(raw);
  return [n - 1, n + 1].some((k) => k >= 0 && new RegExp(`(?<![\\d.,])${k}[.)]\\s+["“‘'(]?[A-Z]`).test(text));
}

/** "400 to 600 people": the first number of a range borrows the noun of the second for its unit. */
function rangeNoun(text: string, pos: number): string | null {
  const m = RANGE_SECOND().exec(text.slice(pos, pos + 40));
  return m ? (readNoun(text, pos + m[0].length, false)?.noun ?? null) : null;
}

/** Suffixes shared by digit and word numbers: percent, points, currency word, counted noun. */
function addWithSuffix(
  s: Scan,
  start: number,
  p: number,
  value: number,
  opts: { year: boolean; digits: boolean },
) {
  const t = s.text;
  const after = t.slice(p, p + 60);
  const pct = PERCENT_SUFFIX().exec(after);
  if (pct) return s.add(start, p + pct[0].length, percentFields(value, pct[1] ? '% of GDP' : '%'));
  const pts = POINTS_SUFFIX().exec(after);
  if (pts) {
    const unit = /^b/i.test(pts[1] ?? '') ? 'basis points' : 'percentage points';
    return s.add(start, p + pts[0].length, percentFields(value, unit));
  }
  const cur = CURRENCY_SUFFIX().exec(after);
  if (cur) {
    const { code, factor } = currencyFromWord(cur[1] ?? '');
    const v = Math.round(value * factor * 1e6) / 1e6;
    return s.add(start, p + cur[0].length, moneyFields(v, code, t.slice(start, p + cur[0].length)));
  }
  // A year stays a year: "3% in 2016 and 7% in 2017".
  if (!opts.year && RANGE_TO_PERCENT().test(after)) return s.add(start, p, percentFields(value, '%'));
  const noun = readNoun(t, p, value === 1 || !Number.isInteger(value));
  // A measure after the number ("Mojang 2 years ago") outweighs the capitalised word before it.
  const measured =
    noun !== null && (MEASURE_UNITS[noun.noun] ?? MEASURE_UNITS[singular(noun.noun)]) !== undefined;
  if (opts.digits && !measured && isIdentifier(t, start)) return s.block(start, p);
  if (opts.year) {
    const firstWordNoun = noun && /^\s[a-z]+$/.test(t.slice(p, noun.end));
    if (!firstWordNoun || TEMPORAL_BEFORE().test(t.slice(Math.max(0, start - 12), start))) {
      return s.add(start, p, {
        kind: 'year',
        value,
        unit: null,
        key: `year:${value}`,
        display: `Year ${value}`,
      });
    }
  }
  if (noun) return s.add(start, noun.end, countFields(value, noun.noun, t.slice(noun.end, noun.end + 10)));
  return s.add(start, p, countFields(value, rangeNoun(t, p), ''));
}

function handleDigits(s: Scan, start: number, raw: string): void {
  const t = s.text;
  let end = start + raw.length;
  if (!s.isFree(start, end)) return;
  if (/[A-Za-z]/.test(t[start - 1] ?? '') || /^0\d/.test(raw)) {
    s.block(start, end);
    return;
  }
  // "737-800" after "Boeing 737": a number hyphened to an identifier continues the identifier.
  if (t[start - 1] === '-' && s.isBlockedAt(start - 2)) {
    s.block(start, end);
    return;
  }
  if (isEnumerator(t, start, end, raw)) {
    s.block(start, end);
    return;
  }
  // "7-Eleven", "5-star", "3-D": a number hyphened to a word that is not a unit (those were read as
  // "30-minute" before) names or describes something; it is not an amount.
  if (/^-[A-Za-z]/.test(t.slice(end, end + 2))) {
    s.block(start, end);
    return;
  }
  let exp = 0;
  const attached = /^(k|K|bn|mn|tn|m|M)(?![A-Za-z])/.exec(t.slice(end, end + 3));
  const spaced = /^\s(thousand|million|billion|trillion|bn|mn|tn)\b/.exec(t.slice(end, end + 10));
  if (attached) {
    // A bare "10m" is as likely metres as millions: take it as millions only before a counted noun.
    if (/^m$/i.test(attached[1] ?? '') && !readNoun(t, end + 1, false)) {
      s.block(start, end + 1);
      return;
    }
    exp = scaleExponent(attached[1] ?? '');
    end += attached[0].length;
  } else if (spaced) {
    exp = scaleExponent(spaced[1] ?? '');
    end += spaced[0].length;
  } else {
    exp = borrowedScale(t, end, raw, false);
  }
  const value = scaled(raw, exp);
  // Compact percent range "2-3%": one span with a high bound.
  const pr = COMPACT_PERCENT_RANGE().exec(t.slice(end, end + 20));
  if (pr && exp === 0) {
    const high = Number((pr[1] ?? '').replace(/,/g, ''));
    if (high > value) {
      s.add(start, end + pr[0].length, percentFields(value, '%', high));
      return;
    }
  }
  const year = exp === 0 && /^\d{4}$/.test(raw) && value >= 1000 && value <= 2199;
  addWithSuffix(s, start, end, value, { year, digits: true });
}

function handleWords(s: Scan, start: number): void {
  const t = s.text;
  const wn = readNumberWords(t, start);
  if (!wn) return;
  const end = wn.end;
  if (!s.isFree(start, end)) return;
  const first = t.slice(start, end);
  const after = t.slice(end, end + 30);
  const reject =
    (wn.words === 1 && wn.value === 1) || // "one" is a pronoun as often as a number
    t[start - 1] === '-' ||
    /^-[A-Za-z]/.test(after) || // "five-star", "one-off"
    (wn.value === 0 &&
      (/^[\s-](?:tolerance|sum|day|hour|point|emissions)\b/i.test(after) ||
        /\bground $/i.test(t.slice(start - 7, start))));
  // A capitalised number inside a sentence followed by a capitalised word is a name ("the Five Eyes").
  const prevChar = t.slice(0, start).trimEnd().slice(-1);
  const sentenceStart = prevChar === '' || /[.!?:;"“”'‘’—–([]/.test(prevChar);
  const name = /^[A-Z]/.test(first) && !sentenceStart && /^\s[A-Z]/.test(after);
  if (reject || name) {
    s.block(start, end);
    return;
  }
  addWithSuffix(s, start, end, wn.value, { year: false, digits: false });
}

/** The generic pass: every number not yet claimed or blocked, digits and words, in text order. */
export function recogniseNumbers(s: Scan): void {
  const atoms: { start: number; raw: string | null }[] = [];
  eachMatch(s.text, DIGIT_NUMBER(), (m) => atoms.push({ start: m.index, raw: m[0] }));
  eachMatch(s.text, WORD_NUMBER(), (m) => atoms.push({ start: m.index, raw: null }));
  atoms.sort((a, b) => a.start - b.start);
  for (const atom of atoms) {
    if (atom.raw !== null) handleDigits(s, atom.start, atom.raw);
    else handleWords(s, atom.start);
  }
}
