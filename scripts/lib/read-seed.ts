/**
 * Reader for the seed article (shared/seed/independent-2025-02-26.txt): its first line is page chrome that
 * carries the publication date ("date 2025-02-26 Your support helps…"); every following non-empty line is a
 * paragraph of the article body.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED } from './datasets';

export interface Article {
  publisher: string;
  /** `Source.dataset` of statements taken from the article. */
  dataset: string;
  url?: string;
  date: string;
  paragraphs: string[];
}

export const SEED_FILE = 'independent-2025-02-26.txt';

export function readSeed(root: string): Article {
  const lines = readFileSync(join(root, 'seed', SEED_FILE), 'utf8').split(/\r?\n/);
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
