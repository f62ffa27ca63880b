/**
 * The one error a sync raises. It names the source, the file and the reason, so the options page can say
 * exactly what was refused ("https://packs.example.org/: full/v2/records.ndjson: sha256 differs from the
 * index"), and says whether trying again later could help (a 503 may pass; a bad signature will not).
 */

/** What the UI shows for a failed sync: plain data, safe to store and to send in a message. */
export interface SyncErrorDetail {
  /** The source's base URL. */
  source: string;
  /** The file, as a path relative to the source (`index.json`, `full/2026.07.01/records.ndjson`). */
  file: string;
  /** 1-based line of an NDJSON file, when one record was refused. */
  line?: number;
  reason: string;
  /** True for faults that may pass on their own (a network error, a 5xx): retried with backoff. */
  retryable: boolean;
}

export class SyncError extends Error {
  readonly source: string;
  readonly file: string;
  readonly line: number | undefined;
  readonly reason: string;
  readonly retryable: boolean;

  constructor(detail: SyncErrorDetail) {
    const where = detail.line === undefined ? detail.file : `${detail.file}:${detail.line}`;
    super(`${detail.source}: ${where}: ${detail.reason}`);
    this.name = 'SyncError';
    this.source = detail.source;
    this.file = detail.file;
    this.line = detail.line;
    this.reason = detail.reason;
    this.retryable = detail.retryable;
  }

  get detail(): SyncErrorDetail {
    const { source, file, line, reason, retryable } = this;
    return line === undefined
      ? { source, file, reason, retryable }
      : { source, file, line, reason, retryable };
  }
}

/** Where in a source a check runs: enough to build a SyncError. */
export interface SyncFileRef {
  source: string;
  file: string;
}

/** A SyncError that trying again will not fix (a bad file, a bad signature, a 4xx). */
export function fatal(ref: SyncFileRef, reason: string, line?: number): SyncError {
  return new SyncError({ ...ref, reason, retryable: false, ...(line === undefined ? {} : { line }) });
}

/** A SyncError that may pass later (the network, a 5xx, a store that is busy). */
export function retryable(ref: SyncFileRef, reason: string): SyncError {
  return new SyncError({ ...ref, reason, retryable: true });
}
