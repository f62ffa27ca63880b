/**
 * The `--datasets DIR` input: a folder laid out like ../shared/datasets, read by the dataset-specific readers
 * in scripts/lib (US Congress, UK MPs 2024, the 2017 UK Popolo file, the 2022 Wikidata officeholders). It
 * also gives the Wikidata reader what these files know about positions, countries and parties.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { PackSourceInfo } from '../../../core/model';
import { CONGRESS, OFFICEHOLDER_REPOS, OFFICEHOLDERS, POPOLO, UK_MPS } from '../datasets';
import type { Fragment } from '../fragment';
import { OFFICES } from '../offices';
import { readCongress } from '../read-congress';
import { readJurisdictions, readOfficeholders } from '../read-officeholders';
import { readPopolo } from '../read-popolo';
import { readUkMps } from '../read-uk-mps';
import { emptyLabels, type WikidataLabels } from './wikidata-labels';

export interface SharedDatasetsResult {
  fragments: Fragment[];
  givenNames: string[];
  sources: PackSourceInfo[];
  labels: WikidataLabels;
  /** Newest snapshot date of the datasets. */
  newest: string;
  /** One line each, for the build log. */
  notes: string[];
}

function sourceInfo({ name, url, licence, attribution }: PackSourceInfo): PackSourceInfo {
  return { name, url, licence, attribution };
}

/** Position titles from each officeholder repo's positions.csv, with office keys where offices.ts maps one. */
function positionLabels(root: string, labels: WikidataLabels): void {
  for (const repo of OFFICEHOLDER_REPOS) {
    const dir = join(root, 'wikidata-officeholders-2022', repo.folder);
    const rows = parse(readFileSync(join(dir, 'positions.csv')), { columns: true, skip_empty_lines: true });
    const mapped = Object.values(OFFICES[repo.country] ?? {});
    for (const row of rows as Record<string, string>[]) {
      const qid = row.id ?? '';
      const title = (row.position ?? '').trim();
      if (!/^Q\d+$/.test(qid) || !title || labels.positions.has(qid)) continue;
      const office = mapped.find((o) => o.title === title);
      labels.positions.set(qid, { title, office: office?.key, country: repo.country });
    }
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { jurisdiction: { id: string } };
    labels.countries.set(meta.jurisdiction.id, repo.country);
  }
}

export function readSharedDatasets(dir: string): SharedDatasetsResult {
  const popolo = readPopolo(dir);
  const congress = readCongress(dir);
  const ukMps = readUkMps(dir, popolo.mps);
  const officeholders = readOfficeholders(dir);
  const labels = emptyLabels();
  positionLabels(dir, labels);
  for (const party of popolo.partyFragments) {
    const qid = party.ids[0];
    if (qid) labels.labels.set(qid, party.name);
  }
  const datasets = [CONGRESS, UK_MPS, OFFICEHOLDERS, POPOLO];
  return {
    fragments: [
      ...congress.fragments,
      ...ukMps.fragments,
      ...officeholders.fragments,
      ...popolo.personFragments,
      ...popolo.partyFragments,
      ...readJurisdictions(dir),
    ],
    givenNames: [...congress.givenNames, ...ukMps.givenNames, ...officeholders.givenNames],
    sources: datasets.map(sourceInfo),
    labels,
    newest:
      datasets
        .map((d) => d.snapshot)
        .sort()
        .at(-1) ?? '',
    notes: [`UK MPs joined to a 2017 Wikidata Q-id: ${ukMps.joined} of ${ukMps.fragments.length}`],
  };
}
