/**
 * Plain derivations of aliases from a name as a dataset writes it: no guessing, only the forms an article
 * uses for the same written name (full name, surname, first + last without middle initials, honorific +
 * given name for knights and dames).
 */

const PARTICLES = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'le',
  'la',
  'bin',
  'ibn',
  'al',
  'el',
]);
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);
const HONORIFICS =
  /^(?:(?:the\s+)?rt\.?\s+hon\.?\s+|sir\s+|dame\s+|dr\.?\s+|mr\.?\s+|mrs\.?\s+|ms\.?\s+|miss\s+|lord\s+|lady\s+|baroness\s+|baron\s+)+/i;

/** Collapses whitespace. */
export function tidy(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** "Sir Keir Starmer" → { honorific: "Sir", bare: "Keir Starmer" }. */
export function splitHonorific(name: string): { honorific: string | null; bare: string } {
  const clean = tidy(name);
  const m = HONORIFICS.exec(clean);
  if (!m) return { honorific: null, bare: clean };
  const words = m[0].trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const honorific = /^(sir|dame)$/i.test(last) ? last : null;
  return { honorific, bare: tidy(clean.slice(m[0].length)) };
}

/** "Michael Walker, Baron Walker of Aldringham" → "Michael Walker". */
export function beforeComma(name: string): string {
  return tidy(name.split(',')[0] ?? name);
}

function tokens(name: string): string[] {
  return tidy(name)
    .split(' ')
    .filter((t) => t.length > 0);
}

function isInitial(token: string): boolean {
  return /^\p{Lu}\.?$/u.test(token) || /^(\p{Lu}\.){2,}$/u.test(token);
}

/** The surname, with lower-case particles ("von der Leyen") and without Jr./III suffixes. */
export function surnameOf(name: string): string | null {
  const ts = tokens(beforeComma(name)).filter((t) => !SUFFIXES.has(t.toLowerCase()));
  if (ts.length < 2) return null;
  let i = ts.length - 1;
  while (i > 1 && PARTICLES.has((ts[i - 1] ?? '').toLowerCase())) i--;
  const surname = ts.slice(i).join(' ');
  return /\p{L}{2,}/u.test(surname) ? surname : null;
}

/** The first token, if it is a word and not an initial. */
export function givenNameOf(name: string): string | null {
  const first = tokens(splitHonorific(beforeComma(name)).bare)[0];
  return first && !isInitial(first) && /^\p{L}[\p{L}'-]+$/u.test(first) ? first : null;
}

/**
 * Aliases of one written name: itself, the part before a comma, the honorific-free form, first + last
 * without middle initials, the surname, and "Sir Keir" for a knight or dame.
 */
export function deriveAliases(name: string): string[] {
  const out = new Set<string>();
  const clean = tidy(name);
  if (!clean) return [];
  out.add(clean);
  const base = beforeComma(clean);
  out.add(base);
  const { honorific, bare } = splitHonorific(base);
  out.add(bare);
  const ts = tokens(bare);
  const noInitials = ts.filter((t, i) => i === 0 || i === ts.length - 1 || !isInitial(t));
  if (noInitials.length >= 2) out.add(noInitials.join(' '));
  const surname = surnameOf(bare);
  if (surname) out.add(surname);
  const given = ts[0];
  if (honorific && given && ts.length >= 2) {
    out.add(`${honorific} ${given}`);
    out.add(`${honorific} ${bare}`);
  }
  return [...out].filter((a) => /\p{L}{2,}/u.test(a));
}
