/** What `packs build` reads: each input is a kind (how to read it) and a path or URL. */

export const INPUT_KINDS = [
  'datasets',
  'curated',
  'seed',
  'wikidata',
  'wikidata-labels',
  'popolo',
  'claimreview',
  'article',
  'articles',
  'tombstones',
] as const;

export type InputKind = (typeof INPUT_KINDS)[number];

export interface PackInput {
  kind: InputKind;
  /** A file or folder path; for `article`, also an http(s) URL. */
  path: string;
}

export interface BuildRequest {
  out: string;
  inputs: PackInput[];
  id: string;
  title: string;
  /** Defaults to the created date plus the first 8 hex digits of the records' sha256. */
  version?: string;
  /** Defaults to the newest date the inputs declare; the clock is never read. */
  created?: string;
  /** Also write given-names.json (from the datasets' names and the Moby lists). */
  givenNames: boolean;
}
