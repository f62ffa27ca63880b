/** Order statistics and rounding for `npm run bench`. Pure functions, unit-tested. */

/** The q-quantile (0..1) by nearest rank; NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/**
 * The median; for an even count, the mean of the two middle values (so two runs of 4 and 6 give 5, not
 * 4). NaN for no values.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

export const p95 = (values: readonly number[]) => quantile(values, 0.95);

/** `value` rounded to `digits` decimals (NaN stays NaN). */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The values that are numbers, dropping the runs where a figure could not be taken. */
export function present(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}

/**
 * A ratio for the table: "12×", "3.4×", "0.52×". Two significant figures below 10, whole numbers above;
 * "–" when it cannot be computed.
 */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '–';
  if (ratio >= 10) return `${Math.round(ratio)}×`;
  return `${ratio >= 1 ? ratio.toFixed(1) : ratio.toPrecision(2)}×`;
}

/** Milliseconds for the table: one decimal below 100 ms, whole numbers above; "–" for none. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  return ms >= 100 ? String(Math.round(ms)) : ms.toFixed(1);
}
