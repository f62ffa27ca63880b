/**
 * Reader for the EveryPolitician Popolo file of the 2017 House of Commons (Wikidata-derived). It is used for
 * Wikidata Q-ids and English/Welsh name variants of MPs who still sat in 2024, and for party organisations.
 * Its 2017–2018 memberships are not turned into roles: they say nothing about who sits now.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isQid, POPOLO, wikidataUrl } from './datasets';
import type { Fragment } from './fragment';
import { deriveAliases, tidy } from './names';

type Names = Record<string, string | undefined>;

interface PopoloFile {
  persons: { id: string; name: Names }[];
  organizations: { id: string; name: Names; classification: string }[];
  areas: { id: string; name: Names }[];
  memberships: { person_id: string; area_id?: string; on_behalf_of_id?: string; start_date?: string }[];
}

export interface PopoloMp {
  qid: string;
  /** English and Welsh labels. */
  names: string[];
  /** Constituency names as Popolo writes them, without the " Co Const" / " Boro Const" suffix. */
  constituencies: string[];
}

const FILE = 'house-of-commons-57th-parliament.popolo-m17n.json';

/** "Holborn and St. Pancras Boro Const" → "Holborn and St. Pancras". */
export function cleanConstituency(name: string): string {
  return tidy(name.replace(/\s+(?:Co|Boro|Burgh|County|Borough)?\s*Const\.?$/i, ''));
}

function labels(names: Names): string[] {
  return [names['lang:en'], names['lang:cy']].filter((n): n is string => Boolean(n)).map(tidy);
}

export interface PopoloResult {
  mps: PopoloMp[];
  personFragments: Fragment[];
  partyFragments: Fragment[];
}

/** `datasetsDir` is the folder laid out like ../shared/datasets. */
export function readPopolo(datasetsDir: string): PopoloResult {
  const file = JSON.parse(
    readFileSync(join(datasetsDir, 'uk-everypolitician-popolo', FILE), 'utf8'),
  ) as PopoloFile;
  const areaName = new Map(file.areas.map((a) => [a.id, cleanConstituency(a.name['lang:en'] ?? '')]));
  const dataset = `${POPOLO.label} ${FILE}`;

  const mps: PopoloMp[] = [];
  const personFragments: Fragment[] = [];
  for (const person of file.persons) {
    if (!isQid(person.id)) continue;
    const names = labels(person.name);
    const en = person.name['lang:en'];
    if (!en) continue;
    const constituencies = file.memberships
      .filter((m) => m.person_id === person.id && m.area_id)
      .map((m) => areaName.get(m.area_id ?? '') ?? '')
      .filter(Boolean);
    mps.push({ qid: person.id, names, constituencies });
    // A one-word Welsh label ("LesleyLaird") is a typo in the source, not a name anyone writes.
    const aliases = names.filter((n) => n.includes(' ')).flatMap(deriveAliases);
    personFragments.push({
      ids: [person.id],
      kind: 'person',
      name: tidy(en),
      namePriority: 2,
      aliases,
      roles: [],
      descriptionPriority: 0,
      country: 'gb',
      externalIds: { wikidata: person.id },
      sources: [{ url: wikidataUrl(person.id), dataset, record: person.id, licence: POPOLO.licence }],
      supportOnly: true,
    });
  }

  // Parties only: "independent politician" and "Speaker" are classified as parties in the file but are not.
  const partyFragments: Fragment[] = file.organizations
    .filter((o) => o.classification === 'party' && isQid(o.id) && !['Q327591', 'Q464103'].includes(o.id))
    .map((o) => ({
      ids: [o.id],
      kind: 'organization' as const,
      name: tidy(o.name['lang:en'] ?? o.id),
      namePriority: 2,
      aliases: labels(o.name),
      roles: [],
      description: 'Political party with seats in the House of Commons, 2017–2018',
      descriptionPriority: 1,
      country: 'gb',
      externalIds: { wikidata: o.id },
      sources: [{ url: wikidataUrl(o.id), dataset, record: o.id, licence: POPOLO.licence }],
    }));

  return { mps, personFragments, partyFragments };
}
