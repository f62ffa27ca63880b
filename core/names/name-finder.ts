/**
 * Finds candidate name mentions in text: capitalised sequences with surname particles, initials and
 * organisation connectors, split into title/honorific and bare name. Offsets refer to the raw input,
 * so soft hyphens and non-breaking spaces inside names are kept in the span.
 */

import { pattern } from '../figures/pattern';
import {
  CALENDAR,
  HONORIFICS,
  INSTITUTION_NOUNS,
  ORG_CONNECTORS,
  ORG_HEADS,
  ORG_TAILS,
  PARTICLES,
  PLACE_TAILS,
  PLURAL_POSSESSIVES,
  PRODUCT_TAILS,
  ROLE_NOUNS,
  STOPWORDS,
  TITLE_HEADS,
} from './name-lexicon';
import {
  hasPersonCue,
  hasPersonCueAfter,
  hasSingleNameCue,
  type SpeakerCue,
  speakerCue,
} from './person-cues';

export type NameKindHint = 'person' | 'organization' | 'place' | 'unknown';

export interface NameMention {
  start: number;
  end: number;
  text: string;
  name: string;
  honorific?: string;
  title?: string;
  rolePhrase?: string;
  kindHint: NameKindHint;
  /**
   * A one-word form that speaks ("Okoro said"), and, with `speaker-pronoun`, that its sentence calls "he"
   * or "she". One word alone is too weak to call a person ("Google said"), but it can confirm the longer
   * name it is a short form of (see name-forms.ts).
   */
  personCue?: SpeakerCue;
  /** A one-word form after "the", "a" or "an" ("the Bill", "a Rose"): a thing, never a first name. */
  afterDeterminer?: boolean;
}

interface Token {
  text: string;
  start: number;
  end: number;
  /** Part of a social handle or hashtag ("@JaneDoe_", "#Harbour"): never a name in prose. */
  handle?: boolean;
}

/** Characters that may sit inside a word: soft hyphen and zero-width characters are invisible. */
const INVISIBLE = '\\u00AD\\u200B-\\u200D\\u2060';
const TOKEN = pattern(
  `(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gen|Prof|St|Lt|Col|Gov)\\.|\\p{Lu}\\.(?=[ \\u00A0\\u202F]?\\p{Lu})|(?<![\\p{L}\\p{N}'’${INVISIBLE}-])[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}${INVISIBLE}'’-]*`,
  'gu',
);
const JOINING_GAP = /^[ \u00A0\u202F]$/;
const POSSESSIVE = /['’]s?$/u;
const INVISIBLE_CHARS = new RegExp(`[${INVISIBLE}]`, 'g');
const HAS_INVISIBLE = new RegExp(`[${INVISIBLE}]`);

const CREDIT_WORDS = new Set(['Credit', 'Credits', 'Photo', 'Photograph', 'Picture', 'Pictured', 'Image']);

/** Function words that are also given names: "Will Smith said" is a name, "Will Labour win?" is not. */
const NAME_LIKE_STOPWORDS = new Set(['Will', 'May']);

/** Text as a reader sees it: invisible characters gone, any space one space. */
const clean = (t: string) => t.replace(INVISIBLE_CHARS, '').replace(/[\u00A0\u202F]/g, ' ');
const ARTICLE_BEFORE = /(?:^|[^\p{L}])(?:the|The|a|A|an|An) $/u;
const isCap = (t: string) => /^\p{Lu}/u.test(t);
/**
 * A word without invisible characters and a final full stop. Asked several times of every token, so a
 * word with neither (most words) is returned as it is.
 */
const bare = (t: string) => {
  const visible = HAS_INVISIBLE.test(t) ? t.replace(INVISIBLE_CHARS, '') : t;
  return visible.endsWith('.') ? visible.slice(0, -1) : visible;
};
const isAllCaps = (t: string) => /\p{Lu}{2}/u.test(t) && !/\p{Ll}/u.test(t);
/** "BY" compares as "By": ALL-CAPS lines (bylines, headlines) use the same function words. */
const asWord = (t: string) => {
  const b = bare(t);
  return isAllCaps(b) ? b.charAt(0) + b.slice(1).toLowerCase() : b;
};

/**
 * Where a caption or byline glued two words together, the seam is cut:
 * - "West Mercia PoliceEloise Parry", "creditJane Roe": four lower-case letters or more, then a capital
 *   and lower case (brand names glued on purpose, "YouTube", "MacDonald", "PlayStation", have a shorter head);
 * - "Jane RoeAFP": a capitalised word, then an agency's capitals;
 * - "2016Jane Roe", "Jane Doe22 March": digits against letters.
 */
const GLUE = [
  /(?<=^\p{L}\p{Ll}{4,})(?=\p{Lu}\p{Ll}{2})/u,
  /(?<=^\p{Lu}\p{Ll}{2,})(?=\p{Lu}{2,}$)/u,
  /(?<=^\p{N}+)(?=\p{Lu}\p{Ll})/u,
  /(?<=^\p{Lu}\p{Ll}+)(?=\p{N}+$)/u,
];

/** Every seam puts a capital or a digit after the word's first character; most words have neither. */
const MAY_BE_GLUED = /[\p{Lu}\p{N}]/gu;

function glueCut(word: string): number | undefined {
  // From the second character on, without slicing the word.
  MAY_BE_GLUED.lastIndex = 1;
  if (!MAY_BE_GLUED.test(word)) return undefined;
  for (const seam of GLUE) {
    const cut = seam.exec(word)?.index;
    if (cut) return cut;
  }
  return undefined;
}

/** "@handle", "#tag" and "name@example.com" belong to the web, not to prose. */
function isHandle(text: string, start: number, end: number): boolean {
  return /[@#]/.test(text[start - 1] ?? '') || text[end] === '@' || text[end] === '_';
}

/** A matched word cut at every glued seam: "CreditCreditChang" is three words. */
function unglue(word: string, start: number, handle: boolean): Token[] {
  const pieces: Token[] = [];
  let rest = word;
  let at = start;
  for (let cut = glueCut(rest); cut; cut = glueCut(rest)) {
    pieces.push({ text: rest.slice(0, cut), start: at, end: at + cut, handle });
    rest = rest.slice(cut);
    at += cut;
  }
  pieces.push({ text: rest, start: at, end: at + rest.length, handle });
  return pieces;
}

/** The tokens that start in [from, to); the text around is still read for what precedes and follows. */
function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  const tokenPattern = TOKEN();
  tokenPattern.lastIndex = from;
  for (let m = tokenPattern.exec(text); m && m.index < to; m = tokenPattern.exec(text)) {
    const start = m.index;
    for (const token of unglue(m[0], start, isHandle(text, start, start + m[0].length))) tokens.push(token);
  }
  return tokens;
}

/** "al-Bashir", "el-Sisi", "bin-Salman": a lower-case particle hyphenated to a capitalised surname. */
const PARTICLE_SURNAME = /^(?:al|el|ad|ash|as|at|az|bin|ibn|abu|abd|ben)-\p{Lu}/u;

/** In ALL-CAPS lines "AND" is the conjunction between two names ("BY JANE DOE AND JOHN ROE"). */
const CAPS_CONJUNCTIONS = new Set(['AND', 'OR']);

function nameWord(t: Token): boolean {
  if (t.handle) return false;
  const b = bare(t.text);
  if (CAPS_CONJUNCTIONS.has(b)) return false;
  if (PARTICLE_SURNAME.test(b)) return true;
  return isCap(t.text) && !CALENDAR.has(b) && !/^\p{Lu}?\d/u.test(b);
}

/**
 * A possessive ends a name ("Trump's Justice Department"), except the plural nouns that organisation
 * names carry inside them ("People's Liberation Army", "Brigham and Women's Hospital").
 */
function endsRun(t: Token): boolean {
  if (!POSSESSIVE.test(t.text)) return false;
  return !PLURAL_POSSESSIVES.has(bare(t.text).replace(/['’]s?$/u, ''));
}

/** Adjacent words of one name: one space between them, or none after an initial ("J.K. Rowling"). */
function joined(prev: Token, next: Token, text: string): boolean {
  const gap = text.slice(prev.end, next.start);
  return JOINING_GAP.test(gap) || (gap === '' && /^\p{Lu}\.$/u.test(prev.text));
}

/** Extends a capitalised run from token i, allowing particles and (inside organisation names) connectors. */
function runFrom(tokens: Token[], text: string, i: number): number {
  let j = i;
  const hasOrgHead = () => tokens.slice(i, j + 1).some((t) => ORG_HEADS.has(bare(t.text)));
  while (j + 1 < tokens.length) {
    const next = tokens[j + 1] as Token;
    if (!joined(tokens[j] as Token, next, text) || (endsRun(tokens[j] as Token) && j > i)) break;
    if (nameWord(next)) {
      j++;
      continue;
    }
    // Particles may chain ("von der Leyen"); a connector joins only inside an organisation name.
    let k = j + 1;
    while (k < tokens.length && PARTICLES.has((tokens[k] as Token).text.toLowerCase()) && k - j <= 2) k++;
    const connector = k === j + 1 && ORG_CONNECTORS.has(next.text.toLowerCase()) && hasOrgHead();
    if (connector) k++;
    const after = tokens[k];
    const gaps = tokens
      .slice(j + 1, k + 1)
      .every((t, n) => JOINING_GAP.test(text.slice((tokens[j + n] as Token).end, t.start)));
    // A possessive after a connector starts a new phrase ("the Justice Department and Britain's envoy").
    if (k > j + 1 && after && nameWord(after) && gaps && !(connector && endsRun(after))) {
      j = k;
      continue;
    }
    break;
  }
  return j;
}

/** Dotted abbreviations of places, which end sentences as often as they qualify what follows. */
const PLACE_ABBREVIATIONS = new Set(['U.S.', 'U.K.', 'U.N.', 'E.U.', 'D.C.', 'U.A.E.', 'N.Y.', 'L.A.']);

/** The last token of a dotted place abbreviation starting at i ("U." "S."), or -1. */
function abbreviationEnd(tokens: Token[], text: string, i: number): number {
  let k = i;
  let letters = (tokens[i] as Token).text;
  while (k + 1 < tokens.length && /^\p{Lu}\.$/u.test((tokens[k] as Token).text)) {
    const next = tokens[k + 1] as Token;
    if (text.slice((tokens[k] as Token).end, next.start) !== '' || !/^\p{Lu}\.$/u.test(next.text)) break;
    letters += next.text;
    k++;
  }
  return k > i && PLACE_ABBREVIATIONS.has(letters) ? k : -1;
}

/**
 * Where a leading qualifier ends the run. A possessive ("Britain's") or a place abbreviation ("U.S.") stays
 * with what follows only before a title ("Britain's Prime Minister Keir Starmer", "U.S. President Barack
 * Obama"), and an abbreviation also before an organisation ("U.S. Army"). Otherwise the qualifier stands
 * alone: "Trump's Justice Department" is the person, then the organisation, and in "the U.S. Obama said"
 * the abbreviation ended the sentence.
 */
function qualifierEnd(tokens: Token[], text: string, i: number, j: number): number {
  const possessive = endsRun(tokens[i] as Token) ? i : -1;
  const qualifier = possessive >= 0 ? possessive : abbreviationEnd(tokens, text, i);
  if (qualifier < 0 || qualifier >= j) return j;
  const rest = tokens.slice(qualifier + 1, j + 1).map((t) => t.text);
  const kind = kindOf(rest, false);
  if (kind !== 'unknown') return possessive >= 0 ? qualifier : j;
  const split = titleSplit(rest);
  return split >= 0 && split < rest.length - 1 ? j : qualifier;
}

/** A lower-case role phrase right before the name ("Russia defence minister"), without the article. */
function rolePhraseBefore(tokens: Token[], text: string, i: number): string | undefined {
  const words: string[] = [];
  for (let k = i - 1; k >= 0 && words.length < 4; k--) {
    const t = tokens[k] as Token;
    if (!JOINING_GAP.test(text.slice(t.end, (tokens[k + 1] as Token).start))) break;
    const lower = t.text.toLowerCase();
    if (STOPWORDS.has(t.text)) break;
    if (
      ['the', 'a', 'an', 'his', 'her', 'their', 'its', 'by', 'and', 'with', 'said', 'says', 'told'].includes(
        lower,
      )
    )
      break;
    words.unshift(t.text);
  }
  const last = words.at(-1)?.toLowerCase();
  return last && ROLE_NOUNS.has(last) ? words.join(' ') : undefined;
}

function kindOf(words: string[], person: boolean): NameKindHint {
  const last = bare(words.at(-1) ?? '');
  // "Center for Health and Human Rights": an organisation head anywhere makes the run an organisation.
  if (ORG_TAILS.has(last) || words.some((w) => ORG_HEADS.has(bare(w)))) return 'organization';
  if (PLACE_TAILS.has(last)) return 'place';
  return person ? 'person' : 'unknown';
}

/** Leading words that are not part of the name: function words, caption credits, a role noun. */
interface Lead {
  first: number;
  credited: boolean;
  leadingRole?: string;
}

/**
 * Skips sentence-initial function words ("The", "BY"), except a function word that is also a given name
 * when the text goes on as it does after a person ("Will Smith said").
 */
function skipFunctionWords(tokens: Token[], text: string, i: number, j: number): number {
  let first = i;
  while (first <= j && STOPWORDS.has(asWord((tokens[first] as Token).text))) {
    const word = bare((tokens[first] as Token).text);
    if (
      first === i &&
      first < j &&
      NAME_LIKE_STOPWORDS.has(word) &&
      hasPersonCueAfter(text, (tokens[j] as Token).end)
    )
      break;
    first++;
  }
  return first;
}

function leadOf(tokens: Token[], text: string, i: number, j: number): Lead {
  let first = skipFunctionWords(tokens, text, i, j);
  // A caption credit ("Photo Credit Harry Campbell") is not part of the name, but says it is a person.
  let credited = false;
  while (first < j && CREDIT_WORDS.has(bare((tokens[first] as Token).text))) {
    first++;
    credited = true;
  }
  // A sentence-initial role noun ("Economist Jane Okafor said") is a role, not part of the name.
  const lead = (tokens[first] as Token | undefined)?.text ?? '';
  if (first < j && ROLE_NOUNS.has(lead.toLowerCase()) && !TITLE_HEADS.has(lead)) {
    return { first: first + 1, credited, leadingRole: lead.toLowerCase() };
  }
  return { first, credited };
}

/** Where the title ends: the last honorific or title head of a run that is not an organisation or place. */
function titleSplit(words: readonly string[]): number {
  let split = -1;
  words.forEach((w, k) => {
    if (HONORIFICS.has(bare(w)) || TITLE_HEADS.has(bare(w))) split = k;
  });
  return split;
}

/** "Acme Vision Pro", "the $1,000 Jasper Vision": a priced or versioned thing is a product, not a name. */
function isProduct(text: string, start: number, words: readonly string[]): boolean {
  if (PRODUCT_TAILS.has(bare(words.at(-1) ?? ''))) return true;
  return /[$€£¥]\s?\d[\d,.]*(?:\s?(?:k|m|bn|million|billion))?[ \u00A0]$/u.test(
    text.slice(Math.max(0, start - 24), start),
  );
}

/**
 * A lower-case institution noun right after the name makes it that institution's name ("Royal Alder
 * hospital", "Charles de Gaulle airport"): an eponym, not a mention of a person. `gap` is the space between;
 * the noun joins the span only across one space (a wrapped source line keeps the span to the name).
 */
function institutionAfter(
  text: string,
  end: number,
): { gap: string; noun: string; kind: NameKindHint } | null {
  const match = /^(\s+)(\p{Ll}+)\b/u.exec(text.slice(end, end + 40));
  const kind = match?.[2] ? INSTITUTION_NOUNS.get(match[2]) : undefined;
  return match?.[1] && match[2] && kind ? { gap: match[1], noun: match[2], kind } : null;
}

/** An ALL-CAPS run of four words or more is a shouted headline, not a name. */
function isShoutedHeadline(words: readonly string[]): boolean {
  return words.length >= 4 && words.every((w) => isAllCaps(bare(w)) || !/\p{L}/u.test(w));
}

function stripPossessive(words: string[], end: number): number {
  const lastWord = words.at(-1) as string;
  const possessive = lastWord.match(/['’]s?$/u);
  if (!possessive) return end;
  words[words.length - 1] = lastWord.slice(0, -possessive[0].length);
  return end - possessive[0].length;
}

/** The words and end of a run as a name: without its possessive, with a following institution noun. */
interface Span {
  words: string[];
  end: number;
  structural: NameKindHint;
}

function spanOf(run: readonly Token[], text: string): Span {
  const words = run.map((t) => t.text);
  let end = stripPossessive(words, (run.at(-1) as Token).end);
  const institution = endsRun(run.at(-1) as Token) ? null : institutionAfter(text, end);
  if (institution && JOINING_GAP.test(institution.gap)) {
    end += institution.gap.length + institution.noun.length;
    words.push(institution.noun);
  }
  return { words, end, structural: institution?.kind ?? kindOf(words, false) };
}

/** What the text itself says about the bare name: a person, or a one-word form that speaks. */
function personEvidence(
  text: string,
  nameStart: number,
  end: number,
  nameWords: readonly string[],
  direct: boolean,
): { person: boolean; speaker: SpeakerCue | null } {
  if (nameWords.length >= 2)
    return { person: direct || hasPersonCue(text, nameStart, end, nameWords), speaker: null };
  if (direct || hasSingleNameCue(text, nameStart, end)) return { person: true, speaker: null };
  return { person: false, speaker: speakerCue(text, nameStart, end) };
}

function mentionFrom(tokens: Token[], text: string, i: number, j: number): NameMention | null {
  const { first, credited, leadingRole } = leadOf(tokens, text, i, j);
  if (first > j) return null;
  const run = tokens.slice(first, j + 1);
  const start = (run[0] as Token).start;
  const { words, end, structural } = spanOf(run, text);
  if (isShoutedHeadline(words) || isProduct(text, start, words)) return null;
  const split = structural === 'unknown' ? titleSplit(words) : -1;
  if (split === words.length - 1) return null; // a title alone ("the Prime Minister") is not a name
  const nameWords = words.slice(split + 1);
  const honorific =
    split >= 0 && HONORIFICS.has(bare(words[split] as string)) ? bare(words[split] as string) : undefined;
  const titleEnd = (run[honorific ? split - 1 : split] as Token | undefined)?.end;
  const rolePhrase = leadingRole ?? rolePhraseBefore(tokens, text, first);
  const nameStart = (run[split + 1] as Token).start;
  const name = clean(text.slice(nameStart, end));
  if (!name || /^\p{Lu}\.?$/u.test(name)) return null;
  const title = titleEnd === undefined ? '' : clean(text.slice(start, titleEnd));
  // A title, or for a full name a role phrase or a credit, already says "person".
  const direct = split >= 0 || (nameWords.length >= 2 && (rolePhrase !== undefined || credited));
  const { person, speaker } =
    structural === 'unknown'
      ? personEvidence(text, nameStart, end, nameWords, direct)
      : { person: false, speaker: null };
  return {
    start,
    end,
    text: text.slice(start, end),
    name,
    ...(honorific ? { honorific } : {}),
    ...(title ? { title } : {}),
    ...(rolePhrase ? { rolePhrase } : {}),
    kindHint: structural === 'unknown' ? kindOf(nameWords, person) : structural,
    ...(speaker ? { personCue: speaker } : {}),
    ...(nameWords.length === 1 && ARTICLE_BEFORE.test(text.slice(Math.max(0, start - 4), start))
      ? { afterDeterminer: true }
      : {}),
  };
}

/**
 * Name mentions in `text`, or only those of the lines in [from, to) when given: `from` and `to` are line
 * starts (0, the text's length, or just after a "\n"). No name crosses a line break, and the cues read
 * the text around a name wherever it is, so the mentions of a range are exactly those one read of the
 * whole text finds there: a long article can be read a stretch at a time.
 */
export function findNameMentions(text: string, from = 0, to = text.length): NameMention[] {
  const tokens = tokenize(text, from, to);
  const mentions: NameMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!nameWord(tokens[i] as Token)) continue;
    const j = qualifierEnd(tokens, text, i, runFrom(tokens, text, i));
    const mention = mentionFrom(tokens, text, i, j);
    if (mention) mentions.push(mention);
    i = j;
  }
  return mentions;
}
