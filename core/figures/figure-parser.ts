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
  recogniseVague,
} from './recognisers';
import { Scan } from './scan';
import type { FigureMatch } from './types';

export type { Approx, FigureKind, FigureMatch } from './types';

/**
 * All figures in `text`, sorted by start offset and non-overlapping.
 *
 * `parseFigures('spend 2.5% of GDP by 2027')` → a percent span "2.5% of GDP" (unit '% of GDP') and a
 * year span "2027". Qualifiers such as "about" or "more than" are reported in `approx`, outside the span.
 */
export function parseFigures(text: string): FigureMatch[] {
  const s = new Scan(text);
  blockNonFigures(s);
  recogniseDates(s);
  recogniseTimes(s);
  recogniseFiscalYears(s);
  recogniseTechnical(s);
  recogniseDecades(s);
  recogniseMoney(s);
  recogniseAges(s);
  recogniseWordPercents(s);
  recogniseCompounds(s);
  recogniseVague(s);
  blockResidue(s);
  recogniseNumbers(s);
  return s.figures();
}
