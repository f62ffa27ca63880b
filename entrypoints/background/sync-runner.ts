/**
 * Runs the sync of due sources, one source at a time, each inside the import queue so a sync never
 * overlaps a pack import. A source is due when its next check has come, when the user asked for a check
 * that has not run yet, or when a caller forces it (Sync now). Each step of a sync is written to the
 * source's state in `browser.storage.local`, which the popup and the options page read.
 */
import browser from 'webextension-polyfill';
import type { FetchLike } from '../../core/sync/conditional-fetch';
import {
  INITIAL_SOURCE_STATE,
  type SyncSourceState,
  sourceIsDue,
  stateAfterSync,
  stateWithProgress,
} from '../../core/sync/source-state';
import { type SyncProgress, type SyncResult, syncSource } from '../../core/sync/sync-engine';
import type { SyncStatus } from '../../messaging/protocol';
import {
  checkPending,
  checkRequestsItem,
  type SyncSource,
  syncSettingsItem,
  syncSourcesItem,
  syncStatesItem,
  writeSourceState,
} from '../../settings/sync-sources';
import type { BackstoryDB } from '../../storage/db';
import { SyncPackStore } from '../../storage/sync-pack-store';
import type { ImportQueue } from './import-queue';

/** Progress is written to storage at most this often (each write wakes every open options page). */
const PROGRESS_WRITE_MS = 250;

/** Sources to check whatever their schedule: some URLs, or every enabled source. */
export type Forced = ReadonlySet<string> | 'all';

export interface SyncRunnerDeps {
  fetch: FetchLike;
  isOnline: () => boolean;
  now?: () => number;
  random?: () => number;
}

export class SyncRunner {
  private tail: Promise<void> = Promise.resolve();
  private readonly store: SyncPackStore;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(
    private readonly db: BackstoryDB,
    private readonly imports: ImportQueue,
    private readonly deps: SyncRunnerDeps,
  ) {
    this.store = new SyncPackStore(db);
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
  }

  /** Checks every due (or forced) enabled source, after the runs already queued; resolves when done. */
  runDue(forced: Forced = new Set()): Promise<void> {
    const run = this.tail.then(() => this.runOnce(forced));
    this.tail = run.catch((error: unknown) => console.error('[backstory] sync failed', error));
    return run;
  }

  /** The sources with their states, for the popup and the options page. */
  async status(): Promise<SyncStatus> {
    const [sources, states] = await Promise.all([syncSourcesItem.getValue(), syncStatesItem.getValue()]);
    return {
      online: this.deps.isOnline(),
      sources: sources.map((source) => ({
        ...stateFor(states, source),
        url: source.url,
        enabled: source.enabled,
      })),
    };
  }

  /**
   * After a start: a state still showing progress belongs to a sync a stopped worker did not finish. Its
   * stage is garbage (collected at start-up), so the source is made due at once, to run again from the
   * beginning.
   */
  async resumeInterrupted(): Promise<void> {
    const states = await syncStatesItem.getValue();
    const now = new Date(this.now()).toISOString();
    const interrupted = Object.entries(states).filter(([, state]) => state.progress !== null);
    for (const [url] of interrupted)
      await writeSourceState(url, (state) => ({ ...state, progress: null, nextCheck: now }));
  }

  /**
   * When the interval changes, each source's next regular check moves to its last check plus the new
   * interval (an early retry after a failure keeps its time).
   */
  async reschedule(): Promise<void> {
    const { checkIntervalMs } = await syncSettingsItem.getValue();
    const states = await syncStatesItem.getValue();
    for (const [url, state] of Object.entries(states)) {
      if (state.failures > 0 || !state.lastCheck) continue;
      const nextCheck = new Date(Date.parse(state.lastCheck) + checkIntervalMs).toISOString();
      if (nextCheck !== state.nextCheck) await writeSourceState(url, (s) => ({ ...s, nextCheck }));
    }
  }

  /** The earliest next check of an enabled source (now for one never checked), or null with none. */
  async nextDue(): Promise<number | null> {
    const [sources, states] = await Promise.all([syncSourcesItem.getValue(), syncStatesItem.getValue()]);
    const times = sources
      .filter((s) => s.enabled)
      .map((s) => {
        const next = states[s.url]?.nextCheck;
        return next ? Date.parse(next) : this.now();
      });
    return times.length ? Math.min(...times) : null;
  }

  private async runOnce(forced: Forced): Promise<void> {
    const [sources, states, requests] = await Promise.all([
      syncSourcesItem.getValue(),
      syncStatesItem.getValue(),
      checkRequestsItem.getValue(),
    ]);
    const due = sources.filter(
      (source) =>
        source.enabled &&
        (forced === 'all' ||
          forced.has(source.url) ||
          checkPending(requests[source.url], states[source.url]) ||
          sourceIsDue(stateFor(states, source), this.now())),
    );
    for (const source of due) await this.imports.exclusive(() => this.syncOne(source));
  }

  private async syncOne(source: SyncSource): Promise<void> {
    const { checkIntervalMs } = await syncSettingsItem.getValue();
    const previous = stateFor(await syncStatesItem.getValue(), source);
    const progress = this.progressWriter(source.url);
    // Chrome stops a worker that has made no extension API call for 30 s, even mid-download; any call
    // resets that timer. https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle
    const keepAlive = setInterval(
      () => void browser.runtime.getPlatformInfo().catch(() => undefined),
      20_000,
    );
    let result: SyncResult;
    try {
      result = await syncSource(
        {
          url: source.url,
          publicKey: source.publicKey,
          previous: { packId: previous.packId, version: previous.version, validators: previous.validators },
        },
        {
          fetch: this.deps.fetch,
          isOnline: this.deps.isOnline,
          store: this.store,
          onProgress: progress.report,
        },
      );
    } finally {
      clearInterval(keepAlive);
    }
    await progress.settled();
    const records = await this.installedRecords(result);
    await writeSourceState(source.url, () => {
      const next = stateAfterSync(previous, result, {
        now: this.now(),
        intervalMs: checkIntervalMs,
        random: this.random,
      });
      return records === null ? next : { ...next, records };
    });
  }

  /** The record count of the installed version after an unchanged check (the engine reports none). */
  private async installedRecords(result: SyncResult): Promise<number | null> {
    if (result.status !== 'unchanged' || !result.packId) return null;
    const pack = await this.db.packs.get(result.packId);
    if (!pack || pack.version !== result.version) return null;
    return pack.entities + pack.statements + (pack.figures ?? 0);
  }

  /** Writes progress in order, at most every PROGRESS_WRITE_MS, and always on a change of phase. */
  private progressWriter(url: string) {
    let chain: Promise<unknown> = Promise.resolve();
    let lastWrite = 0;
    let lastPhase: SyncProgress['phase'] | null = null;
    return {
      report: (progress: SyncProgress) => {
        const now = this.now();
        if (progress.phase === lastPhase && now - lastWrite < PROGRESS_WRITE_MS) return;
        lastWrite = now;
        lastPhase = progress.phase;
        chain = chain
          .then(() => writeSourceState(url, (state) => stateWithProgress(state, progress)))
          .catch(() => undefined);
      },
      settled: () => chain,
    };
  }
}

function stateOf(states: Record<string, SyncSourceState>, url: string): SyncSourceState {
  return states[url] ?? INITIAL_SOURCE_STATE;
}

/**
 * The state of a source as it is now listed. A state from before the source was (re-)added belongs to
 * an earlier listing, perhaps with another pinned key: the source starts afresh, due at once, and its
 * old validators are not sent, so a newly pinned key checks the index even if it has not changed.
 */
function stateFor(states: Record<string, SyncSourceState>, source: SyncSource): SyncSourceState {
  const state = stateOf(states, source.url);
  if (state.lastCheck !== null && state.lastCheck < source.addedAt) return INITIAL_SOURCE_STATE;
  return state;
}
