/**
 * `npm run bench [-- --runs N --quick --check]`: how much Backstory costs a reader, measured in Debian's
 * Chromium on the seed article, the ../shared corpus and generated news pages of 10k, 50k and 200k words,
 * side by side with the floor (a bare TreeWalker reading every text node of the same page) and the peer
 * (compromise's people, money and percentages on the same text), in the same page load. Figures are
 * medians over runs (5 by default); ratios are taken run by run, then their median.
 *
 * The build in BACKSTORY_OUT_DIR (default .output) is measured for bundle sizes and heap; a
 * BACKSTORY_BENCH=1 build of the same source, in BACKSTORY_BENCH_OUT_DIR (default `<out dir>-timing`),
 * for timing, since only that build's content script records its main-thread slices.
 *
 * - `--quick`: the seed, two corpus pages and the 50k-word page, 3 runs (for CI).
 * - `--check`: exit 1 when a budget (scripts/lib/bench/budgets.ts) is broken and has no waiver, naming it;
 *   a broken budget with a waiver is printed as WAIVED with its figure and the waiver's reason.
 * - `--pages a,b`: only these pages; `--no-peer`: skip compromise; `--no-build`: reuse the timing build;
 *   `--json FILE`: where to write the results (default bench/results.json, none in quick mode).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { launchExtension, launchPlainBrowser, REPO_ROOT } from '../tests/e2e/support/extension';
import { startStaticServer } from '../tests/e2e/support/static-server';
import { brokenBudgets, checkBudgets, waivedBudgets } from './lib/bench/budgets';
import { bundleSizes } from './lib/bench/bundle-sizes';
import { heapGrowthAtMillion, readDbRows } from './lib/bench/db-results';
import { type Browsers, heapRun, timingRun, warmUp } from './lib/bench/measure';
import { benchPages } from './lib/bench/pages';
import { type HeapSample, type PageResult, type RunSample, summarisePage } from './lib/bench/results';
import { budgetTable, bundleTable, dbTable, pagesTable, phasesTable } from './lib/bench/table';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const quick = args.includes('--quick');
const runs = Number(option('runs') ?? (quick ? 3 : 5));
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: bench.ts [--runs N] [--quick] [--check] [--pages a,b] [--no-peer] [--no-build]');
  process.exit(2);
}
const onlyPages = option('pages')?.split(',');
const jsonPath = option('json') ?? (quick ? undefined : join(REPO_ROOT, 'bench', 'results.json'));
const outDir = process.env.BACKSTORY_OUT_DIR ?? '.output';
const timingOutDir = process.env.BACKSTORY_BENCH_OUT_DIR ?? `${outDir}-timing`;
const shared = resolve(process.env.BACKSTORY_SHARED ?? join(REPO_ROOT, '..', 'shared'));
const log = (line: string) => process.stderr.write(`${line}\n`);

function buildTimingExtension(): void {
  log(`building the timing build (BACKSTORY_BENCH=1) into ${timingOutDir}…`);
  const result = spawnSync('npx', ['wxt', 'build'], {
    cwd: REPO_ROOT,
    env: { ...process.env, BACKSTORY_BENCH: '1', BACKSTORY_OUT_DIR: timingOutDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('wxt build of the timing build failed');
}

async function main(): Promise<number> {
  if (!args.includes('--no-build')) buildTimingExtension();
  const pages = benchPages(shared, quick).filter((p) => !onlyPages || onlyPages.includes(p.name));
  const routes = Object.fromEntries(pages.map((p) => [`/${p.name}/`, p.html]));
  const server = await startStaticServer({ routes });
  const compromise = readFileSync(join(REPO_ROOT, 'node_modules/compromise/builds/compromise.js'), 'utf8');
  const timing = await launchExtension({ extensionDir: join(REPO_ROOT, timingOutDir, 'chrome-mv3') });
  const production = await launchExtension({ extensionDir: join(REPO_ROOT, outDir, 'chrome-mv3') });
  const plain = await launchPlainBrowser();
  const browsers: Browsers = {
    timing: { context: timing.context, extensionId: timing.extensionId },
    production: production.context,
    plain: plain.context,
  };
  const results: PageResult[] = [];
  try {
    const first = pages[0];
    if (first) await warmUp(browsers, `${server.url}/${first.name}/`);
    for (const page of pages) {
      const url = `${server.url}/${page.name}/`;
      const samples: RunSample[] = [];
      const heap: HeapSample[] = [];
      for (let run = 1; run <= runs; run++) {
        samples.push(await timingRun(browsers, url, compromise, !args.includes('--no-peer')));
        heap.push(await heapRun(browsers, url));
        log(`${page.name}: run ${run}/${runs} pass ${samples.at(-1)?.busyMs.toFixed(1)} ms`);
      }
      results.push(summarisePage(page, samples, heap));
    }
  } finally {
    await Promise.all([timing.close(), production.close(), plain.close()]);
    await server.close();
  }
  return report(results, plain.browser.version());
}

function report(results: PageResult[], chromium: string): number {
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Linux ${release()}, Chromium ${chromium}, Node ${process.version}`;
  const bundle = bundleSizes(join(REPO_ROOT, outDir, 'chrome-mv3'));
  const contentScript = bundle.find((f) => f.file === 'content-scripts/article.js');
  const dbRows = readDbRows(join(REPO_ROOT, 'bench', 'db-results.json'));
  const verdicts = checkBudgets({
    pages: results,
    contentScriptGzipBytes: contentScript?.gzipBytes ?? Number.POSITIVE_INFINITY,
    heapGrowthWithMillionAliasesMB: heapGrowthAtMillion(dbRows),
  });
  console.log(`machine: ${machine}; ${runs} runs per page, medians; ratios are × the floor in the same run`);
  console.log(pagesTable(results));
  console.log('');
  console.log(phasesTable(results));
  console.log('');
  console.log(bundleTable(bundle));
  console.log('');
  console.log(dbRows ? dbTable(dbRows) : 'database figures: none yet, run npm run bench:db');
  console.log('');
  console.log(budgetTable(verdicts));
  if (jsonPath) {
    mkdirSync(dirname(jsonPath), { recursive: true });
    const command = `npm run bench${quick ? ' -- --quick' : ''}`;
    const json = { command, machine, runs, pages: results, bundle, database: dbRows, budgets: verdicts };
    writeFileSync(jsonPath, `${JSON.stringify(json, null, 2)}\n`);
    log(`wrote ${jsonPath}`);
  }
  const broken = brokenBudgets(verdicts);
  if (args.includes('--check')) for (const line of waivedBudgets(verdicts)) console.error(line);
  if (args.includes('--check') && broken.length > 0) {
    for (const line of broken) console.error(line);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
