/**
 * Recognisers for calendar figures: dates, clock times, fiscal years, decades and centuries.
 */

import { MONTH_NAMES, monthNumber, TIME_ZONES } from './lexicon';
import { pattern } from './pattern';
import { eachMatch, type Scan } from './scan';

const M = `(?:${MONTH_NAMES})`;
const MONTHS_FULL = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const g = (group: string | undefined): string => group ?? '';

// The patterns' text is built once, not per line: a long article is thousands of lines, and building it
// means joining the month names' alternation every time (see `pattern` in scan.ts).
const MONTH_DAY = pattern(
  `\\b(${M})(\\.?)(,?)\\s(\\d{1,2})(?:st|nd|rd|th)?(?:(,?)\\s(\\d{4}))?(?![\\d.,]\\d|\\w)`,
  'g',
);
const DAY_MONTH = pattern(
  `(?<![\\w.,])(\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?(${M})\\b(?:\\.?,?\\s(\\d{4})\\b)?`,
  'g',
);
const MONTH_YEAR = pattern(`\\b(${M})\\.?,?\\s(\\d{4})(?![\\d,.]\\d|\\w)`, 'g');

function dateDisplay(day: number | null, month: number | null, year: number | null): string {
  const mon = month ? MONTHS_FULL[month - 1] : undefined;
  return [day, mon, year].filter((x) => x !== null && x !== undefined).join(' ');
}

function dateKey(day: number | null, month: number | null, year: number | null): string {
  // ISO 8601 shapes, with "--MM-DD" when the year is not written.
  const two = (n: number) => String(n).padStart(2, '0');
  const y = year === null ? '-' : String(year);
  return `date:${y}${month === null ? '' : `-${two(month)}`}${day === null ? '' : `-${two(day)}`}`;
}

function addDate(
  s: Scan,
  start: number,
  end: number,
  day: number | null,
  month: number | null,
  year: number | null,
) {
  if (day !== null && (day < 1 || day > 31)) return;
  s.add(start, end, {
    kind: 'date',
    value: null,
    unit: null,
    key: dateKey(day, month, year),
    display: dateDisplay(day, month, year),
  });
}

/** Calendar dates: "Nov, 29, 2016", "22 Dec, 2016", "23 July 2015", "July 4", "2/26/2015", "9/11". */
export function recogniseDates(s: Scan): void {
  const t = s.text;
  eachMatch(t, /\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) =>
    addDate(s, m.index, m.index + m[0].length, Number(m[3]), Number(m[2]), Number(m[1])),
  );
  eachMatch(t, /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/g, (m) => {
    // US order unless the first part cannot be a month.
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = g(m[3]).length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const [day, month] = a > 12 ? [a, b] : [b, a];
    if (month > 12) return;
    addDate(s, m.index, m.index + m[0].length, day, month, y);
  });
  // Month first: the comma after the month ("Nov, 29, 2016") is allowed only when a year follows,
  // so "in June, 20 people" is not a date.
  eachMatch(t, MONTH_DAY(), (m) => {
    if (m[3] && !m[6]) return;
    addDate(
      s,
      m.index,
      m.index + m[0].length,
      Number(m[4]),
      monthNumber(g(m[1])),
      m[6] ? Number(m[6]) : null,
    );
  });
  eachMatch(t, DAY_MONTH(), (m) =>
    addDate(
      s,
      m.index,
      m.index + m[0].length,
      Number(m[1]),
      monthNumber(g(m[2])),
      m[3] ? Number(m[3]) : null,
    ),
  );
  eachMatch(t, MONTH_YEAR(), (m) =>
    addDate(s, m.index, m.index + m[0].length, null, monthNumber(g(m[1])), Number(m[2])),
  );
  // The attacks of 11 September 2001 are named by their US date.
  eachMatch(t, /(?<![\d/])9\/11(?![\d/])/g, (m) =>
    s.add(m.index, m.index + 4, {
      kind: 'date',
      value: null,
      unit: null,
      key: 'date:2001-09-11',
      display: '11 September 2001',
    }),
  );
}

/** Hours in words, in order from one, for "ten o'clock". */
const HOUR_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';
const HOUR_NAMES = HOUR_WORDS.split('|');

const CLOCK_AM_PM = pattern(
  `(?<![\\w:.])(\\d{1,2})(?:[:.](\\d{2}))?\\s?(a\\.m\\.|p\\.m\\.|A\\.M\\.|P\\.M\\.|am|pm|AM|PM)(?:\\s(?:${TIME_ZONES})\\b)?(?![A-Za-z])`,
  'g',
);
const CLOCK_ZONE = pattern(`(?<![\\w:.])(\\d{1,2}):(\\d{2})\\s(?:${TIME_ZONES})\\b`, 'g');
const O_CLOCK = pattern(`\\b(\\d{1,2}|${HOUR_WORDS})\\so['’]clock\\b`, 'gi');

/** Clock times: "10:30 a.m.", "3pm", "7:11 AM PST", "at 14:00", "09:00 GMT". */
export function recogniseTimes(s: Scan): void {
  const add = (m: RegExpExecArray, hour: number, minute: number, pm: boolean | null) => {
    if (hour > 23 || minute > 59 || (pm !== null && (hour > 12 || hour === 0))) return;
    const h24 = pm === null ? hour : (hour % 12) + (pm ? 12 : 0);
    const hh = String(h24).padStart(2, '0');
    const mm = String(minute).padStart(2, '0');
    s.add(m.index, m.index + m[0].length, {
      kind: 'date',
      value: null,
      unit: 'time of day',
      key: `time:${hh}:${mm}`,
      display: `Time of day ${hh}:${mm}`,
    });
  };
  eachMatch(s.text, CLOCK_AM_PM(), (m) => add(m, Number(m[1]), Number(m[2] ?? 0), /^p/i.test(g(m[3]))));
  eachMatch(s.text, CLOCK_ZONE(), (m) => add(m, Number(m[1]), Number(m[2]), null));
  eachMatch(
    s.text,
    /(?<=\b(?:at|from|until|till|by|before|after|around|since|between|and|to) )(\d{1,2}):(\d{2})(?![\d:])/gi,
    (m) => add(m, Number(m[1]), Number(m[2]), null),
  ); // "10 o'clock", "ten o'clock": the hour alone, morning or evening unknown.
  eachMatch(s.text, O_CLOCK(), (m) => {
    const raw = g(m[1]).toLowerCase();
    const hour = /^\d/.test(raw) ? Number(raw) : HOUR_NAMES.indexOf(raw) + 1;
    add(m, hour, 0, null);
  });
}

function addFiscal(s: Scan, start: number, end: number, first: number, second: number | null, raw: string) {
  const label = second === null ? String(first) : `${first}–${String(second % 100).padStart(2, '0')}`;
  s.add(start, end, {
    kind: 'year',
    value: first,
    unit: second === null ? `fiscal year ${first}` : `fiscal year ${raw}`,
    key: second === null ? `fy:${first}` : `fy:${first}-${String(second % 100).padStart(2, '0')}`,
    display: `Fiscal year ${label}`,
  });
}

/** Fiscal years and year spans: "FY2025", "FY25", "2027/28", "2027-28", "27/28", "2011-13". */
export function recogniseFiscalYears(s: Scan): void {
  const t = s.text;
  eachMatch(t, /\bFY\s?(\d{4}|\d{2})(?:[/-](\d{2}))?\b/g, (m) => {
    const first = g(m[1]).length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
    const second = m[2] ? first + 1 : null;
    const raw = second === null ? String(first) : `${first}/${g(m[2])}`;
    addFiscal(s, m.index, m.index + m[0].length, first, second, raw);
  });
  eachMatch(t, /(?<![\w./-])(1\d|20|21)(\d{2})([/–-])(\d{2}|\d{4})(?![\w/]|[.,-]\d)/g, (m) => {
    const first = Number(g(m[1]) + g(m[2]));
    const secondRaw = g(m[4]);
    const second =
      secondRaw.length === 4 ? Number(secondRaw) : Math.floor(first / 100) * 100 + Number(secondRaw);
    const start = m.index;
    const end = m.index + m[0].length;
    if (second === first + 1) {
      addFiscal(s, start, end, first, second, `${first}/${secondRaw.slice(-2)}`);
    } else if (secondRaw.length === 2 && second > first) {
      // "2011-13": one span covering the years, since "13" alone means nothing.
      s.add(start, end, {
        kind: 'year',
        value: first,
        high: second,
        unit: 'years',
        key: `years:${first}-${second}`,
        display: `${first} to ${second}`,
      });
    }
  });
  // Two-digit pairs such as "27/28" are fiscal years only when consecutive; "24/7" is not.
  eachMatch(t, /(?<![\w./$£€-])(\d{2})\/(\d{2})(?![\w/]|[.,]\d)/g, (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if ((a + 1) % 100 !== b) return;
    const first = (a < 70 ? 2000 : 1900) + a;
    addFiscal(s, m.index, m.index + m[0].length, first, first + 1, `${first}/${g(m[2])}`);
  });
}

/** Decades ("1990s", "mid-1990s", "'90s") and centuries ("19th century"). */
export function recogniseDecades(s: Scan): void {
  eachMatch(s.text, /(?<![\w'’-])(?:(mid|early|late|pre|post)-)?((?:1\d|20|21)\d0)['’]?s\b/gi, (m) => {
    const year = Number(m[2]);
    s.add(m.index, m.index + m[0].length, {
      kind: 'year',
      value: m[1] ? null : year,
      unit: 'decade',
      key: m[1] ? `decade:${g(m[1]).toLowerCase()}-${year}` : `decade:${year}`,
      display: `${m[1] ? `${g(m[1]).toLowerCase()}-` : 'the '}${year}s (${year}–${year + 9})`,
    });
  });
  eachMatch(s.text, /(?<![\w])['’](\d)0s\b/g, (m) => {
    const d = Number(m[1]);
    const year = (d <= 2 ? 2000 : 1900) + d * 10;
    s.add(m.index, m.index + m[0].length, {
      kind: 'year',
      value: year,
      unit: 'decade',
      key: `decade:${year}`,
      display: `the ${year}s (${year}–${year + 9})`,
    });
  });
  eachMatch(s.text, /\b(\d{1,2})(?:st|nd|rd|th)[\s-]century\b/gi, (m) => {
    const n = Number(m[1]);
    if (n < 1 || n > 22) return;
    s.add(m.index, m.index + m[0].length, {
      kind: 'year',
      value: (n - 1) * 100 + 1,
      high: n * 100,
      unit: 'century',
      key: `century:${n}`,
      display: `${m[0]} (${(n - 1) * 100 + 1}–${n * 100})`,
    });
  });
}
