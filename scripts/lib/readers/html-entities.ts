/**
 * Decodes HTML character references without a DOM: numeric ones, the named ones news pages use for
 * punctuation and symbols, and accented letters by name ("&eacute;" → "é", composed from the base letter
 * and a combining mark). An unknown name is left as written rather than guessed.
 */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  shy: '\u00AD',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201A',
  ldquo: '\u201C',
  rdquo: '\u201D',
  bdquo: '\u201E',
  laquo: '\u00AB',
  raquo: '\u00BB',
  lsaquo: '\u2039',
  rsaquo: '\u203A',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  bull: '\u2022',
  middot: '\u00B7',
  prime: '\u2032',
  Prime: '\u2033',
  pound: '\u00A3',
  euro: '\u20AC',
  cent: '\u00A2',
  yen: '\u00A5',
  copy: '\u00A9',
  reg: '\u00AE',
  trade: '\u2122',
  deg: '\u00B0',
  plusmn: '\u00B1',
  times: '\u00D7',
  divide: '\u00F7',
  frac12: '\u00BD',
  frac14: '\u00BC',
  frac34: '\u00BE',
  sect: '\u00A7',
  para: '\u00B6',
  iexcl: '\u00A1',
  iquest: '\u00BF',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwnj: '\u200C',
  zwj: '\u200D',
  szlig: '\u00DF',
  aelig: '\u00E6',
  AElig: '\u00C6',
  oelig: '\u0153',
  OElig: '\u0152',
  oslash: '\u00F8',
  Oslash: '\u00D8',
  eth: '\u00F0',
  ETH: '\u00D0',
  thorn: '\u00FE',
  THORN: '\u00DE',
};

/** Combining marks for the accent part of names such as "eacute", "Ccedil", "uuml". */
const MARKS: Record<string, string> = {
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  uml: '\u0308',
  tilde: '\u0303',
  ring: '\u030A',
  cedil: '\u0327',
  caron: '\u030C',
};

function named(name: string): string | undefined {
  const direct = NAMED[name];
  if (direct !== undefined) return direct;
  const accent = /^([A-Za-z])(acute|grave|circ|uml|tilde|ring|cedil|caron)$/.exec(name);
  const mark = accent && MARKS[accent[2] ?? ''];
  return accent && mark ? `${accent[1]}${mark}`.normalize('NFC') : undefined;
}

function codePoint(n: number, raw: string): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff)
    ? String.fromCodePoint(n)
    : raw;
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[A-Za-z][A-Za-z0-9]*);/g, (raw, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X'))
      return codePoint(Number.parseInt(body.slice(2), 16), raw);
    if (body.startsWith('#')) return codePoint(Number.parseInt(body.slice(1), 10), raw);
    return named(body) ?? raw;
  });
}
