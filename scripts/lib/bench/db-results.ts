/**
 * The database figures of `npm run bench:db` (scripts/bench-db.ts), read from bench/db-results.json when
 * that benchmark has run on this machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { DbRow } from './table';

interface DbResultsFile {
  results: {
    aliases: number;
    importSeconds: number;
    lookupMs: { fullNames: { median: number; p95: number } };
    contentScriptHeapMB: { delta: number };
  }[];
}

/** The rows, or null when the file is missing or not in the expected shape. */
export function readDbRows(path: string): DbRow[] | null {
  if (!existsSync(path)) return null;
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as DbResultsFile;
    return file.results.map((r) => ({
      aliases: r.aliases,
      importSeconds: r.importSeconds,
      lookupMedianMs: r.lookupMs.fullNames.median,
      lookupP95Ms: r.lookupMs.fullNames.p95,
      heapDeltaMB: r.contentScriptHeapMB.delta,
    }));
  } catch {
    return null;
  }
}

/** The tab-heap growth of the largest database measured, when it holds a million aliases or more. */
export function heapGrowthAtMillion(rows: readonly DbRow[] | null): number | null {
  const largest = [...(rows ?? [])].sort((a, b) => b.aliases - a.aliases)[0];
  return largest && largest.aliases >= 1_000_000 ? largest.heapDeltaMB : null;
}
