/**
 * Reader for packs/curated/offices-2024-2025.json: offices that begin after the 2022 officeholder snapshot,
 * and alias spellings with their evidence. Every record must cite its Wikidata item and, for offices, an
 * official page; the reader rejects a record that does not, so nothing unsourced reaches the pack.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import type { Source } from '../../core/model';
import { CURATED, wikidataUrl } from './datasets';
import type { Fragment } from './fragment';
import { deriveAliases } from './names';

const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const qid = v.pipe(v.string(), v.regex(/^Q[1-9]\d*$/));
const url = v.pipe(v.string(), v.regex(/^https:\/\/\S+$/));

const OfficeRecord = v.object({
  qid,
  name: v.string(),
  ukParliamentId: v.optional(v.pipe(v.string(), v.regex(/^\d+$/))),
  office: v.pipe(v.string(), v.regex(/^[a-z]{2}:[a-z0-9-]+$/)),
  country: v.pipe(v.string(), v.regex(/^[a-z]{2}$/)),
  title: v.string(),
  from: isoDate,
  to: v.optional(isoDate),
  asOf: v.optional(isoDate),
  asOfEvidence: v.optional(
    v.object({ publisher: v.string(), dataset: v.string(), record: v.string(), text: v.string() }),
  ),
  sources: v.pipe(
    v.array(url),
    v.check((s) => s.some((u) => u.startsWith('https://www.wikidata.org/wiki/Q')), 'needs its Wikidata item'),
    v.check(
      (s) => s.some((u) => /^https:\/\/(www\.gov\.uk|members\.parliament\.uk)\//.test(u)),
      'needs an official page',
    ),
  ),
});

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

export function readCurated(path: string): CuratedResult {
  const parsed = v.safeParse(CuratedFile, JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new Error(`${path}: ${issue?.path?.map((p) => String(p.key)).join('.')}: ${issue?.message}`);
  }
  const { offices, aliases } = parsed.output;
  const fragments: Fragment[] = offices.map((o) => {
    const official = o.sources.find((s) => !s.startsWith('https://www.wikidata.org/')) ?? wikidataUrl(o.qid);
    const source: Source = {
      url: official,
      dataset: CURATED.label,
      record: `${o.qid} ${o.office} ${o.from}`,
      licence: CURATED.licence,
    };
    return {
      ids: [o.qid, ...(o.ukParliamentId ? [`uk-parliament:${o.ukParliamentId}`] : [])],
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
          asOf: o.to ? undefined : o.asOf,
          source,
        },
      ],
      description: o.to ? `${o.title}, ${o.from} to ${o.to}` : `${o.title} from ${o.from}`,
      descriptionPriority: 2,
      country: o.country,
      externalIds: { wikidata: o.qid, ...(o.ukParliamentId ? { ukParliament: o.ukParliamentId } : {}) },
      sources: [
        ...o.sources.map((u) => ({ url: u, dataset: CURATED.label, record: `${o.qid} ${o.office}` })),
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
  });
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
