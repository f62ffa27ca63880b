/**
 * The seed article (The Independent, 26 Feb 2025) as an HTML page, built at test time from
 * `../shared/seed/independent-2025-02-26.txt`. The text is the publisher's copyright: it is read from the
 * shared folder when present and never copied into the project. `BACKSTORY_SHARED` overrides the folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './extension';
import { buildTextPage } from './text-page';

/** The shared folder beside the repository (or `$BACKSTORY_SHARED`). */
export const SHARED_DIR = resolve(process.env.BACKSTORY_SHARED ?? join(REPO_ROOT, '..', 'shared'));
export const SEED_TEXT_PATH = join(SHARED_DIR, 'seed', 'independent-2025-02-26.txt');
export const SEED_GOLD_PATH = join(SHARED_DIR, 'seed', 'gold.json');

/** True when the seed text and its gold annotations are there; tests that need them skip otherwise. */
export const seedExists = existsSync(SEED_TEXT_PATH) && existsSync(SEED_GOLD_PATH);

export const SEED_DATE = '2025-02-26';

/** The parts of `gold.json` the e2e tests use. */
export interface SeedGold {
  published: string;
  people: { name: string; mentions: string[] }[];
  role_phrases: { text: string; refers_to: string }[];
  figures: { text: string; kind: string; value: number | null; unit: string | null; occurrences?: number }[];
  quotes: { speaker: string; starts: string }[];
}

export function loadSeedGold(): SeedGold {
  return JSON.parse(readFileSync(SEED_GOLD_PATH, 'utf8')) as SeedGold;
}

/**
 * The seed page: its first line (the donation box) is page chrome outside the article. The page says it
 * is British (`en-GB`), as The Independent's pages do.
 */
export function buildSeedPage(text: string = readFileSync(SEED_TEXT_PATH, 'utf8')): string {
  return buildTextPage(text, {
    title: 'Seed article: The Independent, 26 February 2025',
    publisher: 'The Independent',
    lang: 'en-GB',
  });
}
