/**
 * The one message protocol between content scripts, the background and the popup, declared once.
 * Each map is `{ name: { params; result } }`; the typed client and the handler registry in
 * `messaging/channel.ts` enforce both ends against it.
 */
import type { Entity, EntityKind, ReferenceFigure, Role, Statement } from '../core/model';
import type { SyncSourceState } from '../core/sync/source-state';
import type { CapturedQuote } from '../core/user-data/captured-quote';
import type { UserDataFile, UserDataImportResult } from '../core/user-data/user-data-format';

/** A matched entity as the page sees it: the record, its role on the article's date and its statements. */
export interface EntityContext {
  entity: Entity;
  /** The role held on the article's date (or today when the article has no date), if any. */
  roleOnDate: Role | null;
  /** The date the role was resolved for. */
  resolvedFor: string;
  /** The person's statements, newest first (up to a generous cap): the page ranks them against its text. */
  statements: Statement[];
  statementCount: number;
  /** Reference figures about the entity (a country's population or GDP), newest period first. */
  figures?: ReferenceFigure[];
  /**
   * The statements ranked against the article, best first. Set by the page after the lookup (the article
   * text never leaves the page), never sent by the background.
   */
  relevance?: StatementRelevance[];
  /** The user's own note on the entity, if any (kept apart from packs, so no update removes it). */
  note?: { text: string; updatedAt: string } | null;
}

/** Statement ranking (core/ranking/statement-ranker.ts): one statement's relevance to the article. */
export interface StatementRelevance {
  /** The statement's id (in `EntityContext.statements`). */
  id: string;
  score: number;
  /** The terms it shares with the article, strongest first: why it is shown. */
  why: string[];
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
  /** The page's URL: quotes captured from this page are not shown on it as earlier statements. */
  pageUrl?: string;
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
  /** The last storage failure (a failed upgrade or open, or a write refused for lack of space), if any. */
  error?: StorageErrorReport | null;
}

/** Storage health: why the database could not be opened, upgraded or written. */
export type StorageErrorKind = 'upgrade' | 'open' | 'quota';

export interface StorageErrorReport {
  kind: StorageErrorKind;
  /** The browser's or Dexie's own words, clipped. */
  message: string;
  /** When it happened (ISO 8601). */
  at: string;
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
  /** What the article says around the figure (core/article/figure-brief.ts), when it says anything. */
  context?: SummaryFigureContext | null;
}

/** A person who gave a figure: their name, and the article's words for them ("the Prime Minister"). */
export interface BriefSpeaker {
  name: string;
  as: string | null;
}

/** A figure's context in the popup brief: the figure card's reading, in short strings. */
export interface SummaryFigureContext {
  /** Who gave the figure, if the article says. */
  speaker: BriefSpeaker | null;
  /** The figure's strongest topic terms. */
  topic: string[];
  /** Other figures the article gives for the same topic, as written, with who gave each. */
  sameTopic: { text: string; speaker: BriefSpeaker | null }[];
  /** True when one of those has a different value (stated, not judged). */
  discrepancy: boolean;
}

export interface SummaryStatement {
  speaker: string;
  speakerId: string;
  statement: Statement;
  /** Relevance to the article (BM25, see core/ranking/statement-ranker.ts); higher first. */
  score?: number;
  /** The terms the statement shares with the article: why it is shown. */
  why?: string[];
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
  /** The attributed quotes this page sent for capture as its speakers' statements (when capture is on). */
  captured?: SummaryCapturedQuote[];
}

/** User data (notes, captured quotes, export and import): the messages' types. */

/** The note as saved; null when the text was empty and the note was deleted instead. */
export type NoteSaved = { text: string; updatedAt: string } | null;

/** The attributed quotes of one article whose speaker is a known entity, sent when the page is read. */
export interface QuoteCapture {
  /** The article's URL (its fragment is dropped before storing). */
  url: string;
  title: string;
  /** `og:site_name`, else the host name. */
  publisher: string;
  /** The article's publication date (YYYY-MM-DD), or null when the page gives none. */
  articleDate: string | null;
  quotes: { speakerId: string; speakerName: string; text: string }[];
}

/** A stored captured quote, as the review list shows it. */
export type { CapturedQuote };

/** Sync (sources of pack updates): the messages' types. */

/** One sync source as the popup and the options page show it: the source, then its last-written state. */
export interface SyncSourceStatus extends SyncSourceState {
  url: string;
  enabled: boolean;
}

export interface SyncStatus {
  sources: SyncSourceStatus[];
  /** `navigator.onLine` in the background: while false, no source is asked anything. */
  online: boolean;
}

/** Popup brief and reader controls: the messages' types. */

/** A quote the page sent for capture, as the popup brief lists it. */
export interface SummaryCapturedQuote {
  speakerId: string;
  speakerName: string;
  text: string;
}

/** What the popup asks the page to reveal: an entity by id, or a figure by its key. */
export type MentionTarget = import('../core/article/mention-order').MentionTarget;

export interface ReaderSite {
  /** The page's host name, or null where Backstory has no site to pause (not http or https). */
  site: string | null;
  paused: boolean;
}

/** Requests answered by the background service worker (which owns the database). */
export interface BackgroundProtocol {
  lookup: { params: LookupRequest; result: LookupResponse };
  dbStatus: { params: null; result: DbStatus };
  /** Checks one source (or every enabled one) now; resolves when the check has ended. */
  syncNow: { params: { url?: string }; result: SyncStatus };
  syncStatus: { params: null; result: SyncStatus };
  saveNote: { params: { entityId: string; text: string }; result: NoteSaved };
  deleteNote: { params: { entityId: string }; result: null };
  captureQuotes: { params: QuoteCapture; result: { stored: number } };
  listCapturedQuotes: { params: null; result: CapturedQuote[] };
  deleteCapturedQuote: { params: { id: string }; result: null };
  exportUserData: { params: null; result: UserDataFile };
  importUserData: { params: { file: unknown }; result: UserDataImportResult };
}

/** Requests answered by the content script of a tab (asked by the popup). */
export interface ContentProtocol {
  articleSummary: { params: null; result: ArticleSummary | null };
  /** Scrolls to the first mention of an entity or figure, focuses it and opens its card; false when none. */
  revealMention: { params: MentionTarget; result: boolean };
  /** The page's site as the pause list keys it, and whether Backstory is paused there. */
  readerSite: { params: null; result: ReaderSite };
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
