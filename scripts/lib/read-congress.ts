/**
 * Reader for unitedstates/congress-legislators: current members of Congress (legislators-current.yaml) and
 * every president and vice president (executive.yaml). Consecutive terms in the same seat and party are
 * folded into one role, so a 30-year senator is one line, not five.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Role, Source } from '../../core/model';
import { CONGRESS, isQid, wikidataUrl } from './datasets';
import type { Fragment, ReaderResult } from './fragment';
import { deriveAliases, tidy } from './names';

interface Term {
  type: 'sen' | 'rep' | 'prez' | 'viceprez';
  start: string;
  end: string;
  state?: string;
  district?: number;
  party?: string;
}

interface Person {
  id: Record<string, unknown>;
  name: {
    first: string;
    middle?: string;
    last: string;
    nickname?: string;
    suffix?: string;
    official_full?: string;
  };
  terms: Term[];
}

const STATES: Record<string, string> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AS: 'American Samoa',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'the District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  GU: 'Guam',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  MP: 'the Northern Mariana Islands',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  PR: 'Puerto Rico',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VI: 'the U.S. Virgin Islands',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
};

function ordinal(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

function stateName(code: string | undefined): string {
  return (code && STATES[code]) ?? code ?? 'unknown state';
}

function termTitle(t: Term): string {
  switch (t.type) {
    case 'sen':
      return `U.S. Senator from ${stateName(t.state)}`;
    case 'rep':
      return t.district && t.district > 0
        ? `U.S. Representative for ${stateName(t.state)}'s ${ordinal(t.district)} congressional district`
        : `U.S. Representative for ${stateName(t.state)} (at-large)`;
    case 'prez':
      return 'President of the United States';
    case 'viceprez':
      return 'Vice President of the United States';
  }
}

function termOffice(t: Term): string | undefined {
  if (t.type === 'prez') return 'us:president';
  if (t.type === 'viceprez') return 'us:vice-president';
  return undefined; // Membership of Congress is not an office key: a minister outranks it on the same date.
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/** Folds consecutive terms (next starts within 7 days of the previous end) in the same seat and party. */
function foldTerms(terms: readonly Term[]): Term[] {
  const out: Term[] = [];
  for (const t of [...terms].sort((a, b) => a.start.localeCompare(b.start))) {
    const prev = out[out.length - 1];
    const gapDays = prev
      ? (Date.parse(t.start) - Date.parse(prev.end)) / 86_400_000
      : Number.POSITIVE_INFINITY;
    if (prev && termTitle(prev) === termTitle(t) && prev.party === t.party && gapDays <= 7) {
      if (t.end > prev.end) prev.end = t.end;
    } else {
      out.push({ ...t });
    }
  }
  return out;
}

function personIds(p: Person): { primary: string; ids: string[]; externalIds: Record<string, string> } {
  const qid = str(p.id.wikidata);
  const bioguide = str(p.id.bioguide);
  const govtrack = str(p.id.govtrack);
  const ids: string[] = [];
  const externalIds: Record<string, string> = {};
  if (isQid(qid)) {
    ids.push(qid);
    externalIds.wikidata = qid;
  }
  if (bioguide) {
    ids.push(`bioguide:${bioguide}`);
    externalIds.bioguide = bioguide;
  }
  if (govtrack) ids.push(`govtrack:${govtrack}`);
  // Join keys: the same office and start date in the Wikidata officeholder snapshot is the same person.
  for (const t of p.terms) {
    const office = termOffice(t);
    if (office) ids.push(`join:${office}:${t.start}`);
  }
  const primary = ids[0];
  if (!primary) throw new Error(`congress-legislators: record without an id: ${JSON.stringify(p.name)}`);
  return { primary, ids, externalIds };
}

function aliasesOf(p: Person): string[] {
  const n = p.name;
  const forms = [
    n.official_full,
    `${n.first} ${n.last}`,
    n.middle ? `${n.first} ${n.middle} ${n.last}` : undefined,
    n.nickname ? `${n.nickname} ${n.last}` : undefined,
    n.suffix ? `${n.first} ${n.last} ${n.suffix}` : undefined,
  ];
  // official_full sometimes carries the nickname in quotes or brackets: 'Eric A. "Rick" Crawford',
  // 'Nicole (Nikki) Budzinski'; the nickname form is derived separately.
  return forms.flatMap((f) => (f ? deriveAliases(withoutNickname(f)) : []));
}

function withoutNickname(name: string): string {
  return tidy(name.replace(/"[^"]*"/g, ' ').replace(/\([^)]*\)/g, ' '));
}

function toFragment(p: Person, file: string): Fragment {
  const { primary, ids, externalIds } = personIds(p);
  const record = externalIds.bioguide ? `bioguide ${externalIds.bioguide}` : primary;
  const source: Source = { dataset: `${CONGRESS.label} ${file}`, record, licence: CONGRESS.licence };
  const folded = foldTerms(p.terms);
  const roles: Role[] = folded.map((t) => ({
    title: termTitle(t),
    office: termOffice(t),
    country: 'us',
    from: t.start,
    to: t.end,
    source,
  }));
  const last = folded.at(-1);
  const party = last?.party;
  const name =
    withoutNickname(p.name.official_full ?? '') || `${p.name.nickname ?? p.name.first} ${p.name.last}`;
  const sources: Source[] = [source];
  if (externalIds.bioguide)
    sources.push({ url: `https://bioguide.congress.gov/search/bio/${externalIds.bioguide}` });
  if (externalIds.wikidata) sources.push({ url: wikidataUrl(externalIds.wikidata) });
  const current = last && file === 'legislators-current.yaml';
  return {
    ids,
    kind: 'person',
    name,
    namePriority: 1,
    aliases: aliasesOf(p),
    roles,
    description: last ? describe(last, current === true) : undefined,
    descriptionPriority: current ? 3 : 1,
    party,
    country: 'us',
    externalIds,
    sources,
  };
}

function describe(t: Term, current: boolean): string {
  const party = t.party ? ` (${t.party})` : '';
  return current ? `${termTitle(t)}${party}` : `${termTitle(t)}${party}, term ${t.start} to ${t.end}`;
}

function givenNames(people: readonly Person[]): string[] {
  return people.flatMap((p) => [p.name.first.split(' ')[0] ?? '', p.name.nickname ?? '']).filter(Boolean);
}

/** `datasetsDir` is the folder laid out like ../shared/datasets. */
export function readCongress(datasetsDir: string): ReaderResult {
  const dir = join(datasetsDir, 'us-congress-legislators');
  const current = parse(readFileSync(join(dir, 'legislators-current.yaml'), 'utf8')) as Person[];
  const executive = parse(readFileSync(join(dir, 'executive.yaml'), 'utf8')) as Person[];
  return {
    fragments: [
      ...current.map((p) => toFragment(p, 'legislators-current.yaml')),
      ...executive.map((p) => toFragment(p, 'executive.yaml')),
    ],
    givenNames: givenNames([...current, ...executive]),
  };
}
