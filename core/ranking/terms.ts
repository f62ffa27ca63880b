/**
 * Content terms of a text, for relevance ranking: words lower-cased, stop words dropped and endings
 * trimmed lightly, so "spending" and "spend", "increases" and "increased" meet. Not a full stemmer:
 * a few English endings only, which is enough to match a statement with the article it is shown beside
 * and keeps the shown terms readable. Pure logic.
 */

/** Function words and reporting verbs: they say nothing about what a text is about. */
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being
  below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
  during each even ever every few for from further get gets got had hadn't has hasn't have haven't having he
  he'd he'll he's her here here's hers herself him himself his how how's however i i'd i'll i'm i've if in
  into is isn't it it's its itself just let's like made make may me might more most much must mustn't my
  myself new no nor not now of off on once one only or other ought our ours ourselves out over own per
  really said same say says shall shan't she she'd she'll she's should shouldn't since so some still such
  than that that's the their theirs them themselves then there there's these they they'd they'll they're
  they've this those though through to too told under until up upon us very was wasn't way we we'd we'll
  we're we've were weren't what what's when when's where where's whether which while who who's whom why
  why's will with won't would wouldn't yet you you'd you'll you're you've your yours yourself yourselves
  mr mrs ms sir dame lord lady dr`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** Letters with inner apostrophes ("don't", "Britain’s"); digits are figures, not topic words. */
const WORD = /\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*/gu;

/** Trims a lower-case word's common English endings; the result is a matching key, not a word to show. */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/u, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/u.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length >= 7) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length >= 6) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length >= 5) w = w.slice(0, -1);
  return w;
}

/** One content term of a text: its matching key and the word as written, lower-cased. */
export interface Term {
  stem: string;
  word: string;
  start: number;
  end: number;
}

/** Every content term of `text` in order, with its offsets; `skip` words are dropped too. */
export function termsOf(text: string, skip: ReadonlySet<string> = STOP_WORDS): Term[] {
  const out: Term[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLowerCase().replace(/’/gu, "'");
    if (word.length < 2 || STOP_WORDS.has(word) || skip.has(word)) continue;
    const key = stem(word);
    if (key.length < 2 || skip.has(key)) continue;
    out.push({
      stem: key,
      word: word.replace(/'s$/u, ''),
      start: match.index,
      end: match.index + word.length,
    });
  }
  return out;
}

/** Regex-safe text. */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * The start of every word that could stem to one of `stems`: stemming only trims endings (and turns
 * "ies" into "y"), so such a word begins with the stem's first letters.
 */
function prefixPattern(stems: ReadonlySet<string>): RegExp {
  const prefixes = new Set<string>();
  for (const key of stems)
    prefixes.add(key.slice(0, Math.min(3, key.endsWith('y') ? key.length - 1 : key.length)));
  const alternatives = [...prefixes].filter((p) => p.length > 0).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{M}])(?:${alternatives.join('|')})[\\p{L}\\p{M}]*(?:['’]\\p{L}+)*`, 'gu');
}

/**
 * Counts, into `counts`, the words of `text` that stem to one of `only`. One pattern finds the words that
 * could be those terms, and only they are stemmed, so a long page costs about one regular-expression scan.
 * `text` may be one stretch of a longer text, cut at whitespace.
 */
export class TermCounter {
  readonly counts = new Map<string, number>();
  private readonly pattern: RegExp | null;

  constructor(private readonly only: ReadonlySet<string>) {
    this.pattern = only.size > 0 ? prefixPattern(only) : null;
  }

  read(text: string): void {
    if (!this.pattern) return;
    for (const match of text.toLowerCase().matchAll(this.pattern)) {
      const word = match[0].replace(/’/gu, "'");
      if (STOP_WORDS.has(word)) continue;
      const key = stem(word);
      if (this.only.has(key)) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
  }
}

/** How often each term occurs in `text`; with `only`, just those terms are counted (see {@link TermCounter}). */
export function termCounts(text: string, only?: ReadonlySet<string>): Map<string, number> {
  if (only) {
    const counter = new TermCounter(only);
    counter.read(text);
    return counter.counts;
  }
  const counts = new Map<string, number>();
  for (const { stem: key } of termsOf(text)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
