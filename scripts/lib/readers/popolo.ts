/**
 * Reader for any Popolo JSON file (persons, organizations, memberships, posts, areas, events), as published
 * by EveryPolitician (`ep-popolo-v1.0.json`) and by parliaments. A membership becomes a role: the post's
 * label, else "<role> of <organization>" and the area. A role keeps only the dates the membership itself
 * gives; a legislative period's dates are not copied onto it (a by-election winner did not sit from the
 * start of the term), so the period's name goes into the title instead.
 *
 * A Popolo file is one JSON document, not line-delimited, so it is parsed whole; published files are
 * megabytes, not gigabytes. (The UK 2017 file in ../shared is read by read-popolo.ts, for Q-ids only.)
 */
import { basename } from 'node:path';
import type { PackSourceInfo, Role, Source } from '../../../core/model';
import { isQid, wikidataUrl } from '../datasets';
import type { Fragment } from '../fragment';
import { deriveAliases, tidy } from '../names';
import { cleanConstituency } from '../read-popolo';
import { type PopoloFile, type PopoloMembership, type PopoloOrganization, popoloFile } from './popolo-file';

export const POPOLO_LICENCE = 'as published (the Popolo file states no licence)';

/** Identifier schemes that join a Popolo record to the ids other readers use. */
const JOIN_SCHEMES: Record<string, (id: string) => string | undefined> = {
  wikidata: (id) => (isQid(id) ? id : undefined),
  datadotparl_id: (id) => (/^\d+$/.test(id) ? `uk-parliament:${id}` : undefined),
  bioguide: (id) => `bioguide:${id}`,
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const NOT_ORGANIZATIONS = /^(?:independents?|independent politician|unknown|none)$/i;

export interface PopoloResult {
  fragments: Fragment[];
  source: PackSourceInfo;
  problems: string[];
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

class PopoloIndex {
  readonly orgs: Map<string, PopoloOrganization>;
  readonly posts: Map<string, { label?: string; area_id?: string; organization_id?: string }>;
  readonly areas: Map<string, { name: string; type?: string }>;
  readonly periods: Map<string, string>;
  readonly newest: string | undefined;

  constructor(readonly file: PopoloFile) {
    this.orgs = new Map(file.organizations.map((o) => [o.id, o]));
    this.posts = new Map(file.posts.map((p) => [p.id, p]));
    this.areas = new Map(file.areas.map((a) => [a.id, a]));
    this.periods = new Map(file.events.map((e) => [e.id, e.name]));
    this.newest = newestDate(file.memberships);
  }

  orgName(id: string | undefined): string | undefined {
    return id ? this.orgs.get(id)?.name : undefined;
  }
}

/** A role written as a full title ("Member of Parliament", from Wikidata) rather than a word ("member"). */
function isTitle(role: string | undefined): role is string {
  return role !== undefined && /^\p{Lu}/u.test(role) && role.includes(' ');
}

/** The area, when it is one a member represents (a constituency), not the country of a national office. */
function electoralArea(ix: PopoloIndex, id: string | undefined): string | undefined {
  const area = id ? ix.areas.get(id) : undefined;
  return area && /constituency|district|electorate|riding|ward/i.test(area.type ?? '')
    ? cleanConstituency(area.name)
    : undefined;
}

function roleTitle(m: PopoloMembership, ix: PopoloIndex): string | undefined {
  const post = m.post_id ? ix.posts.get(m.post_id) : undefined;
  if (post?.label) return tidy(post.label);
  if (m.label) return tidy(m.label);
  const org = ix.orgName(m.organization_id ?? post?.organization_id);
  if (!org && !isTitle(m.role)) return undefined;
  const base = isTitle(m.role) ? m.role : `${capitalised(m.role ?? 'member')} of ${org}`;
  const area = electoralArea(ix, m.area_id ?? post?.area_id);
  return tidy(area ? `${base} for ${area}` : base);
}

/**
 * The newest membership date in the file: a Popolo file states no snapshot date, so an open membership is
 * known to run only up to the latest event the file records.
 */
function newestDate(memberships: readonly PopoloMembership[]): string | undefined {
  const dates = memberships
    .flatMap((m) => [m.start_date ?? '', m.end_date ?? ''])
    .filter((d) => ISO_DAY.test(d));
  return dates.sort().at(-1);
}

function roleOf(m: PopoloMembership, ix: PopoloIndex, dataset: string, n: number): Role | undefined {
  const title = roleTitle(m, ix);
  if (!title) return undefined;
  const source: Source = { dataset, record: `memberships[${n}] ${m.person_id}` };
  const start = m.start_date;
  const end = m.end_date;
  const precise = (!start || ISO_DAY.test(start)) && (!end || ISO_DAY.test(end));
  const period = m.legislative_period_id ? ix.periods.get(m.legislative_period_id) : undefined;
  if (!precise || (!start && !end)) {
    const when = start || end ? `${start ?? '?'}–${end ?? ''}` : period;
    return { title: when ? `${title} (${when})` : title, source };
  }
  return { title, from: start, to: end, asOf: end ? undefined : ix.newest, source };
}

/** The party of the person's latest membership that names one. */
function partyOf(memberships: readonly PopoloMembership[], ix: PopoloIndex): string | undefined {
  const withParty = memberships.filter((m) => ix.orgName(m.on_behalf_of_id));
  const latest = [...withParty].sort((a, b) => (a.start_date ?? '').localeCompare(b.start_date ?? '')).at(-1);
  return ix.orgName(latest?.on_behalf_of_id);
}

function joinIds(identifiers: readonly { scheme: string; identifier: string }[]): string[] {
  return identifiers.flatMap((i) => {
    const id = JOIN_SCHEMES[i.scheme]?.(i.identifier);
    return id ? [id] : [];
  });
}

function externalIds(identifiers: readonly { scheme: string; identifier: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of identifiers) if (out[i.scheme] === undefined) out[i.scheme] = i.identifier;
  return out;
}

function sourcesOf(dataset: string, record: string, ids: readonly string[]): Source[] {
  const qid = ids.find(isQid);
  return [{ dataset, record, ...(qid ? { url: wikidataUrl(qid) } : {}) }];
}

export function readPopoloJson(json: unknown, path: string): PopoloResult {
  const dataset = `popolo ${basename(path)}`;
  const { file, problems } = popoloFile(json, path);
  const ix = new PopoloIndex(file);
  const byPerson = new Map<string, { m: PopoloMembership; n: number }[]>();
  file.memberships.forEach((m, n) => {
    const list = byPerson.get(m.person_id) ?? [];
    list.push({ m, n });
    byPerson.set(m.person_id, list);
  });

  const people: Fragment[] = file.persons.map((p) => {
    const ids = [...joinIds(p.identifiers), `popolo:${p.id}`];
    const memberships = byPerson.get(p.id) ?? [];
    const roles = memberships.flatMap(({ m, n }) => roleOf(m, ix, dataset, n) ?? []);
    return {
      ids: [...new Set(ids)],
      kind: 'person',
      name: p.name,
      namePriority: 1,
      aliases: [...new Set([p.name, ...p.otherNames].flatMap(deriveAliases))],
      roles,
      descriptionPriority: 1,
      party: partyOf(
        memberships.map(({ m }) => m),
        ix,
      ),
      externalIds: externalIds(p.identifiers),
      sources: sourcesOf(dataset, `persons ${p.id}`, ids),
    };
  });
  // "Independent" is listed as a party in many files but is no organisation.
  const organizations: Fragment[] = file.organizations
    .filter((o) => !NOT_ORGANIZATIONS.test(o.name))
    .map((o) => {
      // Organisation ids ("party/labour") are only unique within one file; person ids are UUIDs.
      const ids = [...joinIds(o.identifiers), `popolo:${basename(path)}:${o.id}`];
      return {
        ids: [...new Set(ids)],
        kind: 'organization',
        name: o.name,
        namePriority: 1,
        aliases: [...new Set([o.name, ...o.otherNames])],
        roles: [],
        description: o.classification ? capitalised(o.classification) : undefined,
        descriptionPriority: 0,
        externalIds: externalIds(o.identifiers),
        sources: sourcesOf(dataset, `organizations ${o.id}`, ids),
      };
    });
  return {
    fragments: [...people, ...organizations],
    source: { name: `Popolo: ${basename(path)}`, licence: POPOLO_LICENCE },
    problems,
  };
}
