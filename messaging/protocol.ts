/**
 * The one message protocol between content scripts, the background and the popup, declared once.
 * Each map is `{ name: { params; result } }`; the typed client and the handler registry in
 * `messaging/channel.ts` enforce both ends against it.
 */
import type { Entity, EntityKind, Role, Statement } from '../core/model';

/** A matched entity as the page sees it: the record, its role on the article's date and its statements. */
export interface EntityContext {
  entity: Entity;
  /** The role held on the article's date (or today when the article has no date), if any. */
  roleOnDate: Role | null;
  /** The date the role was resolved for. */
  resolvedFor: string;
  /** Up to a few statements, newest first. */
  statements: Statement[];
  statementCount: number;
}

export interface LookupRequest {
  /** Normalised alias keys (see `normaliseName`), all mentions of one page pass in one request. */
  keys: string[];
  /** Lower-case first tokens of unknown capitalised names, checked against the given-name list. */
  givenNameCandidates: string[];
  /** The article's publication date (YYYY-MM-DD), used to pick roles. */
  articleDate: string | null;
  /** Office keys ("gb:prime-minister") whose holder on the article's date the page needs for role phrases. */
  offices: string[];
}

export interface LookupResponse {
  /** For each requested key that matched, the ids of entities carrying that alias. */
  matches: Record<string, string[]>;
  /** Context for every matched entity, by id. */
  entities: Record<string, EntityContext>;
  /** The subset of `givenNameCandidates` that are known given names. */
  givenNames: string[];
  /** For each requested office with exactly one holder on the date, the holder's entity id (in `entities`). */
  officeHolders?: Record<string, string>;
}

export interface PackStatus {
  id: string;
  title: string;
  version: string;
  installedAt: string;
  entities: number;
  statements: number;
}

/** A pack import in progress in the background: records written of the manifest's total. */
export interface ImportProgress {
  packId: string;
  title: string;
  done: number;
  total: number;
}

export interface DbStatus {
  packs: PackStatus[];
  entities: number;
  statements: number;
  aliases: number;
  lastUpdated: string | null;
  /** The import running now, if any (the popup shows it as a progress bar). */
  importing?: ImportProgress | null;
  /** Whether the browser granted persistent storage (the database is then not evicted under pressure). */
  persisted?: boolean;
}

export interface SummaryEntity {
  id: string;
  kind: EntityKind;
  name: string;
  known: boolean;
  mentions: number;
  role: string | null;
}

export interface SummaryFigure {
  key: string;
  text: string;
  display: string;
  occurrences: number;
}

export interface SummaryStatement {
  speaker: string;
  speakerId: string;
  statement: Statement;
}

/** A title the article gives a known person that the database contradicts on the article's date. */
export interface SummaryConflict {
  entityId: string;
  name: string;
  /** The article's words ("Russia defence minister"). */
  stated: string;
  /** The role the database has on that date, with its source. */
  held: Role;
}

export interface ArticleSummary {
  url: string;
  title: string;
  articleDate: string | null;
  entities: SummaryEntity[];
  figures: SummaryFigure[];
  statements: SummaryStatement[];
  conflicts: SummaryConflict[];
}

/** Requests answered by the background service worker (which owns the database). */
export interface BackgroundProtocol {
  lookup: { params: LookupRequest; result: LookupResponse };
  dbStatus: { params: null; result: DbStatus };
}

/** Requests answered by the content script of a tab (asked by the popup). */
export interface ContentProtocol {
  articleSummary: { params: null; result: ArticleSummary | null };
}

export type MessageName<P> = keyof P & string;
export type Params<P, K extends keyof P> = P[K] extends { params: infer X } ? X : never;
export type Result<P, K extends keyof P> = P[K] extends { result: infer X } ? X : never;

/** The envelope on the wire. `channel` keeps our messages apart from any other sender's. */
export interface Envelope<P, K extends keyof P = keyof P> {
  channel: 'backstory';
  name: K;
  params: Params<P, K>;
}
