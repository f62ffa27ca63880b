/**
 * `npm run bench:db [-- --sizes 10000,100000 --runs 30]`: the entity database at scale. For each size
 * (alias index entries: 10k, 100k and 1M by default) it builds a pack from a synthetic Wikidata dump with
 * the pack builder, serves it on 127.0.0.1, and in Chromium with a fresh profile and a BACKSTORY_BENCH=1
 * build of the extension (.output-bench) measures:
 *
 * - import: the service worker streams the pack from the server into the database (wall time from the
 *   manifest fetch to activation), while an extension page asks `dbStatus` every 100 ms over the real
 *   message channel (the popup's question) to show the worker keeps answering;
 * - lookup: one page pass of 500 keys (half hits, half misses), answered `--runs` times by the same
 *   function the `lookup` message calls, timed inside the worker, once the database has settled
 *   (`--settle` seconds after the import); median and p95;
 * - content-script memory: the JS heap of a tab after Backstory's pass over the demo article, with only
 *   the starter pack installed and then with the benchmark pack too.
 *
 * Prints one table and writes bench/db-results.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { LookupRequest } from '../messaging/protocol';
import { DEMO_DIR, launchExtension, REPO_ROOT } from '../tests/e2e/support/extension';
import { startStaticServer } from '../tests/e2e/support/static-server';
import { type BenchPack, ensureBenchPack, lookupKeysFor } from './lib/bench-db/bench-pack';
import {
  importFrom,
  pollStatusDuringImport,
  status,
  tabHeapAfterPass,
  timeLookups,
  waitForStarter,
} from './lib/bench-db/extension-probe';
import { formatTable, median, quantile } from './lib/bench-db/stats';

const OUT_DIR = '.output-bench';
const LOOKUP_KEYS = 500;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const sizes = (option('sizes') ?? '10000,100000,1000000').split(',').map((s) => Number(s.trim()));
const runs = Number(option('runs') ?? 30);
const settleSeconds = Number(option('settle') ?? 10);
if (sizes.some((s) => !Number.isInteger(s) || s <= 0) || !Number.isInteger(runs) || runs <= 0) {
  console.error('usage: bench-db.ts [--sizes 10000,100000,1000000] [--runs 30] [--settle 10] [--no-build]');
  process.exit(2);
}

interface LookupTimes {
  median: number;
  p95: number;
  runs: number;
  keys: number;
}

interface SizeResult {
  aliasesNominal: number;
  entities: number;
  aliases: number;
  records: number;
  packBytes: number;
  importSeconds: number;
  recordsPerSecond: number;
  aliasesPerSecond: number;
  statusRoundTripMs: { median: number; p95: number; max: number; samples: number };
  /** The longest the worker's event loop was blocked during the import. */
  maxBlockedMs: number;
  progressReports: number;
  /** 500 keys, half hits: by full name, or half of the hits by a surname ~10 people share. */
  lookupMs: { fullNames: LookupTimes; withSurnames: LookupTimes; rightAfterImport: number };
  contentScriptHeapMB: { starterOnly: number; withPack: number; delta: number };
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const ms = (value: number) => Math.round(value * 100) / 100;

function buildBenchExtension(): void {
  console.log(`building the extension with BACKSTORY_BENCH=1 into ${OUT_DIR}…`);
  const result = spawnSync('npx', ['wxt', 'build'], {
    cwd: REPO_ROOT,
    env: { ...process.env, BACKSTORY_BENCH: '1', BACKSTORY_OUT_DIR: OUT_DIR },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('wxt build failed');
}

function lookupRequest(pack: BenchPack, surnames: boolean): LookupRequest {
  const keys = lookupKeysFor(pack, LOOKUP_KEYS, surnames);
  return { keys, givenNameCandidates: [], articleDate: '2025-01-01', offices: [] };
}

async function measureSize(aliasesNominal: number, pack: BenchPack): Promise<SizeResult> {
  const packServer = await startStaticServer({
    root: pack.dir,
    headers: { 'Access-Control-Allow-Origin': '*' },
  });
  const pageServer = await startStaticServer({ root: DEMO_DIR });
  const ext = await launchExtension({ extensionDir: join(REPO_ROOT, OUT_DIR, 'chrome-mv3') });
  try {
    const worker = ext.serviceWorker;
    await waitForStarter(worker);
    const article = `${pageServer.url}/article.html`;
    const heapBefore = await tabHeapAfterPass(ext.context, article);

    const extensionPage = await ext.context.newPage();
    await extensionPage.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    const polling = pollStatusDuringImport(extensionPage, 100);
    const imported = await importFrom(worker, `${packServer.url}/`);
    const { roundTrips, progressSeen } = await polling;
    await extensionPage.close();

    const after = await status(worker);
    const bench = after.packs.find((p) => p.id === 'bench');
    if (!bench) throw new Error('the benchmark pack is not installed after the import');

    // Right after a large import the database is still compacting its files in the background; page
    // lookups are measured once it has settled, as a reader browsing later would see them. The median
    // of a first round right away is kept in the results too.
    const fresh = await timeLookups(worker, lookupRequest(pack, false), 10);
    await new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000));
    const lookup = async (surnames: boolean) => {
      const request = lookupRequest(pack, surnames);
      await timeLookups(worker, request, 3); // warm-up: first reads of these keys' index pages
      const times = await timeLookups(worker, request, runs);
      return { median: ms(median(times)), p95: ms(quantile(times, 0.95)), runs, keys: request.keys.length };
    };
    const lookupNames = await lookup(false);
    const lookupSurnames = await lookup(true);
    const heapAfter = await tabHeapAfterPass(ext.context, article);

    const seconds = imported.ms / 1000;
    return {
      aliasesNominal,
      entities: imported.counts.entities,
      aliases: imported.counts.aliases,
      records: imported.records,
      packBytes: await packBytes(pack),
      importSeconds: Math.round(seconds * 100) / 100,
      recordsPerSecond: Math.round(imported.records / seconds),
      aliasesPerSecond: Math.round(imported.counts.aliases / seconds),
      statusRoundTripMs: {
        median: ms(median(roundTrips)),
        p95: ms(quantile(roundTrips, 0.95)),
        max: ms(Math.max(...roundTrips)),
        samples: roundTrips.length,
      },
      progressReports: new Set(progressSeen).size,
      maxBlockedMs: Math.round(imported.maxBlockedMs),
      lookupMs: { fullNames: lookupNames, withSurnames: lookupSurnames, rightAfterImport: ms(median(fresh)) },
      contentScriptHeapMB: {
        starterOnly: mb(heapBefore),
        withPack: mb(heapAfter),
        delta: mb(heapAfter - heapBefore),
      },
    };
  } finally {
    await ext.close();
    await packServer.close();
    await pageServer.close();
  }
}

async function packBytes(pack: BenchPack): Promise<number> {
  const manifest = JSON.parse(await readFile(join(pack.dir, 'manifest.json'), 'utf8')) as {
    files: { bytes: number }[];
  };
  return manifest.files.reduce((n, f) => n + f.bytes, 0);
}

function printTable(results: readonly SizeResult[]): void {
  const header = [
    'aliases',
    'entities',
    'pack MB',
    'import s',
    'records/s',
    'aliases/s',
    'status ms p95/max',
    'lookup ms names',
    'p95',
    'names+surnames',
    'p95',
    'CS heap MB starter',
    'with pack',
    'delta',
  ];
  const rows = results.map((r) => [
    r.aliases.toLocaleString('en'),
    r.entities.toLocaleString('en'),
    mb(r.packBytes).toFixed(1),
    r.importSeconds.toFixed(1),
    r.recordsPerSecond.toLocaleString('en'),
    r.aliasesPerSecond.toLocaleString('en'),
    `${r.statusRoundTripMs.p95.toFixed(0)}/${r.statusRoundTripMs.max.toFixed(0)}`,
    r.lookupMs.fullNames.median.toFixed(1),
    r.lookupMs.fullNames.p95.toFixed(1),
    r.lookupMs.withSurnames.median.toFixed(1),
    r.lookupMs.withSurnames.p95.toFixed(1),
    r.contentScriptHeapMB.starterOnly.toFixed(1),
    r.contentScriptHeapMB.withPack.toFixed(1),
    `${r.contentScriptHeapMB.delta >= 0 ? '+' : ''}${r.contentScriptHeapMB.delta.toFixed(1)}`,
  ]);
  console.log(formatTable(header, rows));
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) buildBenchExtension();
  const results: SizeResult[] = [];
  for (const size of sizes) {
    console.log(`size ${size.toLocaleString('en')} aliases:`);
    const pack = await ensureBenchPack(size, (line) => console.log(line));
    const result = await measureSize(size, pack);
    console.log(
      `  imported ${result.records.toLocaleString('en')} records in ${result.importSeconds} s; lookup median ${result.lookupMs.fullNames.median} ms`,
    );
    results.push(result);
  }
  printTable(results);
  mkdirSync(join(REPO_ROOT, 'bench'), { recursive: true });
  const file = join(REPO_ROOT, 'bench', 'db-results.json');
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
  writeFileSync(
    file,
    `${JSON.stringify({ command: 'npm run bench:db', machine, runs, results }, null, 2)}\n`,
  );
  console.log(`wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
