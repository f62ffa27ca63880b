import { describe, expect, it } from 'vitest';
import { cleanText, normaliseName } from '../../core/text/normalise';

describe('name normalisation', () => {
  it('removes soft hyphens and folds non-breaking spaces', () => {
    expect(normaliseName('Zel\u00ADensky')).toBe('zelensky');
    expect(normaliseName('Keir\u00A0Starmer')).toBe('keir starmer');
  });
  it('strips diacritics, case and a possessive', () => {
    expect(normaliseName('Sebastián Piñera’s')).toBe('sebastian pinera');
  });
  it('keeps hyphens and apostrophes inside names', () => {
    expect(normaliseName("Lupita Nyong'o")).toBe("lupita nyong'o");
    expect(normaliseName('Jean-Luc Mélenchon')).toBe('jean-luc melenchon');
  });
  it('cleans text for display without touching words', () => {
    expect(cleanText('  a\u00A0 b\u200B c ')).toBe('a b c');
  });
});
