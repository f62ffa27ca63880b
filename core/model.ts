/**
 * The data model shared by the pack builder, the database and the UI.
 * Pure types: no DOM, no browser APIs, so Node (tests, CLI) and every extension context can import it.
 */

export type EntityKind = 'person' | 'organization' | 'place';

/**
 * Where a record comes from. Every entity, role, statement and figure carries one: a reader must be able
 * to check it. Either a `url`, or a `dataset` plus the `record` id inside it (or both).
 */
export interface Source {
  /** A public URL a reader can open (http or https only). */
  url?: string;
  /** A named dataset, e.g. "unitedstates/congress-legislators executive.yaml". */
  dataset?: string;
  /** The record's id inside the dataset (a bioguide id, a Q-id, a CSV row key, a paragraph number). */
  record?: string;
  /** Publisher of an article, e.g. "The Independent". */
  publisher?: string;
  /** Licence of the dataset or page the record was taken from, e.g. "CC0-1.0". */
  licence?: string;
}

/** An office held between two dates. Dates are ISO `YYYY-MM-DD`; a missing `to` means open-ended. */
export interface Role {
  /** Human title, e.g. "Prime Minister of the United Kingdom". */
  title: string;
  /** Stable office key for role-phrase resolution, e.g. "gb:prime-minister". */
  office?: string;
  /** ISO 3166-1 alpha-2 country the office belongs to. */
  country?: string;
  from?: string;
  to?: string;
  /** For open-ended roles: the date the source last confirmed the holder was still in office. */
  asOf?: string;
  source: Source;
}

export interface Entity {
  /** Stable id, a Wikidata Q-id where one is known (e.g. "Q6383803"), otherwise "<dataset>:<id>". */
  id: string;
  kind: EntityKind;
  name: string;
  /** Surface forms, as written (not normalised). The alias index stores their normalised form. */
  aliases: string[];
  description?: string;
  roles: Role[];
  country?: string;
  party?: string;
  externalIds?: Record<string, string>;
  sources: Source[];
}

/** A dated, sourced thing a person said. */
export interface Statement {
  id: string;
  speakerId: string;
  quote: string;
  /** ISO date the statement was made or published. */
  date: string;
  source: Source;
  /** Lower-case terms used to match statements to articles. */
  topics: string[];
}

/** One record line of a pack's NDJSON file. */
export type PackRecord = ({ type: 'entity' } & Entity) | ({ type: 'statement' } & Statement);

export interface PackFile {
  path: string;
  sha256: string;
  bytes: number;
  records: number;
}

export interface PackSourceInfo {
  name: string;
  url?: string;
  licence: string;
  attribution?: string;
}

export interface PackManifest {
  formatVersion: 1;
  id: string;
  version: string;
  /** ISO date the pack was built (from its inputs, so rebuilds are byte-identical). */
  created: string;
  title: string;
  sources: PackSourceInfo[];
  files: PackFile[];
}
