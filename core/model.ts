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

/** A fact-checker's verdict on a claim (schema.org ClaimReview). The review page itself is the statement's source. */
export interface FactCheck {
  /** The verdict as the fact-checker published it: "False", "Mostly true", or "1/5" when only a number is given. */
  rating: string;
  /** ISO date the fact-check was published. */
  date?: string;
  /** Where the claim itself appeared (ClaimReview `itemReviewed.appearance`), when the review says. */
  claimUrl?: string;
}

/** A dated, sourced thing a person said. */
export interface Statement {
  id: string;
  speakerId: string;
  /**
   * The words, verbatim from the source. For a fact-checked claim this is the claim as the fact-checker
   * worded it (`claimReviewed`), which may be a summary: `factCheck` says so.
   */
  quote: string;
  /** ISO date the statement was made or published. */
  date: string;
  source: Source;
  /** Lower-case terms used to match statements to articles. */
  topics: string[];
  factCheck?: FactCheck;
  /** Where the record comes from: a pack (the default when absent) or a quote captured from the user's reading. */
  origin?: 'pack' | 'reading';
  /** For a quote captured from reading: the article it was read in. */
  capturedFrom?: { url: string; publisher: string; title: string };
}

/**
 * A published reference value that puts a figure in the news in context, e.g. a country's population or
 * GDP for a year.
 */
export interface ReferenceFigure {
  /** Stable id, e.g. "fig:Q145:P1082:2016". */
  id: string;
  /** What is measured, in words: "Population of United Kingdom". */
  measure: string;
  /** The entity the figure is about, when it is one (a Q-id or another entity id). */
  subjectId?: string;
  value: number;
  /** "people", or an ISO 4217 currency code such as "USD". */
  unit: string;
  /** The period the value refers to: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or `start/end` of two ISO dates. */
  period: string;
  source: Source;
}

/** The kinds of record a tombstone can withdraw. */
export type TombstoneTarget = 'entity' | 'statement' | 'figure';

/** Withdraws a record (from this or an earlier pack) when a pack is imported. */
export interface Tombstone {
  /** The id of the withdrawn record. */
  id: string;
  target: TombstoneTarget;
  /** ISO date the record was withdrawn. */
  date: string;
  /** Why, in words ("merged into Q6383803", "misattributed quote"). */
  reason: string;
  /** Where the correction is documented. */
  source: Source;
}

/** One record line of a pack's NDJSON file. */
export type PackRecord =
  | ({ type: 'entity' } & Entity)
  | ({ type: 'statement' } & Statement)
  | ({ type: 'figure' } & ReferenceFigure)
  | ({ type: 'tombstone' } & Tombstone);

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

/**
 * Pack format versions this code reads. Version 2 added figure and tombstone records and `factCheck` on
 * statements; a version 1 pack is a valid version 2 pack.
 */
export type PackFormatVersion = 1 | 2;

export interface PackManifest {
  formatVersion: PackFormatVersion;
  id: string;
  version: string;
  /** ISO date the pack was built (from its inputs, so rebuilds are byte-identical). */
  created: string;
  title: string;
  sources: PackSourceInfo[];
  files: PackFile[];
}
