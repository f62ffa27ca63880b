import { describe, expect, it } from 'vitest';
import { foldSpaces, unfoldSpan } from '../../core/figures/spacing';

describe('folding the whitespace of a line', () => {
  it('keeps a line with single plain spaces as it is, offsets unchanged', () => {
    const folded = foldSpaces('spend 2.5% of GDP');
    expect(folded.text).toBe('spend 2.5% of GDP');
    expect(unfoldSpan(folded, 6, 10)).toEqual({ start: 6, end: 10 });
  });

  it('folds runs of spaces, tabs and no-break spaces and maps spans back onto the line as written', () => {
    const line = '6,000\u00A0 \t  white Akoya pearls';
    const folded = foldSpaces(line);
    expect(folded.text).toBe('6,000 white Akoya pearls');
    const span = unfoldSpan(folded, 0, 11);
    expect(line.slice(span.start, span.end)).toBe('6,000\u00A0 \t  white');
  });
});
