import { describe, expect, it } from 'vitest';
import { keepLive, mergeSummaries } from '../../core/article/summary-merge';
import type { Role, Statement } from '../../core/model';
import type { ArticleSummary } from '../../messaging/protocol';

function summary(overrides: Partial<ArticleSummary>): ArticleSummary {
  return {
    url: 'https://news.test/first',
    title: 'First',
    articleDate: '2025-03-10',
    entities: [],
    figures: [],
    statements: [],
    conflicts: [],
    ...overrides,
  };
}

const statement = (id: string, date: string): Statement => ({
  id,
  speakerId: 'Q1',
  quote: `Quote ${id}`,
  date,
  source: { url: 'https://source.test', publisher: 'Source' },
  topics: [],
});

describe('merging the summaries of several passes', () => {
  it('gives nothing for no passes', () => {
    expect(mergeSummaries([])).toBeNull();
  });

  it('takes the URL, title and date of the newest pass', () => {
    const merged = mergeSummaries([
      summary({}),
      summary({ url: 'https://news.test/second', title: 'Second', articleDate: '2025-04-01' }),
    ]);
    expect(merged).toMatchObject({
      url: 'https://news.test/second',
      title: 'Second',
      articleDate: '2025-04-01',
    });
  });

  it('adds up the mentions of a person named in two passes and orders people by mentions', () => {
    const merged = mergeSummaries([
      summary({
        entities: [
          { id: 'Q1', kind: 'person', name: 'Ada Example', known: true, mentions: 2, role: null },
          { id: 'unknown:bo', kind: 'person', name: 'Bo Sample', known: false, mentions: 3, role: null },
        ],
      }),
      summary({
        entities: [
          { id: 'Q1', kind: 'person', name: 'Ada Example', known: true, mentions: 2, role: 'Mayor' },
        ],
      }),
    ]);
    expect(merged?.entities.map((e) => [e.name, e.mentions, e.role])).toEqual([
      ['Ada Example', 4, 'Mayor'],
      ['Bo Sample', 3, null],
    ]);
  });

  it('adds up the occurrences of a figure by its key', () => {
    const figure = { key: 'money:GBP:1000', text: '£1,000', display: '£1,000', occurrences: 1 };
    const merged = mergeSummaries([summary({ figures: [figure] }), summary({ figures: [{ ...figure }] })]);
    expect(merged?.figures).toEqual([{ ...figure, occurrences: 2 }]);
  });

  it('lists a statement reached from two passes once, newest first', () => {
    const older = { speaker: 'Ada Example', speakerId: 'Q1', statement: statement('s1', '2024-01-01') };
    const newer = { speaker: 'Ada Example', speakerId: 'Q1', statement: statement('s2', '2025-01-01') };
    const merged = mergeSummaries([
      summary({ statements: [older] }),
      summary({ statements: [older, newer] }),
    ]);
    expect(merged?.statements.map((s) => s.statement.id)).toEqual(['s2', 's1']);
  });

  it('lists the same role conflict once', () => {
    const conflict = { entityId: 'Q1', name: 'Ada Example', stated: 'the mayor', held: {} as Role };
    const merged = mergeSummaries([summary({ conflicts: [conflict] }), summary({ conflicts: [conflict] })]);
    expect(merged?.conflicts).toHaveLength(1);
  });

  it('does not change the summaries it merges', () => {
    const first = summary({
      entities: [{ id: 'Q1', kind: 'person', name: 'Ada Example', known: true, mentions: 1, role: null }],
    });
    mergeSummaries([first, summary({ entities: [...first.entities] })]);
    expect(first.entities[0]?.mentions).toBe(1);
  });
});

describe('keeping what is still on the page', () => {
  it('keeps the people, figures, statements and conflicts whose marks remain, and the page details', () => {
    const gone = {
      id: 'Q2',
      kind: 'person' as const,
      name: 'Gone Person',
      known: true,
      mentions: 1,
      role: null,
    };
    const kept = { ...gone, id: 'Q1', name: 'Ada Example' };
    const live = new Set(['Q1', 'count:homes:14000']);
    const result = keepLive(
      summary({
        entities: [kept, gone],
        figures: [
          { key: 'count:homes:14000', text: '14,000 homes', display: '14,000', occurrences: 1 },
          { key: 'money:GBP:5', text: '£5', display: '£5', occurrences: 1 },
        ],
        statements: [
          { speaker: 'Ada Example', speakerId: 'Q1', statement: statement('s1', '2024-01-01') },
          { speaker: 'Gone Person', speakerId: 'Q2', statement: statement('s2', '2024-01-01') },
        ],
        conflicts: [{ entityId: 'Q2', name: 'Gone Person', stated: 'the mayor', held: {} as Role }],
      }),
      live,
    );
    expect(result.url).toBe('https://news.test/first');
    expect(result.entities.map((e) => e.id)).toEqual(['Q1']);
    expect(result.figures.map((f) => f.key)).toEqual(['count:homes:14000']);
    expect(result.statements.map((s) => s.statement.id)).toEqual(['s1']);
    expect(result.conflicts).toEqual([]);
  });
});
