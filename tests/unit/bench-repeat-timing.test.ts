import { describe, expect, it } from 'vitest';
import { perWalkErrorMs, perWalkMs, type RepeatedWalk } from '../../scripts/lib/bench/repeat-timing';

const walk = (overrides: Partial<RepeatedWalk>): RepeatedWalk => ({
  totalMs: 25.2,
  walks: 3600,
  nodes: 180,
  chars: 4000,
  totalChars: 4000 * 3600,
  ...overrides,
});

describe('timing a walk shorter than the page clock by repeating it', () => {
  it('divides the total time by the number of walks', () => {
    expect(perWalkMs(walk({}), 25)).toBeCloseTo(0.007, 6);
  });

  it('refuses a timing shorter than the minimum, where the clock’s resolution would dominate', () => {
    expect(perWalkMs(walk({ totalMs: 4.9 }), 5)).toBeNaN();
    expect(perWalkMs(walk({ walks: 0, totalChars: 0 }), 0)).toBeNaN();
  });

  it('refuses walks that did not each read all of the text', () => {
    expect(perWalkMs(walk({ totalChars: 4000 * 3600 - 1 }), 25)).toBeNaN();
  });

  it('bounds the clock’s error on one walk by two ticks over the number of walks', () => {
    expect(perWalkErrorMs({ walks: 3600 })).toBeCloseTo(0.2 / 3600, 9);
    expect(perWalkErrorMs({ walks: 0 })).toBeNaN();
  });
});
