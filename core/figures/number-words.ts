/**
 * Spelled-out English cardinals ("twenty-five", "two hundred thousand", "a dozen") → numbers.
 */

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** Fractions by denominator word, for "one-tenth", "two-thirds", "a quarter of". */
export const FRACTION_WORDS: Record<string, number> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fourth: 4,
  fourths: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  seventh: 7,
  sevenths: 7,
  eighth: 8,
  eighths: 8,
  ninth: 9,
  ninths: 9,
  tenth: 10,
  tenths: 10,
  hundredth: 100,
  hundredths: 100,
  thousandth: 1000,
  thousandths: 1000,
};

/** Regex source matching one cardinal word (used to find where spelled-out numbers may start). */
export const CARDINAL_WORD = `(?:${[...Object.keys(SMALL), ...Object.keys(TENS), 'hundred', 'dozen', ...Object.keys(SCALES)].join('|')})`;

/** Value of a single small cardinal word ("two" → 2), or null. */
export function smallNumber(word: string): number | null {
  const w = word.toLowerCase();
  return SMALL[w] ?? TENS[w] ?? null;
}

/** Multiplier of a scale word ("million" → 1e6), or null. Accepts the plural for vague amounts. */
export function scaleWord(word: string): number | null {
  const w = word.toLowerCase().replace(/s$/, '');
  if (w === 'hundred') return 100;
  if (w === 'dozen') return 12;
  return SCALES[w] ?? null;
}

/** Result of reading spelled-out numbers. */
export interface WordNumber {
  end: number;
  value: number;
  /** How many number words were read; "one" alone (a pronoun as often as a number) has 1. */
  words: number;
}

const WORD = /[A-Za-z]+/y;

function wordAt(text: string, pos: number): string | null {
  WORD.lastIndex = pos;
  const m = WORD.exec(text);
  return m ? m[0] : null;
}

/**
 * Reads a spelled-out cardinal starting exactly at `pos`: "twenty-five", "two hundred and ten",
 * "three million", "a dozen". Stops before anything that is not part of the number, so "two-year"
 * yields just "two". Returns null when no cardinal starts at `pos`.
 */
export function readNumberWords(text: string, pos: number): WordNumber | null {
  let total = 0;
  let current = 0;
  let words = 0;
  let end = pos;
  let i = pos;
  let prev: 'none' | 'small' | 'tens' | 'hundred' | 'scale' = 'none';
  for (;;) {
    const raw = wordAt(text, i);
    if (!raw) break;
    const w = raw.toLowerCase();
    const after = i + raw.length;
    const next = text[after] === ' ' || text[after] === '-' ? wordAt(text, after + 1) : null;
    const nextLower = next?.toLowerCase() ?? '';
    if (w === 'a' && prev === 'none') {
      // "a dozen", "a million": the article stands for one, but only before a scale word.
      if (text[after] !== ' ' || !(nextLower in SCALES || nextLower === 'hundred' || nextLower === 'dozen'))
        break;
      current = 1;
      prev = 'small';
      i = after + 1;
      continue;
    }
    if (w === 'and' && (prev === 'hundred' || prev === 'scale') && text[after] === ' ') {
      if (smallNumber(nextLower) === null) break;
      i = after + 1;
      continue;
    }
    const small = SMALL[w];
    const tens = TENS[w];
    if (small !== undefined) {
      // "twenty five" / "twenty-five" is one number; "two three" is not.
      if (!(prev === 'none' || prev === 'hundred' || prev === 'scale' || (prev === 'tens' && small < 10)))
        break;
      current += small;
      prev = 'small';
    } else if (tens !== undefined) {
      if (!(prev === 'none' || prev === 'hundred' || prev === 'scale')) break;
      current += tens;
      prev = 'tens';
    } else if (w === 'hundred') {
      if (current === 0 || current >= 100) break;
      current *= 100;
      prev = 'hundred';
    } else if (w === 'dozen') {
      if (prev === 'hundred' || prev === 'scale') break;
      current = (current || 1) * 12;
      prev = 'hundred';
    } else if (SCALES[w] !== undefined) {
      if (current === 0) break;
      total += current * (SCALES[w] ?? 1);
      current = 0;
      prev = 'scale';
    } else {
      break;
    }
    words++;
    end = after;
    if ((text[after] === ' ' || text[after] === '-') && next) i = after + 1;
    else break;
  }
  if (words === 0) return null;
  return { end, value: total + current, words };
}
