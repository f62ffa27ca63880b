/** What a figure measures. */
export type FigureKind = 'money' | 'percent' | 'year' | 'date' | 'count' | 'quantity';

/** Qualifier written just before a figure ("about £6bn", "more than 200 people"). */
export type Approx = 'about' | 'over' | 'under' | 'nearly' | 'up to' | 'at least' | 'some';

/** One figure found in a text. */
export interface FigureMatch {
  /** Offset in the input string (UTF-16) of the span to highlight. */
  start: number;
  /** Exclusive end offset. */
  end: number;
  /** `input.slice(start, end)`. */
  text: string;
  kind: FigureKind;
  /** Numeric value in base units ('£13.4 billion' → 13400000000); null for dates, times and vague amounts. */
  value: number | null;
  /** Upper bound of a compact range ('$2-3bn', '2–3%'). */
  high?: number;
  /** ISO currency code, '%', '% of GDP', 'percentage points', 'fiscal year 2027/28', a counted noun, 'time of day', 'decade', 'century' or 'years (age)'. */
  unit: string | null;
  /** Qualifier found just before the span (the qualifier is not part of the span). */
  approx?: Approx;
  negative?: boolean;
  /** Normalised key, equal for equal quantities written differently ('£13.4bn' / '£13.4 billion'). */
  key: string;
  /** Human explanation for a card. */
  display: string;
}
