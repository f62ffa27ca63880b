/**
 * Text normalisation shared by the alias index (database side) and detection (page side).
 * Both sides must agree byte for byte, which is why there is exactly one implementation.
 */

const SOFT_HYPHEN = /\u00AD/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const SPACES = /[\s\u00A0\u202F\u2007]+/g;
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const COMBINING = /[\u0300-\u036f]/g;

/**
 * Cleans page text without changing its length-relevant meaning for display: removes soft hyphens and
 * zero-width characters, folds typographic apostrophes and dashes, and collapses spaces.
 */
export function cleanText(text: string): string {
  return text
    .replace(SOFT_HYPHEN, '')
    .replace(ZERO_WIDTH, '')
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .trim();
}

/**
 * The alias-index key of a name: cleaned, diacritics stripped, lower-cased, possessive removed,
 * punctuation other than hyphens and apostrophes turned into spaces.
 * `normaliseName("Zelenskyy’s")` → `"zelenskyy"`; `normaliseName("Piñera")` → `"pinera"`.
 */
export function normaliseName(name: string): string {
  return cleanText(name)
    .normalize('NFKD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(/'s$/u, '')
    .replace(/[^\p{L}\p{N}'\- ]+/gu, ' ')
    .replace(/ +/g, ' ')
    .trim();
}
