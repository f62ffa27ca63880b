import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../core/article/article-context';
import { mergeSummaries } from '../../core/article/summary-merge';
import type { Statement } from '../../core/model';
import { parseNdjson } from '../../core/pack/pack-schema';
import { ArticleQuery, rankContextStatements, rankStatements } from '../../core/ranking/statement-ranker';
import { stem, termsOf } from '../../core/ranking/terms';
import { starterPass } from './support/starter-page-pass';

const records = parseNdjson(
  readFileSync(fileURLToPath(new URL('../../public/packs/starter/records.ndjson', import.meta.url)), 'utf8'),
  'records.ndjson',
);
const statements: Statement[] = records.flatMap((r) => (r.type === 'statement' ? [r] : []));
const byId = (id: string): Statement => {
  const found = statements.find((s) => s.id === id);
  if (!found) throw new Error(`starter pack has no statement ${id}`);
  return found;
};

/** Barack Obama, BBC News, 2015-07-24: Americans killed by terrorism and by gun violence. */
const obamaGuns = byId('st-87d4e06425288146c3f4');
/** Barack Obama, same day: not resolving "that issue". */
const obamaIssue = byId('st-774d57fabfe7698273ae');
/** Donald Trump, The Independent, 2025-02-26: rare earth. */
const trumpRareEarth = byId('st-0bf2462c6bd8811e8922');
/** Donald Trump, same day: security guarantees. */
const trumpGuarantees = byId('st-89ed28096a3dd37344a6');

const gunArticle = [
  'Gun violence returned to the centre of the campaign on Tuesday after another mass shooting.',
  'Campaigners said more Americans are killed by gun violence each year than by terrorism,',
  'and asked Congress to act on background checks before the summer recess.',
].join('\n');

describe('terms', () => {
  it('drops stop words and meets word forms on one key', () => {
    expect(termsOf('The spending was increased by the Government').map((t) => t.stem)).toEqual([
      stem('spend'),
      stem('increase'),
      stem('government'),
    ]);
    expect(stem('increases')).toBe(stem('increased'));
    expect(stem('guarantees')).toBe(stem('guarantee'));
  });
});

describe('rankStatements', () => {
  it('puts the statement about the article topic above a newer off-topic one', () => {
    const pool = [trumpRareEarth, obamaGuns, obamaIssue];
    const ranked = rankStatements(pool, ArticleQuery.for(gunArticle, pool));
    expect(trumpRareEarth.date > obamaGuns.date).toBe(true);
    expect(ranked[0]?.statement.id).toBe(obamaGuns.id);
    expect(ranked[0]?.score).toBeGreaterThan(0);
    expect(ranked[0]?.why).toEqual(expect.arrayContaining(['gun', 'violence']));
  });

  it('gives the newer statement first when the scores tie', () => {
    const pool = [obamaIssue, trumpGuarantees];
    const ranked = rankStatements(pool, ArticleQuery.for(gunArticle, pool));
    expect(ranked.map((r) => r.score)).toEqual([0, 0]);
    expect(ranked.map((r) => r.statement.id)).toEqual([trumpGuarantees.id, obamaIssue.id]);
    expect(ranked[0]?.why).toEqual([]);
  });

  it('ranks a defence-spending statement first for a defence-spending article', () => {
    const starmer = statements.filter((s) => s.speakerId === 'Q6383803');
    const article =
      'The Prime Minister defended the increase in defence spending, the largest since the Cold War.';
    const ranked = rankStatements(starmer, ArticleQuery.for(article, starmer));
    expect(ranked).toHaveLength(starmer.length);
    expect(ranked[0]?.statement.quote).toContain('largest sustained increase in defence spending');
    expect(ranked[0]?.why.slice(0, 3)).toEqual(expect.arrayContaining(['defence', 'spending']));
  });

  it('returns nothing for no statements', () => {
    expect(rankStatements([], ArticleQuery.for(gunArticle, []))).toEqual([]);
  });
});

describe('ranking in a page pass', () => {
  const article = [
    'Keir Starmer defended the increase in defence spending on Monday.',
    'The Prime Minister called it the largest sustained increase since the Cold War, while Donald Trump talked about rare earth.',
  ];

  it('ranks every person’s statements on the page and gives the popup the most relevant first, with why', () => {
    const { analysis, response, names, roles } = starterPass(article, '2025-03-10', 'gb');
    rankContextStatements(analysis.article.text, Object.values(response.entities));
    const starmer = response.entities.Q6383803;
    expect(starmer?.relevance?.map((r) => r.id)).toHaveLength(starmer?.statements.length ?? -1);
    expect(starmer?.relevance?.[0]?.id).toBe('st-2c96f930619c56eb4828');
    const summary = buildSummary(
      analysis,
      names,
      { url: 'https://example.org/a', title: 'A', articleDate: '2025-03-10' },
      roles,
    );
    const merged = mergeSummaries([summary]);
    const first = merged?.statements[0];
    expect(first?.statement.quote).toContain('largest sustained increase in defence spending');
    expect(first?.why).toEqual(expect.arrayContaining(['defence', 'increase']));
    const scores = merged?.statements.map((s) => s.score ?? 0) ?? [];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(merged?.statements.some((s) => s.speaker === 'Donald Trump' && s.why?.includes('rare'))).toBe(
      true,
    );
  });
});
