/**
 * Entry points for `npm run bench:db`, installed on the service worker's global scope only in builds made
 * with BACKSTORY_BENCH=1 (see wxt.config.ts): production builds drop this module entirely.
 */
import type { DbStatus, LookupRequest } from '../../messaging/protocol';
import type { BackstoryDB } from '../../storage/db';
import { openPack } from '../../storage/pack-import';
import type { InstallCounts } from '../../storage/pack-rows';
import { readDbStatus } from '../../storage/status';
import type { ImportOptions, ImportQueue } from './import-queue';
import { answerLookup } from './lookup-handler';

export interface BenchHook {
  /**
   * Imports the pack served at `baseUrl` through the import queue: wall time from the manifest fetch to
   * activation, and the longest the worker's event loop was blocked meanwhile (a 10 ms timer's lateness).
   */
  importFrom(
    baseUrl: string,
    options?: ImportOptions,
  ): Promise<{ ms: number; records: number; counts: InstallCounts; maxBlockedMs: number }>;
  /** Times `runs` answers to the same lookup message, in milliseconds each. */
  timeLookups(request: LookupRequest, runs: number): Promise<number[]>;
  status(): Promise<DbStatus>;
}

export function installBenchHook(db: BackstoryDB, imports: ImportQueue): void {
  const hook: BenchHook = {
    async importFrom(baseUrl, options) {
      const started = performance.now();
      let records = 0;
      let maxBlockedMs = 0;
      let last = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        maxBlockedMs = Math.max(maxBlockedMs, now - last - 10);
        last = now;
      }, 10);
      try {
        const result = await imports.importPack(async () => {
          const pack = await openPack(baseUrl);
          records = pack.total;
          return pack;
        }, options);
        return { ms: performance.now() - started, records, counts: result.counts, maxBlockedMs };
      } finally {
        clearInterval(timer);
      }
    },
    async timeLookups(request, runs) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await answerLookup(db, request);
        times.push(performance.now() - started);
      }
      return times;
    },
    status: () => readDbStatus(db),
  };
  (globalThis as { backstoryBench?: BenchHook }).backstoryBench = hook;
}
