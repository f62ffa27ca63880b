/**
 * Context that says a capitalised sequence is a person even when nobody in the database has that name:
 * how news prose introduces people. Each cue is grammar, not a fact about anyone:
 *
 * - speech and reporting verbs: "Zeev Sharon said", "said Lotfi Azzouz", "according to Jane Doe";
 * - appositions: "Eloise Parry, 21," (an age), "Jane Doe, who", "her mother, Fiona,",
 *   "the chief executive, Marissa Mayer";
 * - photo credits: "Credit Ashraf Shazly/Agence France-Presse", "Photo Credit Harry Campbell",
 *   "JIM WATSON/AFP/Getty Images";
 * - report credits: "Heba Habib contributed to this report".
 *
 * The callers only ask about sequences of two or more name words, and the organisation and place cues
 * ("Amnesty International said", "Downing Street said") win over these.
 */
import { ROLE_NOUNS } from './name-lexicon';

const SPEECH_VERBS =
  'said|says|told|added|explained|wrote|writes|argued|insisted|warned|noted|recalled|tweeted|replied|asked|admitted|acknowledged|claimed|continued|conceded|declared|stressed|testified';

const AFTER = new RegExp(
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

const BEFORE = new RegExp(
  [
    `\\b(?:${SPEECH_VERBS}) $`,
    '\\baccording to $',
    '(?:^|\\s)(?:Photo |Photograph |Image |Picture )?(?:Credit|credit|Credits|Photograph|Photo|Pictured|Illustration)[:.]? $',
  ].join('|'),
  'u',
);

const APPOSITION_BEFORE = /\b([\p{Ll}-]+)(?: of(?: the)? \p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,3})?, $/u;

/** Surname particles that occur (almost) only inside people's names. */
const PERSON_PARTICLES = /^(?:bin|ibn|bint|van|von|abu|al-|el-|ben)/;

function appositionBefore(before: string): boolean {
  const match = APPOSITION_BEFORE.exec(before);
  const noun = match?.[1]?.toLowerCase();
  if (!noun) return false;
  return ROLE_NOUNS.has(noun) || new RegExp(`^(?:${RELATIONS})$`).test(noun);
}

/**
 * True when the text around `text.slice(start, end)` introduces a person. `words` are the name's words,
 * for the particle cue ("Osama bin Laden", "Omar Hassan al-Bashir").
 */
export function hasPersonCue(text: string, start: number, end: number, words: readonly string[]): boolean {
  if (words.slice(1).some((w) => PERSON_PARTICLES.test(w))) return true;
  const after = text.slice(end, end + 40);
  if (AFTER.test(after)) return true;
  const before = text.slice(Math.max(0, start - 60), start);
  return BEFORE.test(before) || appositionBefore(before);
}
