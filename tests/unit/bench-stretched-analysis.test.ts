/**
 * The page pass analyses a long article a stretch of blocks at a time, so it can yield to the browser
 * between stretches (see analyseArticleSteps). These tests hold it to giving exactly what one read of the
 * whole text gives, on the trap fixtures, a long generated article, and blocks built to put every kind of
 * cross-line context right at a stretch's edge.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyseArticle, analyseArticleSteps } from '../../core/article/article-analysis';
import { parseFigures } from '../../core/figures/figure-parser';
import { findNameMentions } from '../../core/names/name-finder';
import { clusterNameMentions } from '../../core/names/name-forms';
import { extractQuotes } from '../../core/names/quote-extractor';
import { findRolePhrases } from '../../core/roles/role-phrase';
import { generateNewsPage } from '../../scripts/lib/bench/news-page';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** What one read of the whole joined text finds, with the pass's filters. */
function wholeText(blocks: readonly string[]) {
  const text = blocks.join('\n');
  const mentions = findNameMentions(text).filter((m) => !m.text.includes('\n'));
  return {
    mentions,
    clusters: clusterNameMentions(mentions),
    figures: parseFigures(text).filter((f) => !f.text.includes('\n')),
    quotes: extractQuotes(text),
    rolePhrases: findRolePhrases(text).filter(
      (r) =>
        !r.text.includes('\n') &&
        !mentions.some((m) => m.start < r.end && r.start < m.end && (m.start < r.start || m.end > r.end)),
    ),
  };
}

function expectSameAsWholeText(blocks: readonly string[]) {
  const { article, ...found } = analyseArticle(blocks);
  expect(article.text).toBe(blocks.join('\n'));
  expect(found).toEqual(wholeText(blocks));
}

/** The text of each paragraph, heading, caption and list item of a fixture page. */
function fixtureBlocks(file: string): string[] {
  const html = readFileSync(join(repoRoot, 'tests', 'fixtures', file), 'utf8');
  return [...html.matchAll(/<(p|h\d|figcaption|li)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) =>
    (m[2] ?? '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/g, '\u00a0')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** Filler that pushes what follows to the start of a new stretch (stretches are about 2,000 characters). */
const filler = (n: number) =>
  `${'The committee met again on the harbour plan and heard more evidence. '.repeat(n)}`.trim();

describe('analysing an article a stretch at a time', () => {
  it('cuts a long article into several stretches', () => {
    const blocks = Array.from({ length: 20 }, () => filler(8));
    const steps = analyseArticleSteps(blocks);
    let yields = 0;
    while (!steps.next().done) yields++;
    expect(yields).toBeGreaterThan(3);
  });

  it('finds what the whole text holds on the name and figure trap fixtures', () => {
    const traps = [...fixtureBlocks('name-traps.html'), ...fixtureBlocks('figure-traps.html')];
    // Twice over, so the traps fall at different places relative to the stretches' edges.
    const blocks = [...traps, filler(3), ...traps];
    expect(blocks.join('\n').length).toBeGreaterThan(6000);
    expectSameAsWholeText(blocks);
  });

  it('finds what the whole text holds on a long generated article', () => {
    const html = generateNewsPage(6000).html;
    const blocks = [...html.matchAll(/<(p|h1|h2)\b[^>]*>([^<]*)<\/\1>/g)].map((m) =>
      (m[2] ?? '').replaceAll('&amp;', '&').replaceAll('&quot;', '"'),
    );
    expectSameAsWholeText(blocks);
  });

  it('keeps context that reaches across a stretch’s edge: bylines, cues, quotes going on, role phrases', () => {
    const edges = [
      'By JANE DOE',
      '“We will not be rushed,” said Amara Okafor, 54, a spokeswoman for the Harbour Trust.',
      '“The second paragraph of her statement goes on without a new attribution, as reporters write it,',
      'and Okafor said the vote would come in March.',
      'the prime minister of Canada said the talks would resume.',
      'Rose',
      'petals covered the steps of the chamber, the poet Homer.',
      '£4.2bn',
      'was set aside, up 12.5% on 2024, for 3,400 homes.',
      'Photo Credit',
      'Tomas Weber/Agence France-Presse',
    ];
    for (const shift of [0, 1, 2, 3, 5, 8, 13]) {
      const blocks = edges.flatMap((edge, i) => [filler(28 + ((i * shift) % 3)), edge]);
      expectSameAsWholeText(blocks);
    }
  });
});
