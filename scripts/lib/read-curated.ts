/**
 * Reader for packs/curated/offices-2024-2025.json: offices that begin or end after the 2022 officeholder
 * snapshot, and alias spellings with their evidence. Every office record must cite a reference article about
 * the person (their Wikidata item or English Wikipedia article) and an official page of the government that
 * holds the office; the reader rejects a record that does not, so nothing unsourced reaches the pack.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import type { Source } from '../../core/model';
import { CURATED } from './datasets';
import type { Fragment } from './fragment';
import { deriveAliases } from './names';
import { KNOWN_OFFICE_KEYS } from './offices';

const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const qid = v.pipe(v.string(), v.regex(/^Q[1-9]\d*$/));
/** A person no shared dataset identifies: "curated:<country>:<name-slug>". Never a made-up Q-id. */
const curatedId = v.pipe(v.string(), v.regex(/^curated:[a-z]{2}:[a-z0-9]+(?:-[a-z0-9]+)*$/));
const url = v.pipe(v.string(), v.regex(/^https:\/\/[^\s/]+\/\S*$/));

/** Where a reader can check who the person is. */
const REFERENCE = /^https:\/\/(?:www\.wikidata\.org\/wiki\/Q[1-9]\d*|en\.wikipedia\.org\/wiki\/[^\s/]+)$/;

/**
 * Sites of the governments whose offices the file covers: where a reader can check the office and its
 * holder. Listed one by one, so a news site or a blog cannot pass for an official source.
 */
const OFFICIAL_HOSTS: ReadonlySet<string> = new Set([
  'www.gov.uk',
  'members.parliament.uk',
  'www.royal.uk',
  'www.whitehouse.gov',
  'www.state.gov',
  'history.state.gov',
  'www.defense.gov',
  'home.treasury.gov',
  'www.info.gouv.fr',
  'www.diplomatie.gouv.fr',
  'www.economie.gouv.fr',
  'www.defense.gouv.fr',
  'www.bundesregierung.de',
  'www.auswaertiges-amt.de',
  'www.governo.it',
  'www.esteri.it',
  'japan.kantei.go.jp',
  'www.mofa.go.jp',
  'www.pm.gc.ca',
  'www.international.gc.ca',
  'www.kmu.gov.ua',
  'mfa.gov.ua',
  'mod.gov.ua',
  'government.ru',
  'mid.ru',
  'mil.ru',
  'www.gov.il',
]);

const isOfficial = (u: string): boolean => OFFICIAL_HOSTS.has(new URL(u).hostname);
const isWikidata = (u: string): boolean => u.startsWith('https://www.wikidata.org/');

const OfficeRecord = v.pipe(
  v.object({
    qid: v.optional(qid),
    id: v.optional(curatedId),
    name: v.string(),
    ukParliamentId: v.optional(v.pipe(v.string(), v.regex(/^\d+$/))),
    office: v.pipe(
      v.string(),
      v.regex(/^[a-z]{2}:[a-z0-9-]+$/),
      v.check((key) => KNOWN_OFFICE_KEYS.has(key), 'is not an office key in scripts/lib/offices.ts'),
    ),
    country: v.pipe(v.string(), v.regex(/^[a-z]{2}$/)),
    title: v.string(),
    from: isoDate,
    to: v.optional(isoDate),
    asOf: v.optional(isoDate),
    asOfEvidence: v.optional(
      v.object({ publisher: v.string(), dataset: v.string(), record: v.string(), text: v.string() }),
    ),
    /**
     * The dataset row this record repeats term for term ("<dataset> <record>"), only to give that role a
     * page a reader can open: the dataset keeps its description of the person.
     */
    confirms: v.optional(v.pipe(v.string(), v.minLength(1))),
    sources: v.pipe(
      v.array(url),
      v.check((s) => s.some((u) => REFERENCE.test(u)), 'needs a Wikidata or English Wikipedia URL'),
      v.check((s) => s.some(isOfficial), 'needs an official government page'),
    ),
  }),
  v.check((o) => (o.qid === undefined) !== (o.id === undefined), 'needs exactly one of qid and id'),
  v.check(
    (o) => o.sources.filter(isWikidata).every((u) => o.qid && u === `https://www.wikidata.org/wiki/${o.qid}`),
    'cites a Wikidata item other than its own qid',
  ),
  v.check((o) => o.office.startsWith(`${o.country}:`), 'office key is not in its country'),
  v.check((o) => !o.to || o.to >= o.from, 'ends before it starts'),
  v.check((o) => !o.asOf || o.asOf >= o.from, 'asOf is before the office began'),
  // Only a checked sentence may say someone was still in office later than the day they took it.
  v.check((o) => !o.asOf || o.asOf === o.from || o.asOfEvidence !== undefined, 'asOf needs asOfEvidence'),
);

const AliasRecord = v.object({
  qid,
  aliases: v.array(v.string()),
  evidence: v.string(),
  sources: v.pipe(v.array(url), v.minLength(1)),
});

const CuratedFile = v.object({
  about: v.string(),
  offices: v.array(OfficeRecord),
  aliases: v.array(AliasRecord),
});

export type CuratedOffice = v.InferOutput<typeof OfficeRecord>;

export interface CuratedResult {
  fragments: Fragment[];
  offices: CuratedOffice[];
}

/** The id a record is known by: its Q-id, else its curated id. */
export function curatedKey(o: CuratedOffice): string {
  return o.qid ?? o.id ?? '';
}

/**
 * Whether a record describes its person: the one with their latest start (the first such in the file on a
 * tie), so someone who moved office is described by the post they moved to, not the one they left.
 */
function describesPerson(offices: readonly CuratedOffice[]): (o: CuratedOffice) => boolean {
  const latest = new Map<string, CuratedOffice>();
  for (const o of offices) {
    const seen = latest.get(curatedKey(o));
    if (!seen || o.from > seen.from) latest.set(curatedKey(o), o);
  }
  return (o) => latest.get(curatedKey(o)) === o;
}

function officeFragment(o: CuratedOffice, describes: boolean): Fragment {
  const key = curatedKey(o);
  // Validation guarantees an official page; the role cites it, since it is where the office is checked.
  const official = o.sources.find(isOfficial) ?? '';
  const source: Source = {
    url: official,
    dataset: CURATED.label,
    record: `${key} ${o.office} ${o.from}`,
    licence: CURATED.licence,
  };
  return {
    ids: [key, ...(o.ukParliamentId ? [`uk-parliament:${o.ukParliamentId}`] : [])],
    kind: 'person',
    name: o.name,
    namePriority: 0,
    aliases: deriveAliases(o.name),
    roles: [
      {
        title: o.title,
        office: o.office,
        country: o.country,
        from: o.from,
        to: o.to,
        // An open-ended office is claimed no later than its start unless a checked sentence says more.
        asOf: o.to ? undefined : (o.asOf ?? o.from),
        source,
      },
    ],
    description: o.to ? `${o.title}, ${o.from} to ${o.to}` : `${o.title} from ${o.from}`,
    descriptionPriority: o.confirms ? -1 : describes ? 2 : 1,
    country: o.country,
    externalIds: {
      ...(o.qid ? { wikidata: o.qid } : {}),
      ...(o.ukParliamentId ? { ukParliament: o.ukParliamentId } : {}),
    },
    sources: [
      ...o.sources.map((u) => ({ url: u, dataset: CURATED.label, record: `${key} ${o.office}` })),
      ...(o.asOfEvidence
        ? [
            {
              publisher: o.asOfEvidence.publisher,
              dataset: o.asOfEvidence.dataset,
              record: o.asOfEvidence.record,
            },
          ]
        : []),
    ],
  };
}

export function readCurated(path: string): CuratedResult {
  const parsed = v.safeParse(CuratedFile, JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue?.path?.map((p) => String(p.key)).join('.');
    throw new Error(`${path}: ${where}: ${issue?.message}`);
  }
  const { offices, aliases } = parsed.output;
  const describes = describesPerson(offices);
  const fragments: Fragment[] = offices.map((o) => officeFragment(o, describes(o)));
  for (const a of aliases) {
    fragments.push({
      ids: [a.qid],
      kind: 'person',
      name: a.aliases[0] ?? a.qid,
      namePriority: -1,
      aliases: a.aliases.flatMap(deriveAliases),
      roles: [],
      descriptionPriority: -1,
      externalIds: { wikidata: a.qid },
      sources: a.sources.map((u) => ({ url: u, dataset: CURATED.label, record: `${a.qid} aliases` })),
      supportOnly: true,
    });
  }
  return { fragments, offices };
}
