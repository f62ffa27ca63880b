/**
 * What the starter pack is built from: each input dataset's folder (relative to the shared data root),
 * snapshot date, licence and attribution, as documented in shared/datasets/README.md.
 * The snapshot dates drive the pack's version, so a rebuild from the same inputs is byte-identical.
 */
import type { PackSourceInfo } from '../../core/model';

export interface DatasetInfo extends PackSourceInfo {
  /** Short dataset label used in `Source.dataset`. */
  label: string;
  /** ISO date of the snapshot (newest commit date of its files). */
  snapshot: string;
}

export const CC0 = 'CC0-1.0';
export const OPL = 'OPL-3.0';

export const CONGRESS: DatasetInfo = {
  label: 'unitedstates/congress-legislators',
  name: 'unitedstates/congress-legislators (commit dfa96222, 2026-06-15)',
  url: 'https://github.com/unitedstates/congress-legislators',
  licence: CC0,
  attribution:
    'Dedicated to the public domain under CC0 1.0 Universal; from github.com/unitedstates/congress-legislators.',
  snapshot: '2026-06-15',
};

export const UK_MPS: DatasetInfo = {
  label: 'dfe-analytical-services/mp-lookup',
  name: 'UK MPs (dfe-analytical-services/mp-lookup, commit 793ea661, 2026-06-27) and House of Commons Library 2024 general election candidate results',
  url: 'https://github.com/dfe-analytical-services/mp-lookup',
  licence: OPL,
  attribution: 'Contains Parliamentary information licensed under the Open Parliament Licence v3.0.',
  snapshot: '2026-06-27',
};

export const POPOLO: DatasetInfo = {
  label: 'everypolitician/proto-commons-united-kingdom',
  name: 'EveryPolitician UK House of Commons 2017 Popolo (Wikidata; commit 320daac5, 2018-12-13)',
  url: 'https://github.com/everypolitician/proto-commons-united-kingdom',
  licence: CC0,
  attribution: 'Data from Wikidata (CC0), via EveryPolitician.',
  snapshot: '2018-12-13',
};

/** The officeholder repositories, one per country, with each snapshot's date. */
export const OFFICEHOLDER_REPOS = [
  { folder: 'france-cabinet', country: 'fr', countryName: 'France', snapshot: '2022-07-23' },
  { folder: 'israel-ministers', country: 'il', countryName: 'Israel', snapshot: '2022-07-30' },
  { folder: 'russia-cabinet', country: 'ru', countryName: 'Russia', snapshot: '2022-08-03' },
  { folder: 'ukraine-cabinet', country: 'ua', countryName: 'Ukraine', snapshot: '2022-07-23' },
  {
    folder: 'united-kingdom-cabinet',
    country: 'gb',
    countryName: 'United Kingdom',
    snapshot: '2022-07-23',
  },
  { folder: 'us-cabinet', country: 'us', countryName: 'United States', snapshot: '2022-08-03' },
] as const;

export type OfficeholderRepo = (typeof OFFICEHOLDER_REPOS)[number];

export const OFFICEHOLDERS: DatasetInfo = {
  label: 'every-politician-scrapers',
  name: 'Wikidata officeholders (every-politician-scrapers: united-kingdom-cabinet, us-cabinet, russia-cabinet, ukraine-cabinet, france-cabinet, israel-ministers; July/Aug 2022)',
  url: 'https://github.com/every-politician-scrapers',
  licence: CC0,
  attribution: 'Data from Wikidata (CC0), via every-politician-scrapers.',
  snapshot: '2022-08-03',
};

/** The hand-curated offices; its snapshot is the latest date a record states (a start on 2025-10-21). */
export const CURATED: DatasetInfo = {
  label: 'backstory packs/curated/offices-2024-2025.json',
  name: 'Backstory hand-curated offices after the 2022 snapshot, to October 2025 (ten countries; an encyclopedia article and an official government page cited per record)',
  licence: CC0,
  attribution:
    'Hand-curated by the Backstory project; each record cites the person’s Wikidata item or English Wikipedia article and an official government page.',
  snapshot: '2025-10-21',
};

export const SEED: DatasetInfo = {
  label: 'shared/seed/independent-2025-02-26.txt',
  name: 'The Independent, 26 February 2025 (PA news agency copy): short attributed quotations',
  licence: 'Quotation with attribution (publisher copyright)',
  attribution: 'Quotations © The Independent / PA Media, quoted with attribution.',
  snapshot: '2025-02-26',
};

export const ALL_DATASETS: readonly DatasetInfo[] = [CONGRESS, UK_MPS, OFFICEHOLDERS, POPOLO, CURATED, SEED];

/** Wikidata item URL for a Q-id. */
export function wikidataUrl(qid: string): string {
  return `https://www.wikidata.org/wiki/${qid}`;
}

export function isQid(id: string | undefined): id is string {
  return typeof id === 'string' && /^Q[1-9]\d*$/.test(id);
}
