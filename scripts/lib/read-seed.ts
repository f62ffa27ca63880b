/**
 * Reader for the seed article (shared/seed/independent-2025-02-26.txt): its first line is page chrome that
 * carries the publication date ("date 2025-02-26 Your support helps…"); every following non-empty line is a
 * paragraph of the article body.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SEED } from './datasets';

export interface Article {
  publisher: string;
  /** `Source.dataset` of statements taken from the article (needed when it has no URL). */
  dataset?: string;
  url?: string;
  date: string;
  paragraphs: string[];
}

export const SEED_FILE = 'independent-2025-02-26.txt';

/** Reads the seed article from its file (`../shared/seed/independent-2025-02-26.txt`). */
export function readSeed(path: string): Article {
  if (basename(path) !== SEED_FILE)
    throw new Error(
      `${path}: the seed reader reads only ${SEED_FILE} (its publisher is fixed); use --article`,
    );
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const header = lines[0] ?? '';
  const date = /\bdate (\d{4}-\d{2}-\d{2})\b/.exec(header)?.[1];
  if (!date) throw new Error(`${SEED_FILE}: no "date YYYY-MM-DD" in the first line`);
  return {
    publisher: 'The Independent',
    dataset: SEED.label,
    date,
    paragraphs: lines
      .slice(1)
      .map((l) => l.trim())
      .filter((l) => l.length > 0),
  };
}
