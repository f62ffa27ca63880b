/**
 * What the options page (and later the popup) shows for a source: the installed version and its record
 * count, when it was last checked and last succeeded, when it is checked next, the last error and the
 * progress of a sync under way. The background writes it after each step of a sync; these pure functions
 * compute each new state from the old one, so the rules live in one tested place.
 */
import { isDue, nextCheckAt } from './backoff';
import type { Validators } from './conditional-fetch';
import type { SyncProgress, SyncResult } from './sync-engine';
import type { SyncErrorDetail } from './sync-error';

export interface SyncSourceState {
  packId: string | null;
  version: string | null;
  /** Records in the installed version. */
  records: number | null;
  /** ISO times. */
  lastCheck: string | null;
  lastSuccess: string | null;
  nextCheck: string | null;
  /** Consecutive checks that failed in a way that may pass, or found the browser offline (for backoff). */
  failures: number;
  error: SyncErrorDetail | null;
  /** Set while a sync runs. */
  progress: SyncProgress | null;
  /** The index's validators from the last successful check, sent back to get a 304. */
  validators: Validators | null;
}

export const INITIAL_SOURCE_STATE: SyncSourceState = {
  packId: null,
  version: null,
  records: null,
  lastCheck: null,
  lastSuccess: null,
  nextCheck: null,
  failures: 0,
  error: null,
  progress: null,
  validators: null,
};

export interface ScheduleInput {
  /** Milliseconds since the epoch. */
  now: number;
  intervalMs: number;
  random: () => number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The state once a sync has ended with `result`. */
export function stateAfterSync(
  previous: SyncSourceState,
  result: SyncResult,
  { now, intervalMs, random }: ScheduleInput,
): SyncSourceState {
  const next = (failures: number, retryable: boolean) =>
    iso(nextCheckAt({ now, intervalMs, failures, retryable, random }));
  const base = { ...previous, progress: null };
  switch (result.status) {
    case 'updated':
      return {
        ...base,
        packId: result.packId,
        version: result.version,
        records: result.records,
        lastCheck: iso(now),
        lastSuccess: iso(now),
        nextCheck: next(0, false),
        failures: 0,
        error: null,
        validators: result.validators,
      };
    case 'unchanged':
      return {
        ...base,
        packId: result.packId ?? previous.packId,
        version: result.version ?? previous.version,
        lastCheck: iso(now),
        lastSuccess: iso(now),
        nextCheck: next(0, false),
        failures: 0,
        error: null,
        validators: result.validators ?? previous.validators,
      };
    case 'failed': {
      // A fault that waiting will not fix is not retried early; the regular check tries again.
      const failures = result.error.retryable ? previous.failures + 1 : 0;
      return {
        ...base,
        lastCheck: iso(now),
        nextCheck: next(failures, result.error.retryable),
        failures,
        error: result.error,
      };
    }
    case 'offline':
      // Nothing was asked of the source, so nothing is said about it; only the retry backs off.
      return { ...base, nextCheck: next(previous.failures + 1, true), failures: previous.failures + 1 };
  }
}

/** The state while a sync runs. */
export function stateWithProgress(previous: SyncSourceState, progress: SyncProgress): SyncSourceState {
  return { ...previous, progress };
}

/** The state after the user asks for a check now (the Retry and Sync now buttons). */
export function stateCheckRequested(previous: SyncSourceState, now: number): SyncSourceState {
  return { ...previous, nextCheck: iso(now) };
}

/** Whether the source should be checked at `now`. */
export function sourceIsDue(state: SyncSourceState, now: number): boolean {
  return isDue(state.nextCheck === null ? null : Date.parse(state.nextCheck), now);
}
