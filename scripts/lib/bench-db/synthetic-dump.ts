/**
 * A synthetic Wikidata JSON dump for the database benchmark: the real dump's shape (`[`, one entity a
 * line with a trailing comma, `]`), items the pack builder keeps (P31 Q5 humans with English labels,
 * aliases, descriptions and P39 positions with P580/P582 qualifiers) and the position items whose labels
 * give the roles their titles. Every name is made of invented syllables and every description says it is
 * synthetic; Q-ids start at Q900000000000, far past any real item. A fixed seed makes the same file each
 * run.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/** Alias index entries per person: the full name, the surname, an initialled form and a middle-name form. */
export const ALIASES_PER_PERSON = 4;
const FIRST_QID = 900_000_000_000;
const POSITIONS = 40;
const SYLLABLES = [
  'zor',
  'bex',
  'qui',
  'lan',
  'vor',
  'tez',
  'mup',
  'dra',
  'kel',
  'fyn',
  'sol',
  'rax',
  'nim',
  'wub',
  'jol',
  'pev',
  'gri',
  'hax',
  'oly',
  'cuz',
  'yam',
  'tib',
  'rok',
  'sev',
  'ulm',
  'dax',
  'fep',
  'miz',
  'nok',
  'quo',
];

/** mulberry32: a small, fast PRNG; good enough to spread names, and reproducible from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function word(random: () => number, syllables: number): string {
  let out = '';
  for (let i = 0; i < syllables; i++) out += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return out.charAt(0).toUpperCase() + out.slice(1);
}

export interface SyntheticPerson {
  qid: string;
  given: string;
  middle: string;
  surname: string;
}

/** The people of a dump, in order: `count` of them from `seed`. */
export function* syntheticPeople(count: number, seed: number): Generator<SyntheticPerson> {
  const random = prng(seed);
  for (let i = 0; i < count; i++) {
    yield {
      qid: `Q${FIRST_QID + POSITIONS + i}`,
      given: word(random, 2),
      middle: word(random, 2),
      surname: word(random, 3),
    };
  }
}

const term = (value: string) => ({ language: 'en', value });

function time(date: string) {
  return {
    snaktype: 'value',
    datavalue: {
      value: {
        time: `+${date}T00:00:00Z`,
        timezone: 0,
        before: 0,
        after: 0,
        precision: 11,
        calendarmodel: 'http://www.wikidata.org/entity/Q1985727',
      },
      type: 'time',
    },
    datatype: 'time',
  };
}

function itemClaim(property: string, qid: string, id: string, qualifiers?: Record<string, unknown[]>) {
  return {
    mainsnak: {
      snaktype: 'value',
      property,
      datavalue: {
        value: { 'entity-type': 'item', 'numeric-id': Number(qid.slice(1)), id: qid },
        type: 'wikibase-entityid',
      },
      datatype: 'wikibase-item',
    },
    type: 'statement',
    ...(qualifiers ? { qualifiers } : {}),
    id,
    rank: 'normal',
  };
}

function positionQid(n: number): string {
  return `Q${FIRST_QID + n}`;
}

function positionLine(n: number): string {
  return JSON.stringify({
    type: 'item',
    id: positionQid(n),
    labels: { en: term(`Synthetic office ${n} of Benchmarkland`) },
    descriptions: { en: term('synthetic position for the Backstory database benchmark') },
    aliases: {},
    claims: {},
    modified: '2025-01-01T00:00:00Z',
  });
}

function personLine(person: SyntheticPerson, index: number, random: () => number): string {
  const { qid, given, middle, surname } = person;
  const start = 1990 + Math.floor(random() * 30);
  const held = itemClaim('P39', positionQid(index % POSITIONS), `${qid}$p39-${index}`, {
    P580: [{ ...time(`${start}-01-15`), property: 'P580' }],
    ...(random() < 0.5 ? { P582: [{ ...time(`${start + 4}-01-14`), property: 'P582' }] } : {}),
  });
  return JSON.stringify({
    type: 'item',
    id: qid,
    labels: { en: term(`${given} ${surname}`) },
    descriptions: { en: term(`synthetic person ${index} for the Backstory database benchmark`) },
    aliases: { en: [term(`${given.charAt(0)}. ${surname}`), term(`${given} ${middle} ${surname}`)] },
    claims: { P31: [itemClaim('P31', 'Q5', `${qid}$p31`)], P39: [held] },
    modified: '2025-01-01T00:00:00Z',
  });
}

/** Writes a dump of `people` people (plus the position items) to `path`. */
export async function writeSyntheticDump(path: string, people: number, seed: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const random = prng(seed ^ 0x5eed);
  await write('[\n');
  for (let n = 0; n < POSITIONS; n++) await write(`${positionLine(n)},\n`);
  let index = 0;
  for (const person of syntheticPeople(people, seed)) {
    await write(`${personLine(person, index, random)}${index === people - 1 ? '' : ','}\n`);
    index++;
  }
  await write(']\n');
  out.end();
  await once(out, 'finish');
}
