import { describe, expect, it } from 'vitest';
import type { ArticleAnalysis } from '../../core/article/article-analysis';
import { joinBlocks } from '../../core/article/article-text';
import { buildMarks, resolveNames } from '../../core/article/mark-resolution';
import type { Entity } from '../../core/model';
import type { NameCluster } from '../../core/names/name-forms';
import type { EntityContext, LookupResponse } from '../../messaging/protocol';

const source = { dataset: 'd', record: 'r' };

function cluster(
  canonical: string,
  kindHint: NameCluster['kindHint'],
  keys: string[],
  mentionIndexes = [0],
): NameCluster {
  return {
    id: canonical.toLowerCase(),
    canonical,
    forms: [canonical],
    lookupKeys: keys,
    mentionIndexes,
    kindHint,
    titles: [],
    rolePhrases: [],
  };
}

function context(id: string, name: string, inOffice: boolean): EntityContext {
  const entity: Entity = { id, kind: 'person', name, aliases: [], roles: [], sources: [source] };
  return {
    entity,
    roleOnDate: inOffice ? { title: 'President', office: 'us:president', from: '2025-01-20', source } : null,
    resolvedFor: '2025-02-26',
    statements: [],
    statementCount: 0,
  };
}

function analysis(clusters: NameCluster[]): ArticleAnalysis {
  return {
    article: joinBlocks(['Washington Trump Ed Davey Jane Okafor']),
    mentions: [
      { start: 0, end: 10, text: 'Washington', name: 'Washington', kindHint: 'unknown' },
      { start: 11, end: 16, text: 'Trump', name: 'Trump', kindHint: 'unknown' },
      { start: 17, end: 25, text: 'Ed Davey', name: 'Ed Davey', kindHint: 'unknown' },
      { start: 26, end: 37, text: 'Jane Okafor', name: 'Jane Okafor', kindHint: 'unknown' },
    ],
    clusters,
    figures: [],
    quotes: [],
    rolePhrases: [],
  };
}

const response: LookupResponse = {
  matches: { washington: ['Q23'], trump: ['Q22686'], davey: ['Q3', 'Q4'] },
  entities: {
    Q23: context('Q23', 'George Washington', false),
    Q22686: context('Q22686', 'Donald Trump', true),
    Q3: context('Q3', 'Ed Davey', false),
    Q4: context('Q4', 'Alan Davey', false),
  },
  givenNames: ['jane', 'ed'],
};

describe('resolving names against the database', () => {
  const clusters = [
    cluster('Washington', 'unknown', ['washington'], [0]),
    cluster('Trump', 'unknown', ['trump'], [1]),
    cluster('Ed Davey', 'unknown', ['ed davey', 'davey'], [2]),
    cluster('Jane Okafor', 'unknown', ['jane okafor', 'okafor'], [3]),
  ];
  const resolved = resolveNames(analysis(clusters), response);
  const byName = new Map(resolved.map((r) => [r.cluster.canonical, r]));

  it('does not take a lone word for a person who held no office on the article date', () => {
    expect(byName.has('Washington')).toBe(false);
  });

  it('accepts a lone surname for the person in office on that date', () => {
    expect(byName.get('Trump')?.id).toBe('Q22686');
  });

  it('refuses to guess between two people sharing a surname', () => {
    expect(byName.get('Ed Davey')?.id).toBe('unknown:ed davey');
  });

  it('marks an unknown two-word name as a person when its first word is a known given name', () => {
    expect(byName.get('Jane Okafor')).toMatchObject({
      kind: 'person',
      id: 'unknown:jane okafor',
      context: null,
    });
  });

  it('builds non-overlapping marks in document order', () => {
    const marks = buildMarks(analysis(clusters), resolved);
    expect(marks.map((m) => m.id)).toEqual(['Q22686', 'unknown:ed davey', 'unknown:jane okafor']);
  });
});
