import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FigureContexts } from '../../core/article/figure-context';
import type { Statement } from '../../core/model';
import { defaultSharedRoot } from '../../scripts/build-starter-pack';
import { generateNewsPage } from '../../scripts/lib/bench/news-page';
import { readSeed, SEED_FILE } from '../../scripts/lib/read-seed';
import { starterPass } from './support/starter-page-pass';

const SEED_DATE = '2025-02-26';
/** The seed article is the publisher's text: read from the shared folder, never copied into the project. */
const SEED_PATH = join(defaultSharedRoot(), 'seed', SEED_FILE);
const seedExists = existsSync(SEED_PATH);

function contextsOf(blocks: readonly string[], date: string, country: string | null) {
  const pass = starterPass(blocks, date, country);
  const contexts = new FigureContexts(pass.analysis, pass.names, pass.roles, date);
  pass.analysis.figures.forEach((_, i) => {
    contexts.read(i);
  });
  const card = (text: string, nth = 0) => {
    const index = pass.analysis.figures.map((f, i) => (f.text === text ? i : -1)).filter((i) => i >= 0)[nth];
    const figure = index === undefined ? undefined : pass.analysis.figures[index];
    if (index === undefined || !figure) throw new Error(`no figure ${text}`);
    return contexts.of(index);
  };
  return { ...pass, card };
}

describe.runIf(seedExists)('figure context on the seed article', () => {
  const seed = seedExists ? contextsOf(readSeed(SEED_PATH).paragraphs, SEED_DATE, 'gb') : null;
  const seedCard = (text: string, nth = 0) => {
    if (!seed) throw new Error('no seed');
    return seed.card(text, nth);
  };

  it('gives £13.4 billion to the Prime Minister, resolved to Keir Starmer', () => {
    const card = seedCard('£13.4 billion');
    expect(card.speaker).toEqual({ name: 'Keir Starmer', entityId: 'Q6383803', as: 'the Prime Minister' });
    expect(card.scale).toBe('billion');
    expect(card.figure.value).toBe(13.4e9);
    expect(card.occurrences).toBe(3);
  });

  it('lists "something over £6 billion" by John Healey as the same topic, and flags the two figures', () => {
    const card = seedCard('£13.4 billion');
    const first = card.elsewhere[0];
    expect(first?.written).toBe('something over £6 billion');
    expect(first?.speaker?.name).toBe('John Healey');
    expect(first?.sameTopic).toEqual(expect.arrayContaining(['defence', 'spending', 'increase']));
    expect(card.topic).toEqual(expect.arrayContaining(['defence', 'spending', 'increase']));
    expect(card.discrepancy).toBe(true);
  });

  it('gives the £13.4 billion in Sir Keir’s own quote to Keir Starmer', () => {
    const quoted = seedCard('£13.4 billion', 2);
    expect(quoted.speaker?.name).toBe('Keir Starmer');
    expect(quoted.speaker?.as).toBeNull();
  });

  it('gives £6 billion to John Healey and lists £13.4 billion by Keir Starmer', () => {
    const card = seedCard('£6 billion');
    expect(card.speaker?.name).toBe('John Healey');
    expect(card.written).toBe('something over £6 billion');
    expect(card.period?.per).toBe('year');
    const other = card.elsewhere.find((e) => e.sameTopic && e.speaker?.name === 'Keir Starmer');
    expect(other?.text).toBe('£13.4 billion');
    expect(card.discrepancy).toBe(true);
  });

  it('puts 2.5% of GDP beside the GDP of the country its sentence names', () => {
    const card = seedCard('2.5% of GDP');
    expect(card.references?.map((r) => r.measure)).toEqual(['Nominal GDP of United Kingdom']);
    expect(card.period?.when).toBe('by 2027');
  });
});

describe('figure context on handcrafted text', () => {
  it('does not pair figures on different topics in one sentence', () => {
    const { card } = contextsOf(
      ['The council will spend £5m on new schools and £3m on hospital car parks.'],
      SEED_DATE,
      'gb',
    );
    const five = card('£5m');
    expect(five.elsewhere.map((e) => e.text)).toEqual(['£3m']);
    expect(five.elsewhere[0]?.sameTopic).toBeUndefined();
    expect(five.discrepancy).toBe(false);
  });

  it('does not flag an earlier value given as a change', () => {
    const { card } = contextsOf(
      ['Defence exports rose to £5bn this year, up from £4bn in 2024.'],
      SEED_DATE,
      'gb',
    );
    const five = card('£5bn');
    expect(five.elsewhere[0]?.sameTopic).toBeDefined();
    expect(five.discrepancy).toBe(false);
  });

  it('computes the change from the newest earlier statement with the same quantity on the topic', () => {
    const blocks = ['Keir Starmer said defence spending would see an increase of £13.4bn.'];
    const pass = starterPass(blocks, SEED_DATE, 'gb');
    const starmer = pass.names.find((n) => n.context?.entity.id === 'Q6383803')?.context;
    if (!starmer) throw new Error('Keir Starmer not resolved');
    const earlier = (id: string, quote: string, date: string): Statement => ({
      id,
      speakerId: 'Q6383803',
      quote,
      date,
      source: { dataset: 'figure-context test fixture', record: id },
      topics: [],
    });
    starmer.statements = [
      earlier('t2', 'The increase in defence spending is £11.3bn.', '2024-10-30'),
      earlier('t1', 'An increase in defence spending of £9bn.', '2024-03-01'),
      earlier('t3', 'Schools get £2bn.', '2024-11-01'),
    ];
    const contexts = new FigureContexts(pass.analysis, pass.names, pass.roles, SEED_DATE);
    const figure = pass.analysis.figures[0];
    if (!figure) throw new Error('no figure');
    const card = contexts.of(0);
    expect(card.speaker?.name).toBe('Keir Starmer');
    expect(card.earlier?.map((e) => e.statement.id)).toEqual(['t2', 't1']);
    expect(card.change?.unit).toBe('GBP');
    expect(card.change?.since).toBe('2024-10-30');
    expect(card.change?.by).toBeCloseTo(2.1e9, 0);
  });

  it('puts a figure beside a reference figure in the same unit, with the change since its period', () => {
    const { card } = contextsOf(
      ['The UK economy grew again, and its GDP is now put at $3.1 trillion by the statistics office.'],
      SEED_DATE,
      'gb',
    );
    const gdp = card('$3.1 trillion');
    expect(gdp.references?.map((r) => r.id)).toEqual(['fig:Q145:P2131:2014']);
    expect(gdp.change).toEqual({ by: 3.1e12 - 2988893283565, unit: 'USD', since: '2014' });
  });
});

describe('figure contexts kept packed on a long page', () => {
  const paragraphs = [...generateNewsPage(6000).html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) =>
    (m[1] ?? '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&'),
  );
  const pass = starterPass(paragraphs, SEED_DATE, 'gb');
  const figures = structuredClone(pass.analysis.figures);
  const contexts = new FigureContexts(pass.analysis, pass.names, pass.roles, SEED_DATE);
  pass.analysis.figures.forEach((_, i) => {
    contexts.read(i);
  });

  it('gives back every figure equal to the one the analysis found', () => {
    expect(figures.length).toBeGreaterThan(100);
    expect(figures.map((_, i) => contexts.figure(i))).toStrictEqual(figures);
  });

  it('gives each listed figure its own sentence, as the article writes it', () => {
    const text = pass.analysis.article.text;
    for (let i = 0; i < figures.length; i += 7)
      for (const other of contexts.of(i).elsewhere) {
        expect(text).toContain(other.sentence);
        expect(other.sentence).toContain(other.text);
      }
  });
});
