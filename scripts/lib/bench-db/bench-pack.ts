/**
 * The benchmark's packs: a synthetic dump of `aliases / ALIASES_PER_PERSON` people, built into a pack
 * with the pack builder CLI. Both are cached under the system temp folder by size, seed and generator
 * version, since the 1M pack takes minutes to build and the same inputs give the same bytes.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normaliseName } from '../../../core/text/normalise';
import { REPO_ROOT } from '../../../tests/e2e/support/extension';
import { ALIASES_PER_PERSON, prng, syntheticPeople, writeSyntheticDump } from './synthetic-dump';

/** Bump when the generator's output changes, so stale cached packs are not reused. */
const GENERATOR_VERSION = 1;
export const BENCH_SEED = 20250226;

export interface BenchPack {
  /** Folder holding manifest.json and records.ndjson. */
  dir: string;
  people: number;
}

export function peopleFor(aliases: number): number {
  return Math.ceil(aliases / ALIASES_PER_PERSON);
}

/** Runs `packs build` in a child Node, as a user would, so its memory is measured apart from the bench's. */
async function buildWithCli(args: readonly string[]): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'packs.ts'), ...args],
    { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`packs build exited with ${code}`);
}

/** Builds (or reuses) the pack for a nominal alias count. */
export async function ensureBenchPack(aliases: number, log: (line: string) => void): Promise<BenchPack> {
  const people = peopleFor(aliases);
  const root = join(tmpdir(), 'backstory-bench-db', `v${GENERATOR_VERSION}-${BENCH_SEED}-${aliases}`);
  const dir = join(root, 'pack');
  if (existsSync(join(dir, 'manifest.json'))) return { dir, people };
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const dump = join(root, 'synthetic-latest-all.json');
  log(`  generating a synthetic dump of ${people.toLocaleString()} people…`);
  await writeSyntheticDump(dump, people, BENCH_SEED);
  log('  building the pack with `packs build`…');
  await buildWithCli([
    'build',
    '--out',
    dir,
    '--id',
    'bench',
    '--title',
    `Synthetic benchmark pack (${aliases.toLocaleString()} aliases)`,
    '--created',
    '2025-01-01',
    '--quiet',
    '--wikidata',
    dump,
  ]);
  await rm(dump, { force: true });
  return { dir, people };
}

/**
 * The keys of one page pass: `count / 2` hits (people of the pack by full name, or with `surnames` every
 * other one by surname alone, which ~10 synthetic people share at 1M aliases) and `count / 2` misses
 * (names no pack holds), normalised as the page would.
 */
export function lookupKeysFor(pack: BenchPack, count: number, surnames: boolean): string[] {
  const random = prng(BENCH_SEED ^ 0x100c);
  const wanted = new Set<number>();
  const hits = Math.floor(count / 2);
  while (wanted.size < Math.min(hits, pack.people)) wanted.add(Math.floor(random() * pack.people));
  const keys: string[] = [];
  let i = 0;
  for (const person of syntheticPeople(pack.people, BENCH_SEED)) {
    if (wanted.has(i)) {
      const name = surnames && keys.length % 2 === 1 ? person.surname : `${person.given} ${person.surname}`;
      keys.push(normaliseName(name));
    }
    i++;
  }
  for (let n = keys.length; n < count; n++) keys.push(`nohit${n} benchmarkmiss`);
  return keys;
}
