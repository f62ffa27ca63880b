/**
 * A Wikidata record (wikidata-entity.ts) with its labels resolved → a merge fragment and reference
 * figures. Nothing is guessed: a position whose title no input gives, or whose end precedes its start, is
 * left out and reported; a date that is only a year or a month stays in the title, not in `from`/`to`.
 */
import type { ReferenceFigure, Role, Source } from '../../../core/model';
import { wikidataUrl } from '../datasets';
import type { Fragment } from '../fragment';
import { deriveAliases, tidy } from '../names';
import type { HeldPosition, Quantity, WikidataRecord } from './wikidata-entity';
import { positionInfo, type WikidataLabels } from './wikidata-labels';

export const WIKIDATA_LICENCE = 'CC0-1.0';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Currencies by Wikidata Q-id; a figure in any other unit is left out rather than mislabelled. */
const CURRENCIES: Record<string, string> = { Q4917: 'USD', Q4916: 'EUR', Q25224: 'GBP' };

const MEASURES: Record<string, string> = {
  P1082: 'Population',
  P2131: 'Nominal GDP',
  P2132: 'Nominal GDP per capita',
};

export interface FragmentResult {
  fragment: Fragment | null;
  /** Why parts of the record were left out, one line each. */
  skipped: string[];
}

function roleOf(
  record: WikidataRecord,
  held: HeldPosition,
  labels: WikidataLabels,
  dataset: string,
): Role | string {
  const info = positionInfo(labels, held.position);
  if (!info) return `${record.qid}: position ${held.position} has no label in the inputs`;
  if (held.start && held.end && held.end < held.start)
    return `${record.qid}: position ${held.position} ends (${held.end}) before it starts (${held.start})`;
  const source: Source = { url: wikidataUrl(record.qid), dataset, record: held.claimId };
  const precise = (!held.start || ISO_DAY.test(held.start)) && (!held.end || ISO_DAY.test(held.end));
  if (!precise) {
    const period = `${held.start ?? '?'}–${held.end ?? ''}`;
    return { title: `${info.title} (${period})`, office: info.office, country: info.country, source };
  }
  return {
    title: info.title,
    office: info.office,
    country: info.country,
    from: held.start,
    to: held.end,
    // An open position is "not ended as of the entity's last edit", not "held today".
    asOf: held.end ? undefined : record.modified,
    source,
  };
}

/**
 * Aliases as Wikidata writes them; only a person's label gets the derived forms (surname, "Sir Keir").
 * A country's ISO codes ("GB", "GBR", "fr") are left out: "16 GB" in a tech article is not the UK.
 */
function aliasesOf(record: WikidataRecord, label: string): string[] {
  const codes = new Set(record.codes.map((c) => c.toLowerCase()));
  const own = record.kind === 'person' ? deriveAliases(label) : [label];
  return [...own, ...record.aliases.map(tidy)].filter(
    (a) => a.length <= 300 && /\p{L}{2,}/u.test(a) && !codes.has(a.toLowerCase()),
  );
}

export function toFragment(record: WikidataRecord, labels: WikidataLabels, dataset: string): FragmentResult {
  const label = record.label && tidy(record.label);
  if (!label) return { fragment: null, skipped: [`${record.qid}: no English label`] };
  const skipped: string[] = [];
  const roles: Role[] = [];
  for (const held of record.positions) {
    const role = roleOf(record, held, labels, dataset);
    if (typeof role === 'string') skipped.push(role);
    else roles.push(role);
  }
  // Join keys let an office holder listed without a Q-id elsewhere (executive.yaml) merge with this item.
  const joins = roles.filter((r) => r.office && r.from).map((r) => `join:${r.office}:${r.from}`);
  const party = record.parties.find((p) => !p.ended && labels.labels.has(p.qid));
  const country = record.iso2 ?? firstCountry(record.citizenships, labels);
  return {
    fragment: {
      ids: [record.qid, ...joins],
      kind: record.kind,
      name: label,
      namePriority: 2,
      aliases: aliasesOf(record, label),
      roles,
      description: record.description && tidy(record.description),
      descriptionPriority: 2,
      party: party && labels.labels.get(party.qid),
      country,
      externalIds: { wikidata: record.qid },
      sources: [{ url: wikidataUrl(record.qid), dataset, record: record.qid, licence: WIKIDATA_LICENCE }],
    },
    skipped,
  };
}

function firstCountry(qids: readonly string[], labels: WikidataLabels): string | undefined {
  for (const qid of qids) {
    const code = labels.countries.get(qid);
    if (code) return code;
  }
  return undefined;
}

function unitOf(q: Quantity): string | undefined {
  if (q.property === 'P1082') return q.unit === '1' ? 'people' : undefined;
  return CURRENCIES[q.unit];
}

/** Population and GDP of a country, each for the point in time Wikidata gives. */
export function toFigures(record: WikidataRecord, dataset: string): ReferenceFigure[] {
  const label = record.label && tidy(record.label);
  if (!label) return [];
  return record.quantities.flatMap((q) => {
    const unit = unitOf(q);
    const measure = MEASURES[q.property];
    if (!unit || !measure) return [];
    return [
      {
        id: `fig:${record.qid}:${q.property}:${q.pointInTime}`,
        measure: `${measure} of ${label}`,
        subjectId: record.qid,
        value: q.amount,
        unit,
        period: q.pointInTime,
        source: { url: wikidataUrl(record.qid), dataset, record: q.claimId, licence: WIKIDATA_LICENCE },
      },
    ];
  });
}
