/**
 * Shared state of one parse: the input and the spans already claimed. Recognisers run from most to
 * least specific, and a span can be claimed once, so "£13.4bn" is never also read as a bare "13.4".
 */

import { pattern } from './pattern';
import type { Approx, FigureKind, FigureMatch } from './types';

interface Claim {
  start: number;
  end: number;
  /** null marks a blocked span (URL, version number, identifier) that must yield no figure. */
  figure: FigureMatch | null;
}

const APPROX_BEFORE: [() => RegExp, Approx][] = (
  [
    [/\b(?:something|just|well|slightly|a little|a bit) over $/i, 'over'],
    [/\b(?:more than|over|above|in excess of|upwards of|exceeding) $/i, 'over'],
    [/\b(?:less than|fewer than|under|below|just under|short of) $/i, 'under'],
    [/\b(?:nearly|almost|close to|just shy of) $/i, 'nearly'],
    [/\b(?:up to|as many as|as much as|as high as) (?:a |an )?$/i, 'up to'],
    [/\b(?:at least|no fewer than|no less than|a minimum of) $/i, 'at least'],
    [/\bsome $/i, 'some'],
    [/\b(?:about|around|roughly|approximately|circa|an estimated|estimated|an approximate) $/i, 'about'],
  ] as [RegExp, Approx][]
).map(([re, approx]) => [pattern(re.source, re.flags), approx]);

/** Groups an integer part with commas: 13400000000 → "13,400,000,000". */
export function groupDigits(value: number): string {
  const [int = '', frac] = String(Math.abs(value)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** "13.4" with exponent 9 → 13400000000, computed in decimal so no float noise creeps into keys. */
export function scaled(digits: string, exponent: number): number {
  return Number(`${digits.replace(/,/g, '')}e${exponent}`);
}

/** Figure fields a recogniser supplies; position, text, qualifier and sign are filled in by Scan. */
export interface FigureFields {
  kind: FigureKind;
  value: number | null;
  unit: string | null;
  key: string;
  display: string;
  high?: number;
  negative?: boolean;
}

/** One parse in progress. */
export class Scan {
  private readonly claims: Claim[] = [];

  constructor(readonly text: string) {}

  /** True when no earlier recogniser claimed any part of [start, end). */
  isFree(start: number, end: number): boolean {
    return this.claims.every((c) => c.end <= start || c.start >= end);
  }

  /** True when `pos` lies in a span an earlier rule blocked as not a figure. */
  isBlockedAt(pos: number): boolean {
    return this.claims.some((c) => c.figure === null && c.start <= pos && pos < c.end);
  }

  /** Marks [start, end) as not a figure. */
  block(start: number, end: number): void {
    if (end > start) this.claims.push({ start, end, figure: null });
  }

  /**
   * Claims [start, end) as a figure if the span is still free. A minus sign directly before the
   * span joins it and negates the value; "minus" before it negates without joining.
   */
  add(start: number, end: number, fields: FigureFields): boolean {
    let s = start;
    let negative = fields.negative === true;
    const before = this.text.slice(Math.max(0, start - 12), start);
    if (/(?:^|[\s(])[-−]$/.test(before) && start - 1 >= 0 && fields.kind !== 'date') {
      s = start - 1;
      negative = true;
    } else if (/\bminus $/i.test(before)) {
      negative = true;
    }
    if (!this.isFree(s, end)) return false;
    const figure: FigureMatch = {
      start: s,
      end,
      text: this.text.slice(s, end),
      kind: fields.kind,
      value: negative && fields.value !== null ? -Math.abs(fields.value) : fields.value,
      unit: fields.unit,
      key: negative && fields.value !== null ? fields.key.replace(/:(\d)/, ':-$1') : fields.key,
      display: negative ? `minus ${fields.display.replace(/= (?=\d)/, '= -')}` : fields.display,
    };
    if (fields.high !== undefined) figure.high = fields.high;
    if (negative) figure.negative = true;
    const approx = this.approxBefore(s);
    if (approx) figure.approx = approx;
    this.claims.push({ start: s, end, figure });
    return true;
  }

  /** The qualifier ("about", "more than", "something over") written just before `start`, if any. */
  approxBefore(start: number): Approx | undefined {
    const before = this.text.slice(Math.max(0, start - 30), start);
    for (const [re, approx] of APPROX_BEFORE) if (re().test(before)) return approx;
    return undefined;
  }

  /** All claimed figures, sorted by position. */
  figures(): FigureMatch[] {
    return this.claims.flatMap((c) => (c.figure ? [c.figure] : [])).sort((a, b) => a.start - b.start);
  }
}

/** Runs `fn` for every match of a global regex. */
export function eachMatch(text: string, re: RegExp, fn: (m: RegExpExecArray) => void): void {
  const g = re.global ? re : new RegExp(re.source, `${re.flags}g`);
  g.lastIndex = 0;
  for (let m = g.exec(text); m; m = g.exec(text)) {
    fn(m);
    if (m[0] === '') g.lastIndex++;
  }
}
