import { describe, expect, it } from 'vitest';
import { parseFigures } from '../../core/figures/figure-parser';
import { findNameMentions } from '../../core/names/name-finder';
import { generateNewsPage, prng } from '../../scripts/lib/bench/news-page';

/** The article's paragraphs and headings, as plain text. */
const bodyText = (html: string) =>
  [...html.matchAll(/<(p|h2)>([^<]*)<\/\1>/g)].map((m) => (m[2] ?? '').replaceAll('&amp;', '&')).join('\n');

describe('generated news pages for the benchmark', () => {
  it('draws the same numbers from the same seed, and others from another seed', () => {
    const a = prng(42);
    const b = prng(42);
    const draws = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(draws);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(prng(43)()).not.toBe(draws[0]);
  });

  it('builds the same page for the same size, on every run', () => {
    expect(generateNewsPage(2000).html).toBe(generateNewsPage(2000).html);
    expect(generateNewsPage(2000).html).not.toBe(generateNewsPage(2000, 8).html);
  });

  it('writes at least the words asked for, and not a paragraph more', () => {
    for (const words of [1000, 10_000]) {
      const page = generateNewsPage(words);
      expect(page.words).toBeGreaterThanOrEqual(words);
      expect(page.words).toBeLessThan(words + 200);
    }
  });

  it('reads like news: people, figures and quotes in an article between page chrome', () => {
    const { html } = generateNewsPage(3000);
    expect(html).toMatch(/<nav>[\s\S]*<main>\s*<article>[\s\S]*<\/article>\s*<aside[\s\S]*<footer>/);
    const text = bodyText(html);
    expect(findNameMentions(text).filter((m) => m.kindHint === 'person').length).toBeGreaterThan(50);
    const kinds = new Set(parseFigures(text).map((f) => f.kind));
    for (const kind of ['money', 'percent', 'year', 'date']) expect(kinds).toContain(kind);
    expect(text).toMatch(/“[^”]+,” [A-Z]/);
  });
});
