import { describe, expect, it } from 'vitest';
import { formatMs, formatRatio, median, p95, present, quantile, round } from '../../scripts/lib/bench/stats';

describe('benchmark statistics', () => {
  it('takes the middle value of an odd count and the mean of the two middle values of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 6])).toBe(5);
    expect(median([7, 1, 3, 100])).toBe(5);
  });

  it('gives NaN for the median or a quantile of no values', () => {
    expect(median([])).toBeNaN();
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('takes quantiles by nearest rank, so p95 of 1..20 is 19 and of 1..100 is 95', () => {
    const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    expect(p95(upTo(20))).toBe(19);
    expect(p95(upTo(100))).toBe(95);
    expect(quantile([3, 1, 2], 0)).toBe(1);
    expect(quantile([3, 1, 2], 1)).toBe(3);
  });

  it('keeps only finite numbers of the runs that produced one', () => {
    expect(present([1, null, undefined, Number.NaN, 2, Number.POSITIVE_INFINITY])).toEqual([1, 2]);
  });

  it('rounds to the given decimals', () => {
    expect(round(1.2345, 2)).toBe(1.23);
    expect(round(2.25)).toBe(2.3);
  });

  it('writes ratios with two significant figures below 10× and whole numbers above', () => {
    expect(formatRatio(474.4)).toBe('474×');
    expect(formatRatio(12.6)).toBe('13×');
    expect(formatRatio(2.95)).toBe('3.0×');
    expect(formatRatio(0.5234)).toBe('0.52×');
    expect(formatRatio(Number.NaN)).toBe('–');
  });

  it('writes milliseconds with one decimal below 100 and whole numbers above', () => {
    expect(formatMs(8.44)).toBe('8.4');
    expect(formatMs(1952.4)).toBe('1952');
    expect(formatMs(Number.NaN)).toBe('–');
  });
});
