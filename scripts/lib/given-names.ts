/**
 * The given-name list the content script uses to recognise people who are not in the pack
 * ("Ms Olena Kovalenko said"). Built only from names seen in the datasets, normalised like the alias index.
 */
import { normaliseName } from '../../core/text/normalise';

/**
 * Given names that are also everyday English words (or titles). A capitalised "Will", "May" or "Mark" at the
 * start of a sentence or in a headline is far more often the word than a name, so they would mark
 * non-people; a real person with such a name is still found through the pack's aliases or an honorific.
 */
export const EXCLUDED_GIVEN_NAMES: readonly string[] = [
  'april',
  'art',
  'august',
  'bill',
  'chase',
  'dawn',
  'don',
  'earl',
  'faith',
  'frank',
  'grace',
  'guy',
  'hope',
  'hunter',
  'jack',
  'joy',
  'june',
  'king',
  'lady',
  'lord',
  'major',
  'mark',
  'may',
  'pat',
  'penny',
  'ray',
  'rich',
  'rose',
  'sir',
  'dame',
  'baron',
  'baroness',
  'summer',
  'will',
  'young',
  'prince',
  'princess',
  'queen',
  'dr',
  'mr',
  'mrs',
  'ms',
  'rev',
  'saint',
  'st',
];

/** Sorted, de-duplicated, normalised given names; tokens of one letter or with digits are skipped. */
export function buildGivenNames(raw: readonly string[]): string[] {
  const excluded = new Set(EXCLUDED_GIVEN_NAMES);
  const out = new Set<string>();
  for (const token of raw) {
    const name = normaliseName(token.split(/\s+/)[0] ?? '');
    if (name.length < 2 || !/^\p{L}[\p{L}'-]*\p{L}$/u.test(name) || excluded.has(name)) continue;
    out.add(name);
  }
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
