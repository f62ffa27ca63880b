/**
 * Finds the figures in a news text (money, percentages, years, dates, counts, quantities) and
 * normalises them so that equal amounts written differently share a key. Pure logic: no DOM, no I/O.
 *
 * Specific shapes (dates, times, fiscal years, money with a currency marker, ages, vague amounts) are
 * recognised first; a generic pass then reads every remaining number, attaching a percent sign, a
 * currency word or the counted noun after it, and rejecting identifiers, versions and list markers.
 */

import { recogniseDates, recogniseDecades, recogniseFiscalYears, recogniseTimes } from './dates';
import { blockResidue, recogniseNumbers, recogniseWordPercents } from './numbers';
import {
  blockNonFigures,
  recogniseAges,
  recogniseCompounds,
  recogniseMoney,
  recogniseTechnical,
  recogniseUnitSymbols,
  recogniseVague,
} from './recognisers';
import { Scan } from './scan';
import { foldSpaces, unfoldSpan } from './spacing';
import type { FigureMatch } from './types';

export type { Approx, FigureKind, FigureMatch } from './types';

/**
 * All figures in `text`, sorted by start offset and non-overlapping.
 *
 * `parseFigures('spend 2.5% of GDP by 2027')` → a percent span "2.5% of GDP" (unit '% of GDP') and a
 * year span "2027". Qualifiers such as "about" or "more than" are reported in `approx`, outside the span.
 *
 * A line break ends every figure and every context rule: lines are separate paragraphs, headings or
 * captions. Within a line, runs of whitespace read as one space; `text` of a figure is still the input
 * slice, whitespace as written.
 */
export function parseFigures(text: string): FigureMatch[] {
  const figures: FigureMatch[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    for (const figure of parseLine(line)) figures.push(shifted(figure, line, lineStart));
    lineStart += line.length + 1;
  }
  return figures;
}

/** The figures of one line, with offsets into the line as written. */
function parseLine(line: string): { figure: FigureMatch; start: number; end: number }[] {
  const folded = foldSpaces(line);
  return parseFolded(folded.text).map((figure) => ({
    figure,
    ...unfoldSpan(folded, figure.start, figure.end),
  }));
}

function shifted(
  found: { figure: FigureMatch; start: number; end: number },
  line: string,
  lineStart: number,
): FigureMatch {
  return {
    ...found.figure,
    start: lineStart + found.start,
    end: lineStart + found.end,
    text: line.slice(found.start, found.end),
  };
}

/** The figures of a line whose whitespace is already folded to single spaces. */
function parseFolded(text: string): FigureMatch[] {
  const s = new Scan(text);
  blockNonFigures(s);
  recogniseDates(s);
  recogniseTimes(s);
  recogniseFiscalYears(s);
  recogniseTechnical(s);
  recogniseDecades(s);
  recogniseMoney(s);
  recogniseUnitSymbols(s);
  recogniseAges(s);
  recogniseWordPercents(s);
  recogniseCompounds(s);
  recogniseVague(s);
  blockResidue(s);
  recogniseNumbers(s);
  return s.figures();
}
