/**
 * The pure half of a page pass on a short invented article: analysis, the batched request, the database's
 * answer, role phrases and conflicts, and the popup summary built from them.
 */
import { describe, expect, it } from 'vitest';
import { analyseArticle, lookupRequestFor } from '../../core/article/article-analysis';
import { buildSummary } from '../../core/article/article-context';
import { resolveNames } from '../../core/article/mark-resolution';
import { resolveRoles } from '../../core/article/role-context';
import type { Entity, Role } from '../../core/model';
import type { EntityContext, LookupResponse } from '../../messaging/protocol';

const DATE = '2025-02-26';
const source = { url: 'https://www.wikidata.org/wiki/Q80581' };

function context(id: string, name: string, roles: Role[]): EntityContext {
  const entity: Entity = { id, kind: 'person', name, aliases: [name], roles, sources: [source] };
  return { entity, roleOnDate: roles[0] ?? null, resolvedFor: DATE, statements: [], statementCount: 0 };
}

const lavrov = context('Q80581', 'Sergey Lavrov', [
  {
    title: 'Minister of Foreign Affairs of Russia',
    office: 'ru:foreign-minister',
    from: '2004-03-09',
    source,
  },
]);
const starmer = context('Q6383803', 'Keir Starmer', [
  { title: 'Prime Minister of the United Kingdom', office: 'gb:prime-minister', from: '2024-07-05', source },
]);

const article = [
  'Russia defence minister Sergey Lavrov accused Britain of heating up the conflict.',
  'At a press conference in London, the Prime Minister said talks would go on.',
];

function pass() {
  const analysis = analyseArticle(article);
  const request = lookupRequestFor(analysis, DATE, 'gb');
  const response: LookupResponse = {
    matches: { 'sergey lavrov': ['Q80581'] },
    entities: { Q80581: lavrov, Q6383803: starmer },
    givenNames: [],
    officeHolders: { 'gb:prime-minister': 'Q6383803' },
  };
  const names = resolveNames(analysis, response);
  const roles = resolveRoles(analysis, names, response, { date: DATE, country: 'gb' });
  return { analysis, request, names, roles };
}

describe('roles in a page pass', () => {
  it('asks the database, in the same request, who held the offices the role phrases name', () => {
    expect(pass().request.offices).toEqual(['gb:prime-minister']);
  });

  it('resolves "the Prime Minister" in a British article and flags the contradicted title', () => {
    const { analysis, roles } = pass();
    expect(roles.phrases.map((p) => [p.phrase.text, p.context.entity.name])).toEqual([
      ['the Prime Minister', 'Keir Starmer'],
    ]);
    const [start] = [...roles.conflictStarts];
    expect(analysis.article.text.slice(start, start === undefined ? 0 : start + 13)).toBe('Sergey Lavrov');
  });

  it('puts the conflict and the person named only by a role phrase in the popup summary', () => {
    const { analysis, names, roles } = pass();
    const summary = buildSummary(analysis, names, { url: 'http://x/', title: 't', articleDate: DATE }, roles);
    expect(summary.conflicts).toEqual([
      {
        entityId: 'Q80581',
        name: 'Sergey Lavrov',
        stated: 'Russia defence minister',
        held: lavrov.entity.roles[0],
      },
    ]);
    expect(summary.entities.find((e) => e.id === 'Q6383803')).toMatchObject({
      name: 'Keir Starmer',
      mentions: 1,
    });
  });
});
