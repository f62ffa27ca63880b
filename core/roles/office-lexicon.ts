/**
 * The words news copy uses for offices ("defence secretary", "the US leader") and the office keys they can
 * mean. Office keys are "<country>:<office>" as the pack builder writes them (e.g. "gb:prime-minister").
 * One phrase maps to a concept; a concept maps to the office suffixes any country uses for it, because
 * "defence minister" is "gb:defence-secretary" in London and "ru:defence-minister" in Moscow.
 */

export type OfficeConcept =
  | 'leader'
  | 'president'
  | 'vice-president'
  | 'prime-minister'
  | 'chancellor'
  | 'exchequer'
  | 'defence'
  | 'foreign'
  | 'secretary-of-state'
  | 'home'
  | 'finance';

/**
 * Office suffixes (after "<country>:") a concept covers. `leader` depends on the country: see HEAD_OFFICE.
 * "Chancellor" is the office key of two different offices: the Chancellor of the Exchequer in London
 * ("gb:chancellor") and the Federal Chancellor in Berlin ("de:chancellor"); the country decides, and
 * "chancellor of the exchequer" names only the British one (see EXCHEQUER_COUNTRY).
 */
export const CONCEPT_OFFICES: Record<Exclude<OfficeConcept, 'leader'>, readonly string[]> = {
  president: ['president'],
  'vice-president': ['vice-president'],
  'prime-minister': ['prime-minister'],
  chancellor: ['chancellor'],
  exchequer: ['chancellor'],
  defence: ['defence-secretary', 'defense-secretary', 'defence-minister'],
  foreign: ['foreign-secretary', 'foreign-minister', 'secretary-of-state'],
  // The US title only: in London "the Secretary of State" is whichever cabinet minister the story is about.
  'secretary-of-state': ['secretary-of-state'],
  home: ['home-secretary', 'interior-minister'],
  finance: ['finance-minister', 'treasury-secretary'],
};

/** The only country with a Chancellor of the Exchequer. */
const EXCHEQUER_COUNTRY = 'gb';

/** Who "the <country> leader" is: the head of government where that is the office that leads, else of state. */
export const HEAD_OFFICE: Readonly<Record<string, string>> = {
  us: 'president',
  ru: 'president',
  ua: 'president',
  fr: 'president',
  cn: 'president',
  gb: 'prime-minister',
  de: 'chancellor',
  it: 'prime-minister',
  jp: 'prime-minister',
  ca: 'prime-minister',
  il: 'prime-minister',
};

/** Lower-case office phrases, longest first so "vice president" wins over "president". */
export const OFFICE_PHRASES: ReadonlyArray<readonly [string, OfficeConcept]> = (
  [
    ['vice president', 'vice-president'],
    ['vice-president', 'vice-president'],
    ['prime minister', 'prime-minister'],
    ['premier', 'prime-minister'],
    ['president', 'president'],
    ['chancellor of the exchequer', 'exchequer'],
    ['federal chancellor', 'chancellor'],
    ['chancellor', 'chancellor'],
    ['defence secretary', 'defence'],
    ['defense secretary', 'defence'],
    ['defence minister', 'defence'],
    ['defense minister', 'defence'],
    ['secretary of defense', 'defence'],
    ['secretary of defence', 'defence'],
    ['foreign secretary', 'foreign'],
    ['foreign minister', 'foreign'],
    ['federal foreign minister', 'foreign'],
    ['foreign affairs minister', 'foreign'],
    ['minister of foreign affairs', 'foreign'],
    ['minister for foreign affairs', 'foreign'],
    ['secretary of state', 'secretary-of-state'],
    ['home secretary', 'home'],
    ['interior minister', 'home'],
    ['finance minister', 'finance'],
    ['treasury secretary', 'finance'],
    ['leader', 'leader'],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

/** Country words as news copy writes them before an office ("US president", "Russian defence minister"). */
export const COUNTRY_WORDS: Readonly<Record<string, string>> = {
  us: 'us',
  'u.s.': 'us',
  american: 'us',
  'united states': 'us',
  america: 'us',
  uk: 'gb',
  'u.k.': 'gb',
  british: 'gb',
  britain: 'gb',
  'great britain': 'gb',
  'united kingdom': 'gb',
  russia: 'ru',
  russian: 'ru',
  ukraine: 'ua',
  ukrainian: 'ua',
  france: 'fr',
  french: 'fr',
  israel: 'il',
  israeli: 'il',
  germany: 'de',
  german: 'de',
  italy: 'it',
  italian: 'it',
  japan: 'jp',
  japanese: 'jp',
  canada: 'ca',
  canadian: 'ca',
  china: 'cn',
  chinese: 'cn',
};

/** The office suffixes a concept means in a country, or in any country when none is given. */
export function officeSuffixes(concept: OfficeConcept, country?: string): readonly string[] {
  if (concept === 'leader') {
    const head = country ? HEAD_OFFICE[country] : undefined;
    return head ? [head] : [];
  }
  if (concept === 'exchequer' && country && country !== EXCHEQUER_COUNTRY) return [];
  return CONCEPT_OFFICES[concept];
}

/** Full office keys a concept means in one country. */
export function officeKeys(concept: OfficeConcept, country: string): string[] {
  return officeSuffixes(concept, country).map((suffix) => `${country}:${suffix}`);
}

/** Whether an office key ("ru:foreign-minister") is one the concept names, in the given country if any. */
export function officeMatches(office: string, concept: OfficeConcept, country?: string): boolean {
  const [officeCountry, suffix] = office.split(':');
  if (!suffix || (country && officeCountry !== country)) return false;
  return officeSuffixes(concept, country ?? officeCountry).includes(suffix);
}
