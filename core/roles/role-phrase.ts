/**
 * Role phrases: "the Prime Minister", "the US president", "the Russian leader". Found in article text
 * (to say who held the office on the article's date) and parsed out of the titles the article attaches to
 * names ("Russia defence minister Sergey Lavrov"), to check them against the database.
 */
import { CALENDAR } from '../names/name-lexicon';
import { COUNTRY_WORDS, OFFICE_PHRASES, type OfficeConcept } from './office-lexicon';

export interface OfficeReference {
  concept: OfficeConcept;
  /** ISO 3166-1 alpha-2, lower case, when the phrase names the country. */
  country?: string;
}

export interface RolePhraseMention extends OfficeReference {
  start: number;
  end: number;
  text: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\u00A0]+');
const byLength = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
const COUNTRY_ALT = byLength(Object.keys(COUNTRY_WORDS)).map(escapeRegExp).join('|');
const OFFICE_ALT = OFFICE_PHRASES.map(([phrase]) => escapeRegExp(phrase)).join('|');
const OFFICE_BY_PHRASE = new Map<string, OfficeConcept>(OFFICE_PHRASES.map(([p, c]) => [p, c]));

/**
 * "the" + optional country word + office ("the German chancellor"), or a country's possessive + office
 * ("Japan's prime minister", "the UK's foreign secretary"), as whole words; "-elect" and "vice-" forms are
 * excluded. Groups: 1 the country word after "the", 2 the possessive country, 3 the office.
 */
const ROLE_PHRASE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:the[ \\u00A0]+(?:(${COUNTRY_ALT})[ \\u00A0]+)?|(?:the[ \\u00A0]+)?(${COUNTRY_ALT})['’]s[ \\u00A0]+)(${OFFICE_ALT})(?![\\p{L}\\p{N}-])`,
  'giu',
);
/** "… of France": the country after the office. */
const OF_COUNTRY = new RegExp(
  `^[ \\u00A0]+of[ \\u00A0]+(?:the[ \\u00A0]+)?(${COUNTRY_ALT})(?![\\p{L}\\p{N}])`,
  'iu',
);
/** What may follow an office without it being that office: "of the company", "for Health", "and CEO". */
const NOT_THE_OFFICE = /^[ \u00A0]+(?:of|for|and[ \u00A0]+(?:chief|ceo|founder|co-founder|managing))\b/iu;
/** A capitalised word right after the office: a title before a name ("the Prime Minister Keir Starmer"). */
const NAME_AFTER = /^[ \u00A0]+(\p{Lu}[\p{L}'’-]*)/u;

const space = (s: string) => s.toLowerCase().replace(/[\s\u00A0]+/g, ' ');

function conceptOf(office: string): OfficeConcept | undefined {
  return OFFICE_BY_PHRASE.get(space(office));
}

function countryOf(word: string | undefined): string | undefined {
  return word ? COUNTRY_WORDS[space(word)] : undefined;
}

/** Role phrases in text. Only phrases that can stand for one office holder: "leader" needs a country. */
export function findRolePhrases(text: string): RolePhraseMention[] {
  const found: RolePhraseMention[] = [];
  for (const match of text.matchAll(ROLE_PHRASE)) {
    const concept = conceptOf(match[3] ?? '');
    if (!concept) continue;
    const start = match.index ?? 0;
    let end = start + match[0].length;
    let country = countryOf(match[1] ?? match[2]);
    const after = text.slice(end, end + 80);
    const of = OF_COUNTRY.exec(after);
    if (of) {
      if (country) continue; // "the US president of France" is not one office
      country = countryOf(of[1]);
      end += of[0].length;
    } else {
      if (NOT_THE_OFFICE.test(after)) continue;
      const next = NAME_AFTER.exec(after)?.[1];
      if (next && !CALENDAR.has(next)) continue;
    }
    if (concept === 'leader' && !country) continue;
    found.push({ start, end, text: text.slice(start, end), concept, ...(country ? { country } : {}) });
  }
  return found;
}

/**
 * The office a title or role phrase names ("US President", "Russia defence minister", "Defence
 * Secretary"), or null when it says anything more ("former", "shadow", "deputy", a party): those are not
 * claims about an office we can check.
 */
export function parseOfficeWords(words: string): OfficeReference | null {
  let rest = space(words)
    .replace(/['’]s$/u, '')
    .replace(/^the /, '')
    .trim();
  let country: string | undefined;
  for (const word of byLength(Object.keys(COUNTRY_WORDS))) {
    // "German chancellor" or "Japan's prime minister"
    const lead = [`${word} `, `${word}'s `, `${word}’s `].find((form) => rest.startsWith(form));
    if (lead) {
      country = COUNTRY_WORDS[word];
      rest = rest.slice(lead.length);
      break;
    }
  }
  // The last "of" names the country: "minister of foreign affairs of Canada".
  const ofCountry = /^(.+) of (?:the )?(.+)$/.exec(rest);
  if (ofCountry && !country && COUNTRY_WORDS[ofCountry[2] ?? '']) {
    country = COUNTRY_WORDS[ofCountry[2] ?? ''];
    rest = ofCountry[1] ?? '';
  }
  const concept = OFFICE_BY_PHRASE.get(rest);
  if (!concept || (concept === 'leader' && !country)) return null;
  return { concept, ...(country ? { country } : {}) };
}
