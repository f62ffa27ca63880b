import { describe, expect, it } from 'vitest';
import type { Entity, Role } from '../../core/model';
import type { NameMention } from '../../core/names/name-finder';
import { findRolePhrases } from '../../core/roles/role-phrase';
import { type PersonMention, resolveRolePhrases, roleConflict } from '../../core/roles/role-resolution';
import type { EntityContext } from '../../messaging/protocol';

const source = { url: 'https://www.wikidata.org/wiki/Q1' };
const DATE = '2025-02-26';

function context(id: string, name: string, roles: Role[]): EntityContext {
  const entity: Entity = { id, kind: 'person', name, aliases: [], roles, sources: [source] };
  return { entity, roleOnDate: null, resolvedFor: DATE, statements: [], statementCount: 0 };
}

const starmer = context('Q6383803', 'Keir Starmer', [
  { title: 'Prime Minister of the United Kingdom', office: 'gb:prime-minister', from: '2024-07-05', source },
]);
const trump = context('Q22686', 'Donald Trump', [
  {
    title: 'President of the United States',
    office: 'us:president',
    from: '2025-01-20',
    to: '2029-01-20',
    source,
  },
]);
const macron = context('Q3052772', 'Emmanuel Macron', [
  { title: 'President of France', office: 'fr:president', from: '2017-05-14', source },
]);
const lavrov = context('Q80581', 'Sergey Lavrov', [
  {
    title: 'Minister of Foreign Affairs of Russia',
    office: 'ru:foreign-minister',
    from: '2004-03-09',
    source,
  },
]);
const entities = Object.fromEntries([starmer, trump, macron, lavrov].map((c) => [c.entity.id, c]));
const holders = { 'gb:prime-minister': 'Q6383803', 'us:president': 'Q22686' };

function resolve(text: string, people: PersonMention[], country: string | null = 'gb') {
  return resolveRolePhrases(findRolePhrases(text), people, { date: DATE, country, holders, entities }).map(
    (r) => [r.phrase.text, r.context.entity.name],
  );
}

const at = (text: string, word: string) => text.indexOf(word);
const mention = (fields: Partial<NameMention>): NameMention => ({
  start: 0,
  end: 1,
  text: '',
  name: '',
  kindHint: 'person',
  ...fields,
});

describe('role phrases resolved on the article date', () => {
  it('names the office holder in the phrase’s own country: "the US president" is Donald Trump', () => {
    expect(resolve('Macron met the US president.', [])).toEqual([['the US president', 'Donald Trump']]);
  });

  it('prefers the nearest person just named who held that office: "the president" after Mr Trump', () => {
    const text = 'President Macron spoke. Later Mr Trump arrived, and the president said no.';
    const people = [
      { start: at(text, 'Macron'), context: macron, stated: { concept: 'president' as const } },
      { start: at(text, 'Trump'), context: trump, stated: null },
    ];
    expect(resolve(text, people)).toEqual([['the president', 'Donald Trump']]);
  });

  it('falls back to the article’s country: "the Prime Minister" in a British article', () => {
    expect(resolve('At a press conference the Prime Minister said more.', [])).toEqual([
      ['the Prime Minister', 'Keir Starmer'],
    ]);
    expect(resolve('At a press conference the Prime Minister said more.', [], null)).toEqual([]);
  });

  it('refuses to guess when someone the database cannot place was given that title', () => {
    const text = 'Tunisian Prime Minister Habib Essid spoke; the prime minister said more.';
    const people = [
      {
        start: at(text, 'Habib'),
        context: null,
        stated: { concept: 'prime-minister' as const, country: 'tn' },
      },
    ];
    expect(resolve(text, people)).toEqual([]);
  });

  it('does not name anyone for an office nobody held on the date in that country', () => {
    expect(resolve('the president spoke', [], 'gb')).toEqual([]);
  });
});

describe('G7 offices resolved on the article date', () => {
  const office = (title: string, key: string, from: string, to?: string): Role => ({
    title,
    office: key,
    from,
    ...(to ? { to } : {}),
    source,
  });
  const scholz = context('curated:de:olaf-scholz', 'Olaf Scholz', [
    office('Chancellor of Germany', 'de:chancellor', '2021-12-08', '2025-05-06'),
  ]);
  const reeves = context('Q574896', 'Rachel Reeves', [
    office('Chancellor of the Exchequer', 'gb:chancellor', '2024-07-05'),
  ]);
  const lammy = context('Q534727', 'David Lammy', [
    office(
      'Secretary of State for Foreign, Commonwealth and Development Affairs',
      'gb:foreign-secretary',
      '2024-07-05',
      '2025-09-05',
    ),
  ]);
  const rubio = context('curated:us:marco-rubio', 'Marco Rubio', [
    office('United States Secretary of State', 'us:secretary-of-state', '2025-01-21'),
  ]);
  const ishiba = context('curated:jp:shigeru-ishiba', 'Shigeru Ishiba', [
    office('Prime Minister of Japan', 'jp:prime-minister', '2024-10-01', '2025-10-21'),
  ]);
  const g7 = Object.fromEntries([scholz, reeves, lammy, rubio, ishiba].map((c) => [c.entity.id, c]));
  const g7Holders = {
    'de:chancellor': scholz.entity.id,
    'gb:chancellor': reeves.entity.id,
    'gb:foreign-secretary': lammy.entity.id,
    'us:secretary-of-state': rubio.entity.id,
    'jp:prime-minister': ishiba.entity.id,
  };
  const resolveG7 = (text: string, country: string | null, people: PersonMention[] = []) =>
    resolveRolePhrases(findRolePhrases(text), people, {
      date: DATE,
      country,
      holders: g7Holders,
      entities: g7,
    }).map((r) => [r.phrase.text, r.context.entity.name]);

  it('reads "the Chancellor" as the Chancellor of the Exchequer in a British article', () => {
    expect(resolveG7('Later the Chancellor said more.', 'gb')).toEqual([['the Chancellor', 'Rachel Reeves']]);
  });

  it('reads "the Chancellor" as the Federal Chancellor in a German article', () => {
    expect(resolveG7('Later the Chancellor said more.', 'de')).toEqual([['the Chancellor', 'Olaf Scholz']]);
  });

  it('names the German chancellor in a British article when the phrase says "German"', () => {
    expect(resolveG7('Sir Keir met the German chancellor.', 'gb')).toEqual([
      ['the German chancellor', 'Olaf Scholz'],
    ]);
  });

  it('never reads "the Chancellor of the Exchequer" as the German chancellor', () => {
    expect(resolveG7('the Chancellor of the Exchequer spoke', 'de')).toEqual([]);
    const text = 'Olaf Scholz spoke, then the Chancellor of the Exchequer replied.';
    const people = [{ start: at(text, 'Olaf'), context: scholz, stated: null }];
    expect(resolveG7(text, 'gb', people)).toEqual([['the Chancellor of the Exchequer', 'Rachel Reeves']]);
  });

  it('reads "the foreign secretary" in a British article and "the US secretary of state" anywhere', () => {
    expect(resolveG7('the foreign secretary met the US secretary of state', 'gb')).toEqual([
      ['the foreign secretary', 'David Lammy'],
      ['the US secretary of state', 'Marco Rubio'],
    ]);
  });

  it('does not read a bare "the Secretary of State" in a British article as the Foreign Secretary', () => {
    expect(resolveG7('the Secretary of State said more', 'gb')).toEqual([]);
    expect(resolveG7('the Secretary of State said more', 'us')).toEqual([
      ['the Secretary of State', 'Marco Rubio'],
    ]);
  });

  it('reads a possessive: "Japan\'s prime minister" in an American article', () => {
    expect(resolveG7("Japan's prime minister flew in.", 'us')).toEqual([
      ["Japan's prime minister", 'Shigeru Ishiba'],
    ]);
  });
});

describe('role conflicts', () => {
  it('flags a title the database contradicts, with what it has instead', () => {
    const conflict = roleConflict(mention({ rolePhrase: 'Russia defence minister' }), lavrov, DATE);
    expect(conflict?.stated).toBe('Russia defence minister');
    expect(conflict?.held.title).toBe('Minister of Foreign Affairs of Russia');
  });

  it('accepts titles that match an office held on the date, with or without a country', () => {
    expect(roleConflict(mention({ title: 'US President' }), trump, DATE)).toBeNull();
    expect(roleConflict(mention({ title: 'Prime Minister', honorific: 'Sir' }), starmer, DATE)).toBeNull();
    expect(roleConflict(mention({ title: 'French President' }), macron, DATE)).toBeNull();
  });

  it('says nothing when the database has no office for the person on that date', () => {
    expect(roleConflict(mention({ title: 'US President' }), trump, '2023-01-01')).toBeNull();
  });

  it('says nothing about titles that are not a checkable office', () => {
    expect(roleConflict(mention({ rolePhrase: 'former defence minister' }), lavrov, DATE)).toBeNull();
    expect(roleConflict(mention({ rolePhrase: 'veteran diplomat' }), lavrov, DATE)).toBeNull();
  });
});
