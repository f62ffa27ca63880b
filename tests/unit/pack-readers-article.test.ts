import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../core/model';
import { readHtmlArticle } from '../../scripts/lib/readers/html-article';
import { decodeEntities } from '../../scripts/lib/readers/html-entities';
import { articleMeta } from '../../scripts/lib/readers/html-meta';
import { htmlParagraphs } from '../../scripts/lib/readers/html-paragraphs';
import { SpeakerResolver } from '../../scripts/lib/resolve-speaker';
import { statementsFrom } from '../../scripts/lib/statements';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/packs/articles/${name}`, import.meta.url)), 'utf8');

describe('HTML character references', () => {
  it('decodes numeric, punctuation and accented-letter references', () => {
    expect(
      decodeEntities('&ldquo;Caf&eacute; &amp; cr&egrave;me&rdquo; &#8212; &#x2019;s &pound;5&nbsp;bn'),
    ).toBe('\u201CCafé & crème\u201D \u2014 \u2019s £5\u00A0bn');
  });

  it('leaves an unknown name as written', () => {
    expect(decodeEntities('&notanentity; &#xD800;')).toBe('&notanentity; &#xD800;');
  });
});

describe('article paragraphs', () => {
  it("keeps the body's paragraphs and drops navigation, asides, footers and script text", () => {
    expect(htmlParagraphs(fixture('example-gazette-bridge.html'))).toEqual([
      'Sir Alex Example, chair of the Example Bridge Trust, defended the cost of the new crossing on Tuesday.',
      '\u201CThe bridge will pay for itself within a generation,\u201D Sir Alex said.',
      'Sir Alex Example told the Commons: \u201CWe chose the design that will last a century, not the cheapest one.\u201D',
      'Jordan Sample, a local councillor, said the published figures were \u201Csimply not credible at all\u201D.',
      'Critics called it a \u201Cvanity project\u201D.',
    ]);
  });

  it('ends a paragraph the page never closes at the next block', () => {
    expect(htmlParagraphs('<p>One<p>Two<div>x</div><p>Three')).toEqual(['One', 'Two', 'Three']);
  });

  it('reads every paragraph when the page marks no article body', () => {
    expect(
      htmlParagraphs('<div><p>A <b>bold</b> line</p></div><footer><p>chrome</p></footer><p>B</p>'),
    ).toEqual(['A bold line', 'B']);
  });
});

describe('article metadata', () => {
  it('takes date, publisher and URL from JSON-LD', () => {
    expect(articleMeta(fixture('example-gazette-bridge.html'))).toEqual({
      date: '2024-03-05',
      publisher: 'Example Gazette',
      url: 'https://gazette.example.com/2024/03/05/bridge-trust-defends-cost',
      title: 'Bridge trust defends cost',
    });
  });

  it('falls back to meta tags and the canonical link', () => {
    const html =
      '<meta name="pdate" content="20170113"><meta property="og:site_name" content="http://www.tmz.com">' +
      '<link rel="canonical" href="https://www.example.com/a">';
    expect(articleMeta(html)).toEqual({
      date: '2017-01-13',
      publisher: 'www.tmz.com',
      url: 'https://www.example.com/a',
    });
  });

  it('gives no date when the page declares none, and then no statements', () => {
    expect(readHtmlArticle(fixture('example-gazette-undated.html'), { file: 'undated.html' })).toEqual({
      ok: false,
      problem: 'undated.html: the page declares no publication date',
    });
  });
});

describe('statements from an article', () => {
  const alex: Entity = {
    id: 'Q4115189',
    kind: 'person',
    name: 'Sir Alex Example',
    aliases: ['Alex Example', 'Sir Alex', 'Example'],
    roles: [],
    sources: [{ url: 'https://factcheck.example.org/2024/03/bridge-cost' }],
  };
  const result = readHtmlArticle(fixture('example-gazette-bridge.html'), { file: 'bridge.html' });
  if (!result.ok) throw new Error(result.problem);
  const { statements, dropped } = statementsFrom(result.article, new SpeakerResolver([alex]));

  it('attributes quotes after and before the speaker ("…," Sir Alex said; X told the Commons: "…")', () => {
    expect(statements.map((s) => [s.speakerId, s.quote, s.source.record])).toEqual([
      ['Q4115189', 'The bridge will pay for itself within a generation', 'paragraph 2'],
      ['Q4115189', 'We chose the design that will last a century, not the cheapest one.', 'paragraph 3'],
    ]);
  });

  it('dates each statement with the page date and sources it to the publisher and URL', () => {
    expect(statements[0]).toMatchObject({
      date: '2024-03-05',
      source: {
        url: 'https://gazette.example.com/2024/03/05/bridge-trust-defends-cost',
        publisher: 'Example Gazette',
      },
    });
  });

  it('never takes the quote in the related-stories aside', () => {
    expect(JSON.stringify([statements, dropped])).not.toContain('Tolls will never rise');
  });
});

const corpus = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));

describe.skipIf(!existsSync(corpus))('article reader on the published corpus pages', () => {
  // theverge is left out: one of its reference paragraphs, a photo caption, exists only inside a script's
  // JSON on the served page (rendered client-side), so no <p> reader can find it.
  const pages = ['bbc-1', 'ars-1', 'breitbart', 'cnn', 'nytimes-1', 'nytimes-2'];

  it.each(pages)('%s: every body paragraph of the reference extraction is found', (page) => {
    const joined = htmlParagraphs(readFileSync(join(corpus, page, 'source.html'), 'utf8')).join(' ');
    const expected = [
      ...readFileSync(join(corpus, page, 'expected.html'), 'utf8').matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g),
    ]
      .map((m) =>
        decodeEntities((m[1] ?? '').replace(/<[^>]*>/g, ' '))
          .replace(/[\s\u00A0]+/g, ' ')
          .trim(),
      )
      .filter((p) => p.length > 80);
    expect(expected.length).toBeGreaterThan(0);
    for (const p of expected) expect(joined, `${page}: ${p.slice(0, 60)}`).toContain(p);
  });

  it('reads the declared publication dates, and none where the page declares none', () => {
    const date = (page: string) => articleMeta(readFileSync(join(corpus, page, 'source.html'), 'utf8')).date;
    expect(date('bbc-1')).toBe('2015-07-24');
    expect(date('nytimes-1')).toBe('2017-01-13');
    expect(date('theverge')).toBe('2023-06-07');
    expect(date('wapo-1')).toBeUndefined();
  });
});
