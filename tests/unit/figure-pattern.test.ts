import { describe, expect, it } from 'vitest';
import { pattern } from '../../core/figures/pattern';

describe('a pattern compiled where it is used', () => {
  it('gives a new regular expression of the same text and flags at each use', () => {
    const year = pattern(String.raw`\b(\d{4})\b`, 'g');
    const first = year();
    const second = year();
    expect(first).not.toBe(second);
    expect([first.source, first.flags]).toEqual([String.raw`\b(\d{4})\b`, 'g']);
  });

  it('starts each use at the beginning of the text, whatever an earlier use left in lastIndex', () => {
    const year = pattern(String.raw`\d{4}`, 'g');
    const used = year();
    used.exec('in 2016 and 2017');
    expect(used.lastIndex).toBe(7);
    expect(year().exec('in 2016 and 2017')?.[0]).toBe('2016');
  });
});
