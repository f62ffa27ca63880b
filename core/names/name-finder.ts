/**
 * Finds candidate name mentions in text: capitalised sequences with surname particles, initials and
 * organisation connectors, split into title/honorific and bare name. Offsets refer to the raw input,
 * so soft hyphens and non-breaking spaces inside names are kept in the span.
 */
import {
  CALENDAR,
  HONORIFICS,
  ORG_CONNECTORS,
  ORG_HEADS,
  ORG_TAILS,
  PARTICLES,
  PLACE_TAILS,
  ROLE_NOUNS,
  STOPWORDS,
  TITLE_HEADS,
} from './name-lexicon';
import { hasPersonCue } from './person-cues';

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
}

interface Token {
  text: string;
  start: number;
  end: number;
}

const TOKEN =
  /(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gen|Prof|St|Lt|Col|Gov)\.|\p{Lu}\.(?=[ \u00A0]\p{Lu})|(?<![\p{L}\p{N}'’\u00AD-])[\p{L}\p{N}][\p{L}\p{M}\p{N}\u00AD'’-]*/gu;
const JOINING_GAP = /^[ \u00A0\u202F]$/;
const POSSESSIVE = /['’]s?$/u;

const CREDIT_WORDS = new Set(['Credit', 'Credits', 'Photo', 'Photograph', 'Picture', 'Pictured', 'Image']);

const isCap = (t: string) => /^\p{Lu}/u.test(t);
const bare = (t: string) => t.replace(/\u00AD/g, '').replace(/\.$/, '');

/**
 * Where a caption glued two words together ("West Mercia PoliceEloise Parry"): a lower-case run of four
 * letters or more, then a capital and lower case. Brand names glued on purpose ("YouTube", "iPhone") have a
 * shorter or lower-case head and are left alone.
 */
const GLUE = /(?<=^\p{Lu}\p{Ll}{4,})(?=\p{Lu}\p{Ll}{2})/u;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    const cut = GLUE.exec(m[0])?.index;
    if (cut) {
      tokens.push({ text: m[0].slice(0, cut), start, end: start + cut });
      tokens.push({ text: m[0].slice(cut), start: start + cut, end: start + m[0].length });
    } else tokens.push({ text: m[0], start, end: start + m[0].length });
  }
  return tokens;
}

/** "al-Bashir", "el-Sisi", "bin-Salman": a lower-case particle hyphenated to a capitalised surname. */
const PARTICLE_SURNAME = /^(?:al|el|ad|ash|as|at|az|bin|ibn|abu|abd|ben)-\p{Lu}/u;

function nameWord(t: Token): boolean {
  const b = bare(t.text);
  if (PARTICLE_SURNAME.test(b)) return true;
  return isCap(t.text) && !CALENDAR.has(b) && !/^\p{Lu}?\d/u.test(b);
}

/** Extends a capitalised run from token i, allowing particles and (inside organisation names) connectors. */
function runFrom(tokens: Token[], text: string, i: number): number {
  let j = i;
  const hasOrgHead = () => tokens.slice(i, j + 1).some((t) => ORG_HEADS.has(bare(t.text)));
  while (j + 1 < tokens.length) {
    const next = tokens[j + 1] as Token;
    const gap = text.slice((tokens[j] as Token).end, next.start);
    if (!JOINING_GAP.test(gap) || (POSSESSIVE.test((tokens[j] as Token).text) && j > i)) break;
    if (nameWord(next)) {
      j++;
      continue;
    }
    // Particles may chain ("von der Leyen"); a connector joins only inside an organisation name.
    let k = j + 1;
    while (k < tokens.length && PARTICLES.has((tokens[k] as Token).text.toLowerCase()) && k - j <= 2) k++;
    if (k === j + 1 && ORG_CONNECTORS.has(next.text.toLowerCase()) && hasOrgHead()) k++;
    const after = tokens[k];
    const gaps = tokens
      .slice(j + 1, k + 1)
      .every((t, n) => JOINING_GAP.test(text.slice((tokens[j + n] as Token).end, t.start)));
    if (k > j + 1 && after && nameWord(after) && gaps) {
      j = k;
      continue;
    }
    break;
  }
  return j;
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

function mentionFrom(tokens: Token[], text: string, i: number, j: number): NameMention | null {
  let first = i;
  while (first <= j && STOPWORDS.has(bare((tokens[first] as Token).text))) first++;
  // A caption credit ("Photo Credit Harry Campbell") is not part of the name, but says it is a person.
  let credited = false;
  while (first < j && CREDIT_WORDS.has(bare((tokens[first] as Token).text))) {
    first++;
    credited = true;
  }
  // A sentence-initial role noun ("Economist Jane Okafor said") is a role, not part of the name.
  let leadingRole: string | undefined;
  const lead = (tokens[first] as Token | undefined)?.text ?? '';
  if (first < j && ROLE_NOUNS.has(lead.toLowerCase()) && !TITLE_HEADS.has(lead)) {
    leadingRole = (tokens[first] as Token).text.toLowerCase();
    first++;
  }
  if (first > j) return null;
  const run = tokens.slice(first, j + 1);
  const words = run.map((t) => t.text);
  let end = (run.at(-1) as Token).end;
  const lastWord = words.at(-1) as string;
  const possessive = lastWord.match(/['’]s$/u);
  if (possessive) {
    end -= possessive[0].length;
    words[words.length - 1] = lastWord.slice(0, -possessive[0].length);
  }
  const structural = kindOf(words, false);
  let split = -1;
  if (structural === 'unknown') {
    words.forEach((w, k) => {
      if (HONORIFICS.has(bare(w)) || TITLE_HEADS.has(bare(w))) split = k;
    });
  }
  if (split === words.length - 1) return null; // a title alone ("the Prime Minister") is not a name
  const nameWords = words.slice(split + 1);
  const honorific =
    split >= 0 && HONORIFICS.has(bare(words[split] as string)) ? bare(words[split] as string) : undefined;
  const titleWords = words.slice(0, honorific ? split : split + 1);
  const rolePhrase = leadingRole ?? rolePhraseBefore(tokens, text, first);
  const start = (run[0] as Token).start;
  const name = nameWords
    .join(' ')
    .replace(/\u00AD/g, '')
    .replace(/\u00A0/g, ' ');
  if (!name || /^\p{Lu}\.?$/u.test(name)) return null;
  const person =
    split >= 0 ||
    (nameWords.length >= 2 &&
      (rolePhrase !== undefined ||
        credited ||
        hasPersonCue(text, (run[split + 1] as Token).start, end, nameWords)));
  return {
    start,
    end,
    text: text.slice(start, end),
    name,
    ...(honorific ? { honorific } : {}),
    ...(titleWords.length ? { title: titleWords.join(' ') } : {}),
    ...(rolePhrase ? { rolePhrase } : {}),
    kindHint: structural === 'unknown' ? kindOf(nameWords, person) : structural,
  };
}

export function findNameMentions(text: string): NameMention[] {
  const tokens = tokenize(text);
  const mentions: NameMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!nameWord(tokens[i] as Token)) continue;
    const j = runFrom(tokens, text, i);
    const mention = mentionFrom(tokens, text, i, j);
    if (mention) mentions.push(mention);
    i = j;
  }
  return mentions;
}
