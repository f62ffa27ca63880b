/**
 * The pages `npm run bench` reads: the seed article and the corpus from ../shared (loaded as the
 * evaluation loads them, served from memory and never copied into the project) and generated news pages
 * of 10k, 50k and 200k words.
 */
import { join } from 'node:path';
import { findPages } from '../eval/corpus';
import { generateNewsPage } from './news-page';
import type { PageKind } from './results';

export interface BenchPage {
  name: string;
  kind: PageKind;
  html: string;
}

/** The two corpus pages of the quick mode: a typical news page, and the heaviest page (836 kB of markup). */
export const QUICK_CORPUS = ['bbc-1', 'breitbart'];

export const GENERATED_WORDS = [10_000, 50_000, 200_000];
export const QUICK_GENERATED_WORDS = [50_000];

export function benchPages(shared: string, quick: boolean): BenchPage[] {
  const seed = findPages([join(shared, 'seed')]).map((p) => ({ ...p, kind: 'seed' as const }));
  const corpus = findPages([join(shared, 'corpus')])
    .filter((p) => !quick || QUICK_CORPUS.includes(p.name))
    .map((p) => ({ ...p, kind: 'corpus' as const }));
  const generated = (quick ? QUICK_GENERATED_WORDS : GENERATED_WORDS).map((words) => {
    const page = generateNewsPage(words);
    return { name: `generated-${words / 1000}k`, kind: 'generated' as const, html: page.html };
  });
  return [...[...seed, ...corpus].map((p) => ({ name: p.name, kind: p.kind, html: p.html })), ...generated];
}
