/**
 * Context that says a capitalised sequence is a person even when nobody in the database has that name:
 * how news prose introduces people. Each cue is grammar, not a fact about anyone:
 *
 * - speech and reporting verbs: "Zeev Sharon said", "said Lotfi Azzouz", "according to Jane Doe";
 * - appositions: "Eloise Parry, 21," (an age), "Jane Doe, who", "her mother, Fiona,",
 *   "the chief executive, Marissa Mayer", "Jane Doe, a spokeswoman for";
 * - photo credits: "Credit Ashraf Shazly/Agence France-Presse", "Photo Credit Harry Campbell",
 *   "JIM WATSON/AFP/Getty Images";
 * - bylines at the start of a line: "By JANE DOE";
 * - report credits: "Heba Habib contributed to this report".
 *
 * The callers ask about sequences of two or more name words; one word alone is only a person after a
 * person noun ("the poet Homer."). The organisation and place cues ("Amnesty International said",
 * "Downing Street said") win over these.
 */
import { pattern } from '../figures/pattern';
import { PERSON_NOUNS, ROLE_NOUNS } from './name-lexicon';

const SPEECH_VERBS =
  'said|says|told|tells|added|explained|wrote|writes|argued|insisted|warned|noted|recalled|tweeted|replied|asked|admitted|acknowledged|claimed|continued|conceded|declared|stressed|testified';

const AFTER = pattern(
  [
    `^,? (?:${SPEECH_VERBS})\\b`,
    // "Eloise Parry, 21, was taken": an age in commas.
    '^, \\d{1,3},',
    '^,? who\\b',
    // "Jim Watson/AFP", "Ashraf Shazly/Agence France-Presse": a photographer before an agency.
    '^ ?/ ?\\p{Lu}',
    '^ contributed (?:to )?(?:this|the) report',
    '^ (?:has|have) contributed',
  ].join('|'),
  'u',
);

/** Relations that introduce a person in apposition: "her mother, Fiona,". */
const RELATIONS =
  'mother|father|wife|husband|son|daughter|sister|brother|partner|friend|widow|widower|boyfriend|girlfriend|grandmother|grandfather|aunt|uncle|cousin|colleague|neighbour|neighbor';
const RELATION = pattern(`^(?:${RELATIONS})$`);

const BEFORE = pattern(
  [
    `\\b(?:${SPEECH_VERBS}) $`,
    '\\baccording to $',
    // A credit may be glued to its neighbours by missing spaces ("weather.CreditJane Roe").
    '(?:(?<!\\p{L})|(?<=\\p{Ll})(?=\\p{Lu}))(?:Photo |Photograph |Image |Picture )?(?:Credit|credit|Credits|Photograph|Photo|Pictured|Illustration)[:.]? ?$',
    // A byline opens its line: "By JANE DOE", "Reporting by Jane Doe".
    '(?:^|\\n)[ \\t]*(?:(?:Story|Words|Reporting|Written|Text|Photos|Pictures) )?(?:By|BY|by):? ?$',
  ].join('|'),
  'u',
);

const APPOSITION_BEFORE = pattern(
  String.raw`\b([\p{Ll}-]+)(?: of(?: the)? \p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,3})?, $`,
  'u',
);

/**
 * "Jane Doe, a spokeswoman for", "Jane Doe, the chief economist at": after the comma an article, up to
 * three describing words, and a noun only a person can be, which ends the phrase or takes a preposition.
 * "member" is left out: "Sweden, a member of NATO".
 */
const APPOSITION_AFTER = pattern(
  String.raw`^, (?:a|an|the|his|her|their|its) (?:(?!of |for |at |in |to |with |and |from )[\p{L}'’-]+ ){0,3}([\p{Ll}-]+)(?=[,.;:]| (?:of|for|at|in|to|with|and|from|who)\b)`,
  'u',
);

/**
 * Surname particles that occur (almost) only inside people's names. "al-" and "el-" also name groups and
 * places ("Jabhat al-Nusra", "Sharm el-Sheikh"), so they are no cue on their own.
 */
const PERSON_PARTICLES = /^(?:bin|ibn|bint|van|von|abu|ben)$|^(?:bin|ibn)-/;

function appositionBefore(before: string): boolean {
  const match = APPOSITION_BEFORE().exec(before);
  const noun = match?.[1]?.toLowerCase();
  if (!noun) return false;
  return ROLE_NOUNS.has(noun) || RELATION().test(noun);
}

function appositionAfter(after: string): boolean {
  const noun = APPOSITION_AFTER().exec(after)?.[1]?.toLowerCase();
  return noun !== undefined && (PERSON_NOUNS.has(noun) || RELATION().test(noun));
}

/** True when what follows `end` goes on as it does after a person: "said", ", 21,", ", who", ", a lawyer". */
export function hasPersonCueAfter(text: string, end: number): boolean {
  const after = text.slice(end, end + 80);
  return AFTER().test(after) || appositionAfter(after);
}

/**
 * True when the text around `text.slice(start, end)` introduces a person. `words` are the name's words,
 * for the particle cue ("Osama bin Laden", "Mohammed bin Salman").
 */
export function hasPersonCue(text: string, start: number, end: number, words: readonly string[]): boolean {
  if (words.slice(1).some((w) => PERSON_PARTICLES.test(w))) return true;
  if (hasPersonCueAfter(text, end)) return true;
  const before = text.slice(Math.max(0, start - 60), start);
  return BEFORE().test(before) || appositionBefore(before);
}

/** "the poet ", "Labour's economist ": a determiner or owner, up to two words and a person noun. */
const PERSON_NOUN_BEFORE = pattern(
  String.raw`(?:^|[\s(])(?:the|a|an|his|her|their|its|our|\p{L}+['’]s)(?: [\p{Ll}-]+){0,2} ([\p{Ll}-]+) $`,
  'u',
);
/** The single name ends the clause or its subject speaks: "the poet Homer.", "the singer Adele said". */
const CLAUSE_END_AFTER = pattern(`^(?:$|[.,;:!?)”"—–]| (?:${SPEECH_VERBS})\\b)`, 'u');

/**
 * True when a one-word name is introduced by a person noun and is not itself modifying a noun: "the poet
 * Homer." is a person, "the official Twitter account" is not.
 */
export function hasSingleNameCue(text: string, start: number, end: number): boolean {
  const noun = PERSON_NOUN_BEFORE().exec(text.slice(Math.max(0, start - 60), start))?.[1];
  if (!noun || !PERSON_NOUNS.has(noun)) return false;
  return CLAUSE_END_AFTER().test(text.slice(end, end + 20));
}

export type SpeakerCue = 'speaker' | 'speaker-pronoun';

/** A determiner before one capitalised word makes it a thing or a group: "the Brotherhood said". */
const DETERMINER_BEFORE = pattern(
  String.raw`\b(?:the|a|an|this|that|its|their|The|A|An|This|That|Its|Their) $`,
  'u',
);
/** Directly followed: after a comma the verb may belong to an apposition's owner ("experts on Chad, said he"). */
const SPEAKS_AFTER = pattern(`^ (?:${SPEECH_VERBS})\\b`, 'u');
/**
 * Inverted, "said Okoro." or "says Okoro, a …": the name ends the clause, so it is not the subject of a
 * reported clause ("officials said Chad had …").
 */
const SPOKE_BEFORE = pattern(`\\b(?:${SPEECH_VERBS}) $`, 'u');
const CLAUSE_ENDS = /^(?:[,.;:!?]|$)/u;
const PERSONAL_PRONOUN = /\b(?:he|she|him|his|her|himself|herself)\b/iu;

/**
 * Whether a one-word name is the subject of a speech verb ("Okoro said", "said Okoro."), and whether the
 * rest of its sentence refers to it as a person ("Zuri told police it was taken from her room").
 */
export function speakerCue(text: string, start: number, end: number): SpeakerCue | null {
  if (DETERMINER_BEFORE().test(text.slice(Math.max(0, start - 8), start))) return null;
  const after = text.slice(end, end + 120);
  const inverted = SPOKE_BEFORE().test(text.slice(Math.max(0, start - 20), start)) && CLAUSE_ENDS.test(after);
  if (!SPEAKS_AFTER().test(after) && !inverted) return null;
  const sentence = after.split(/[.!?\n]/)[0] ?? '';
  return PERSONAL_PRONOUN.test(sentence) ? 'speaker-pronoun' : 'speaker';
}
