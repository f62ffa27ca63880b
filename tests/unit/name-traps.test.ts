/**
 * Traps for people detection on real pages, each an invented sentence: invisible characters inside names,
 * words glued together by missing spaces, ALL-CAPS bylines and credits, possessives, particles, initials,
 * titles, names used as modifiers and capitalised words that only look like names. Each runs the page
 * pass's pure half (finder, forms, resolution) with the shipped given-name list and a small fake database.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyseArticle, lookupRequestFor } from '../../core/article/article-analysis';
import { buildMarks, resolveNames } from '../../core/article/mark-resolution';
import type { Entity } from '../../core/model';
import { findNameMentions } from '../../core/names/name-finder';
import type { EntityContext, LookupResponse } from '../../messaging/protocol';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const GIVEN_NAMES = new Set<string>(
  JSON.parse(readFileSync(join(repoRoot, 'public', 'packs', 'starter', 'given-names.json'), 'utf8')),
);

const source = { dataset: 'test', record: 'r' };

/** A person in the fake database, holding an office on the article date when `inOffice`. */
function person(id: string, name: string, aliases: string[], inOffice: boolean): EntityContext {
  const entity: Entity = { id, kind: 'person', name, aliases, roles: [], sources: [source] };
  return {
    entity,
    roleOnDate: inOffice ? { title: 'President', office: 'us:president', from: '2009-01-20', source } : null,
    resolvedFor: '2015-07-24',
    statements: [],
    statementCount: 0,
  };
}

const DATABASE = [
  person('Q76', 'Barack Obama', ['Obama', 'Barack Obama'], true),
  person('Q22686', 'Donald Trump', ['Trump', 'Donald Trump'], true),
];

/** The fake background: alias matches from DATABASE, given names from the shipped list. */
function respond(keys: readonly string[], candidates: readonly string[]): LookupResponse {
  const matches: Record<string, string[]> = {};
  const entities: Record<string, EntityContext> = {};
  for (const context of DATABASE) {
    const aliases = [context.entity.name, ...context.entity.aliases].map((a) => a.toLowerCase());
    for (const key of keys.filter((k) => aliases.includes(k))) {
      matches[key] = [context.entity.id];
      entities[context.entity.id] = context;
    }
  }
  return { matches, entities, givenNames: candidates.filter((n) => GIVEN_NAMES.has(n)) };
}

/** What the page pass marks as a person in these blocks, as a reader sees the marked text. */
function peopleMarked(...blocks: string[]): string[] {
  const analysis = analyseArticle(blocks);
  const request = lookupRequestFor(analysis, '2015-07-24');
  const names = resolveNames(analysis, respond(request.keys, request.givenNameCandidates));
  return buildMarks(analysis, names)
    .filter((m) => m.kind === 'person')
    .map((m) =>
      analysis.article.text
        .slice(m.start, m.end)
        .replace(/\u00AD/g, '')
        .replace(/\u00A0/g, ' '),
    );
}

function kindsOf(text: string): [string, string][] {
  return findNameMentions(text).map((m) => [m.text, m.kindHint]);
}

describe('invisible characters inside names', () => {
  it('keeps a name whole across a soft hyphen and a non-breaking space', () => {
    const text = 'Defence Secretary John\u00A0Hea\u00ADley said the plan was sound.';
    expect(peopleMarked(text)).toEqual(['Defence Secretary John Healey']);
    expect(findNameMentions(text)[0]?.name).toBe('John Healey');
  });

  it('keeps a name whole across a zero-width space', () => {
    expect(findNameMentions('Then Olena Kova\u200Blenko said no.')[0]?.name).toBe('Olena Kovalenko');
  });

  it('reads a non-breaking space between an honorific and the name', () => {
    expect(peopleMarked('Later Mr\u00A0Zelensky left.')).toEqual(['Mr Zelensky']);
  });
});

describe('words glued together by missing spaces', () => {
  it('cuts a caption credit glued to the name that follows', () => {
    expect(peopleMarked('A photo of the hall. Harbour PoliceMarta Quinlan, 34, was found safe.')).toEqual([
      'Marta Quinlan',
    ]);
  });

  it('cuts a date glued to a byline name, and digits glued after it', () => {
    expect(peopleMarked('3 May, 2019Maria Okonjo is a reporter.', 'By Petra Lindqvist22 March 2016')).toEqual(
      ['Maria Okonjo', 'Petra Lindqvist'],
    );
  });

  it('reads a photographer glued to a credit word or an agency', () => {
    expect(peopleMarked('Credit:Ashraf Qadri/Agence France-Presse')).toEqual(['Ashraf Qadri']);
    expect(findNameMentions('Photo by Tomas WeberAFP').map((m) => m.text)).toContain('Tomas Weber');
  });

  it('cuts every seam of a caption whose credit words are glued twice', () => {
    expect(peopleMarked('The cables under Queens.CreditCreditLin W. Okoro/The Daily Ledger')).toEqual([
      'Lin W. Okoro',
    ]);
  });

  it('never takes a social handle or hashtag for a name', () => {
    expect(peopleMarked('Follow her on Twitter @PetraLind_ or email plind@example.com.')).toEqual([]);
    expect(peopleMarked('It read: “#Petra Mullins show interrupted.” Later the Petra cast bowed.')).toEqual(
      [],
    );
  });
});

describe('ALL-CAPS bylines and credits', () => {
  it('marks the name of an ALL-CAPS byline', () => {
    expect(peopleMarked('BY JANE DOE', 'The council met on Monday.')).toEqual(['JANE DOE']);
  });

  it('splits two ALL-CAPS bylined names at AND', () => {
    expect(peopleMarked('BY JANE DOE AND JOHN ROE')).toEqual(['JANE DOE', 'JOHN ROE']);
  });

  it('marks an ALL-CAPS photographer before an agency', () => {
    expect(peopleMarked('OSKAR BRANDT/AFP/Getty Images')).toEqual(['OSKAR BRANDT']);
  });

  it('never takes an ALL-CAPS headline for a name', () => {
    expect(peopleMarked('HARRY STYLES TOUR CANCELLED AFTER STORM')).toEqual([]);
  });
});

describe('possessives', () => {
  it('marks the name without its possessive', () => {
    expect(peopleMarked("It was Trump’s idea, and Mr Trump's plan.")).toEqual(['Trump', 'Mr Trump']);
  });

  it('ends the name at a possessive before an organisation', () => {
    expect(kindsOf("Trump's Justice Department replied.")).toEqual([
      ['Trump', 'unknown'],
      ['Justice Department', 'organization'],
    ]);
  });

  it('keeps an apostrophe inside a surname and drops the plural possessive', () => {
    expect(peopleMarked("Anna Ng'ambi's dress was found. Ross Jones' car, said Ross Jones.")).toEqual([
      "Anna Ng'ambi",
      'Ross Jones',
      'Ross Jones',
    ]);
  });

  it('ends a particle name at its possessive', () => {
    expect(peopleMarked("Ursula von der Leyen's plan was read out.")).toEqual(['Ursula von der Leyen']);
  });

  it('keeps the plural possessive inside an organisation name', () => {
    expect(kindsOf('She works at the Alder Children’s Research Institute in Leeds.')[0]).toEqual([
      'Alder Children’s Research Institute',
      'organization',
    ]);
  });
});

describe('hyphenated and particle names', () => {
  it('reads hyphenated first names', () => {
    expect(peopleMarked('Jean-Luc Mélenchon said it was over.')).toEqual(['Jean-Luc Mélenchon']);
  });

  it('reads chained particles and bin', () => {
    expect(peopleMarked('Then Ursula von der Leyen met Mohammed bin Salman.')).toEqual([
      'Ursula von der Leyen',
      'Mohammed bin Salman',
    ]);
  });

  it('takes an al- name for a person only with a known given name, not a group or a place', () => {
    expect(
      peopleMarked(
        'Omar Hassan al-Nouri was ousted. The group behind it — Ansar al-Tawhid, a banned organisation — fled to Sharm el-Sheikh.',
      ),
    ).toEqual(['Omar Hassan al-Nouri']);
  });

  it('reads an eponymous place as a place, not a person', () => {
    expect(kindsOf('They landed at Charles de Gaulle airport.')).toEqual([
      ['Charles de Gaulle airport', 'place'],
    ]);
  });
});

describe('initials', () => {
  it('reads a middle initial and run-together initials', () => {
    expect(peopleMarked('John F. Kelly said so. J.K. Rowling said so. J. K. Rowling agreed.')).toEqual([
      'John F. Kelly',
      'J.K. Rowling',
      'J. K. Rowling',
    ]);
  });
});

describe('honorifics and titles', () => {
  it('puts honorifics and short titles in the span and marks the person', () => {
    const text =
      'Mrs Thatcher met Ms Okafor. Dr. Fauci, Sir Keir Starmer and Dame Judi Dench came. ' +
      'Lord Cameron, President Varga, Prime Minister Sharif and Senator Warren spoke.';
    expect(peopleMarked(text)).toEqual([
      'Mrs Thatcher',
      'Ms Okafor',
      'Dr. Fauci',
      'Sir Keir Starmer',
      'Dame Judi Dench',
      'Lord Cameron',
      'President Varga',
      'Prime Minister Sharif',
      'Senator Warren',
    ]);
  });

  it('keeps a country possessive with the title it belongs to', () => {
    expect(findNameMentions("Britain's Prime Minister Keir Starmer spoke.")[0]).toMatchObject({
      name: 'Keir Starmer',
      title: "Britain's Prime Minister",
    });
  });
});

describe('dotted place abbreviations', () => {
  it('keeps U.S. with a title and an organisation, and ends a sentence at it otherwise', () => {
    expect(
      kindsOf('U.S. President Jane Doe visited the U.S. Embassy. It was made in the U.S. Obama said so.'),
    ).toEqual([
      ['U.S. President Jane Doe', 'person'],
      ['U.S. Embassy', 'organization'],
      ['U.S.', 'unknown'],
      ['Obama', 'unknown'],
    ]);
  });

  it('does not take a title head inside an organisation name for a title', () => {
    expect(kindsOf('She addressed the U.N. General Assembly.')).toEqual([
      ['U.N. General Assembly', 'organization'],
    ]);
  });
});

describe('names used as modifiers', () => {
  it('marks the person, not the noun the name modifies', () => {
    expect(peopleMarked('The Obama administration said no.')).toEqual(['Obama']);
  });

  it('does not take an eponymous institution for a person', () => {
    expect(peopleMarked('Jennifer Ross was taken to Royal Alder hospital.')).toEqual(['Jennifer Ross']);
  });

  it('does not take a priced product for a person', () => {
    expect(peopleMarked('The $1,000 Jasper Vision, by contrast, is lighter.')).toEqual([]);
    expect(peopleMarked('Jasper Vision Pro goes on sale.')).toEqual([]);
  });
});

describe('capitalised words that only look like names', () => {
  it('tells "Bill" the legislation from Bill Shorten', () => {
    expect(peopleMarked('The Bill passed its second reading. Bill Shorten said it was flawed.')).toEqual([
      'Bill Shorten',
    ]);
  });

  it('does not take sentence-initial Will, Mark or Rose for names', () => {
    expect(peopleMarked('Will Labour win? Mark my words. Rose Garden events were cancelled.')).toEqual([]);
  });

  it('reads Will as a name when the sentence goes on as it does after a person', () => {
    expect(peopleMarked('Will Smith said he was sorry.')).toEqual(['Will Smith']);
  });
});

describe('short forms and appositions', () => {
  it('confirms a full name when its surname speaks', () => {
    expect(
      peopleMarked('Ajmal Rostami, a party official, left early. “We will not be divided,” Rostami said.'),
    ).toEqual(['Ajmal Rostami', 'Rostami']);
  });

  it('confirms a full name when its first name speaks and is called she', () => {
    expect(
      peopleMarked("Zuri Abiodun's dress was stolen. Zuri told police it was taken from her room."),
    ).toEqual(['Zuri Abiodun', 'Zuri']);
  });

  it('does not let a company speaking confirm its product as a person', () => {
    expect(peopleMarked('Acme Widget sales rose. Acme said the quarter was strong.')).toEqual([]);
  });

  it('reads a person noun before a one-word name', () => {
    expect(peopleMarked('A film about the poet Homer. The official Twitter account')).toEqual(['Homer']);
  });

  it('reads an apposition with a person noun after the name', () => {
    expect(peopleMarked('Tarek Haddad, a spokesman for the ministry, declined.')).toEqual(['Tarek Haddad']);
  });

  it('confirms a full name when it is named after a speech verb, but not as the subject of a reported clause', () => {
    expect(peopleMarked('Hemi Walker was seven. “The sea is hurting,” says Walker, an elder.')).toEqual([
      'Hemi Walker',
      'Walker',
    ]);
    expect(peopleMarked('Rebels in South Varia fought on. Officials said Varia had agreed.')).toEqual([]);
  });

  it('does not take a place for a person when a lone word of it speaks', () => {
    expect(peopleMarked('Rebels in South Varia fought on. Experts on Varia, said he, were worried.')).toEqual(
      [],
    );
  });
});
