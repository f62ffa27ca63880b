/**
 * Builds the starter pack (public/packs/starter/) through the pack CLI, from the shared open datasets, the
 * curated offices file, the Wikidata dump sample, the seed article and the corpus pages. Usage:
 * `npm run pack:starter` (BACKSTORY_SHARED overrides the ../shared location). It prints the equivalent
 * `npm run packs -- build …` command, which gives the same bytes.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildResult } from './lib/build/build-pack';
import { SEED_FILE } from './lib/read-seed';
import { type CliIo, runPacks } from './packs';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const STARTER_TITLE =
  'Backstory starter pack: US Congress and presidents, UK MPs, office holders of ten countries, and quotes from the news';

export interface BuildOptions {
  /** The shared data root (holds datasets/, seed/ and corpus/). */
  sharedRoot: string;
  /** Where to write records.ndjson, given-names.json and manifest.json. */
  outDir: string;
  /** Logs the command and a summary when true. */
  verbose?: boolean;
}

export function defaultSharedRoot(): string {
  return resolve(REPO_ROOT, process.env.BACKSTORY_SHARED ?? '../shared');
}

/** The corpus pages, one folder each, in name order. */
function corpusPages(sharedRoot: string): string[] {
  const corpus = join(sharedRoot, 'corpus');
  if (!existsSync(corpus)) return [];
  return readdirSync(corpus)
    .sort()
    .map((name) => join(corpus, name, 'source.html'))
    .filter((path) => existsSync(path));
}

/** The `packs build` arguments that make the starter pack. */
export function starterPackArgs(sharedRoot: string, outDir: string): string[] {
  const datasets = join(sharedRoot, 'datasets');
  return [
    'build',
    '--out',
    outDir,
    '--id',
    'starter',
    '--title',
    STARTER_TITLE,
    '--given-names',
    '--datasets',
    datasets,
    '--curated',
    join(REPO_ROOT, 'packs', 'curated', 'offices-2024-2025.json'),
    '--seed',
    join(sharedRoot, 'seed', SEED_FILE),
    '--wikidata',
    join(datasets, 'wikidata-dump-sample', 'latest-all.first-50-lines.json'),
    ...corpusPages(sharedRoot).flatMap((page) => ['--article', page]),
  ];
}

function shellWord(arg: string): string {
  const rel = arg.startsWith('/') ? relative(REPO_ROOT, arg) || '.' : arg;
  return /^[\w./=-]+$/.test(rel) ? rel : `'${rel.replace(/'/g, "'\\''")}'`;
}

export async function buildStarterPack(options: BuildOptions): Promise<BuildResult> {
  const args = starterPackArgs(options.sharedRoot, options.outDir);
  const io: CliIo = { log: options.verbose ? console.log : () => undefined };
  io.log(`npm run packs -- ${args.map(shellWord).join(' ')}`);
  const result = await runPacks(args, io);
  if (!result) throw new Error('pack:starter: the build returned no result');
  return result;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const sharedRoot = defaultSharedRoot();
  if (!existsSync(join(sharedRoot, 'datasets'))) {
    console.error(`No shared data at ${sharedRoot} (set BACKSTORY_SHARED).`);
    process.exit(1);
  }
  buildStarterPack({
    sharedRoot,
    outDir: join(REPO_ROOT, 'public', 'packs', 'starter'),
    verbose: true,
  }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
