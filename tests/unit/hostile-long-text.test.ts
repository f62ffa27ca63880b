import { describe, expect, it } from 'vitest';
import { clipText } from '../../core/text/clip-text';

describe('clipText', () => {
  it('leaves text within the limit as it is', () => {
    expect(clipText('Prime Minister of the United Kingdom', 36)).toBe('Prime Minister of the United Kingdom');
    expect(clipText('', 10)).toBe('');
  });

  it('cuts longer text at a word boundary and ends it with an ellipsis, within the limit', () => {
    const text = 'The Chancellor said the budget would be balanced within the parliament';
    const clipped = clipText(text, 30);
    expect(clipped).toBe('The Chancellor said the…');
    expect(clipped.length).toBeLessThanOrEqual(30);
  });

  it('cuts inside a word when no boundary is near (a long token)', () => {
    const clipped = clipText('x'.repeat(300), 120);
    expect(clipped).toBe(`${'x'.repeat(119)}…`);
  });

  it('never splits a character outside the Basic Multilingual Plane', () => {
    // Each 𝔘 is two UTF-16 units: a cut after 11 units would leave half of the sixth.
    const clipped = clipText('𝔘'.repeat(100), 12);
    expect(clipped).toBe(`${'𝔘'.repeat(5)}…`);
    expect(clipped.isWellFormed()).toBe(true);
  });

  it('cuts megabytes of text to the limit', () => {
    const clipped = clipText('word '.repeat(1_000_000), 600);
    expect(clipped.length).toBeLessThanOrEqual(600);
    expect(clipped.endsWith('word…')).toBe(true);
  });
});
