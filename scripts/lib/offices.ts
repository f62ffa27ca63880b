/**
 * Office keys for role-phrase resolution ("the Prime Minister", "the US president") and full titles, keyed by
 * the officeholder snapshot's short position label per country.
 */
import type { OfficeholderRepo } from './datasets';

export interface Office {
  key: string;
  title: string;
}

/**
 * Office keys for role-phrase resolution ("the Prime Minister", "the US president"), for heads of state and
 * government, their deputies, and the foreign, defence, finance and interior ministers. Keyed by the
 * snapshot's short position label per country; Germany, Italy, Japan and Canada have no snapshot, so their
 * labels are the offices' English names and only the curated file uses their keys.
 */
export const OFFICES: Record<string, Record<string, Office>> = {
  gb: {
    monarch: { key: 'gb:monarch', title: 'Monarch of the United Kingdom' },
    'Prime Minister': { key: 'gb:prime-minister', title: 'Prime Minister of the United Kingdom' },
    'Deputy Prime Minister': {
      key: 'gb:deputy-prime-minister',
      title: 'Deputy Prime Minister of the United Kingdom',
    },
    'Chancellor of the Exchequer': { key: 'gb:chancellor', title: 'Chancellor of the Exchequer' },
    'Secretary of State for Foreign and Commonwealth Affairs': {
      key: 'gb:foreign-secretary',
      title: 'Secretary of State for Foreign and Commonwealth Affairs',
    },
    'Secretary of State for Defence': {
      key: 'gb:defence-secretary',
      title: 'Secretary of State for Defence',
    },
    'Secretary of State for the Home Department': { key: 'gb:home-secretary', title: 'Home Secretary' },
  },
  us: {
    President: { key: 'us:president', title: 'President of the United States' },
    'Vice President': { key: 'us:vice-president', title: 'Vice President of the United States' },
    'Secretary of State': { key: 'us:secretary-of-state', title: 'United States Secretary of State' },
    'Secretary of Defence': { key: 'us:defense-secretary', title: 'United States Secretary of Defense' },
    'Secretary of the Treasury': {
      key: 'us:treasury-secretary',
      title: 'United States Secretary of the Treasury',
    },
  },
  ru: {
    President: { key: 'ru:president', title: 'President of Russia' },
    'Prime Minister': { key: 'ru:prime-minister', title: 'Prime Minister of Russia' },
    'Minister of Foreign Affairs': {
      key: 'ru:foreign-minister',
      title: 'Minister of Foreign Affairs of Russia',
    },
    'Minister of Defence': { key: 'ru:defence-minister', title: 'Minister of Defence of Russia' },
    'Minister of Finance': { key: 'ru:finance-minister', title: 'Minister of Finance of Russia' },
  },
  ua: {
    President: { key: 'ua:president', title: 'President of Ukraine' },
    'Prime Minister': { key: 'ua:prime-minister', title: 'Prime Minister of Ukraine' },
    'Minister of Foreign Affairs': {
      key: 'ua:foreign-minister',
      title: 'Minister of Foreign Affairs of Ukraine',
    },
    'Minister of Defence': { key: 'ua:defence-minister', title: 'Minister of Defence of Ukraine' },
    'Minister of Finance': { key: 'ua:finance-minister', title: 'Minister of Finance of Ukraine' },
  },
  fr: {
    President: { key: 'fr:president', title: 'President of France' },
    'Prime Minister': { key: 'fr:prime-minister', title: 'Prime Minister of France' },
    'Minister of Foreign Affairs': {
      key: 'fr:foreign-minister',
      title: 'Minister of Foreign Affairs of France',
    },
    'Minister of Europe and Foreign Affairs': {
      key: 'fr:foreign-minister',
      title: 'Minister of Europe and Foreign Affairs of France',
    },
    'Minister of the Armed Forces': {
      key: 'fr:defence-minister',
      title: 'Minister of the Armed Forces of France',
    },
    'Minister of the Economy, Finances and Industry': {
      key: 'fr:finance-minister',
      title: 'Minister of the Economy and Finance of France',
    },
  },
  de: {
    'Federal Chancellor': { key: 'de:chancellor', title: 'Chancellor of Germany' },
    'Federal Minister for Foreign Affairs': {
      key: 'de:foreign-minister',
      title: 'Federal Minister for Foreign Affairs of Germany',
    },
  },
  it: {
    'Prime Minister': { key: 'it:prime-minister', title: 'Prime Minister of Italy' },
    'Minister of Foreign Affairs and International Cooperation': {
      key: 'it:foreign-minister',
      title: 'Minister of Foreign Affairs and International Cooperation of Italy',
    },
  },
  jp: {
    'Prime Minister': { key: 'jp:prime-minister', title: 'Prime Minister of Japan' },
    'Minister for Foreign Affairs': {
      key: 'jp:foreign-minister',
      title: 'Minister for Foreign Affairs of Japan',
    },
  },
  ca: {
    'Prime Minister': { key: 'ca:prime-minister', title: 'Prime Minister of Canada' },
    'Minister of Foreign Affairs': {
      key: 'ca:foreign-minister',
      title: 'Minister of Foreign Affairs of Canada',
    },
  },
  il: {
    President: { key: 'il:president', title: 'President of Israel' },
    'Prime Minister': { key: 'il:prime-minister', title: 'Prime Minister of Israel' },
    'Minister of Foreign Affairs': {
      key: 'il:foreign-minister',
      title: 'Minister of Foreign Affairs of Israel',
    },
    'Minister of Defence': { key: 'il:defence-minister', title: 'Minister of Defence of Israel' },
    'Minister of Finance': { key: 'il:finance-minister', title: 'Minister of Finance of Israel' },
  },
};

/**
 * Offices only the curated file gives (no snapshot row has them): party and opposition posts, which a
 * role phrase does not name on its own ("the leader" needs a country and means the head of government).
 */
const CURATED_ONLY_OFFICES: readonly Office[] = [
  { key: 'gb:conservative-leader', title: 'Leader of the Conservative Party' },
  { key: 'gb:leader-of-the-opposition', title: 'Leader of the Opposition' },
];

/** Every office key the pack may carry, so a curated record with a mistyped key is rejected. */
export const KNOWN_OFFICE_KEYS: ReadonlySet<string> = new Set([
  ...Object.values(OFFICES).flatMap((byLabel) => Object.values(byLabel).map((o) => o.key)),
  ...CURATED_ONLY_OFFICES.map((o) => o.key),
]);

const ADJECTIVES: Record<string, string[]> = {
  gb: ['United Kingdom', 'British', 'UK'],
  us: ['United States', 'U.S.', 'White House', 'American'],
  ru: ['Russia', 'Kremlin'],
  ua: ['Ukraine', 'Ukrainian', 'Verkhovna Rada'],
  fr: ['France', 'French'],
  il: ['Israel', 'Knesset', 'Mossad'],
  de: ['Germany', 'German', 'Bundestag'],
  it: ['Italy', 'Italian'],
  jp: ['Japan', 'Japanese'],
  ca: ['Canada', 'Canadian'],
};

/**
 * The office for a position label: a mapped key, or no key with the country named in the title. Only the
 * mapped offices get a key: a key makes a role outrank plain membership on a date, which a 2022 junior post
 * that may long have ended should not do.
 */
export function officeFor(repo: OfficeholderRepo, label: string): { key?: string; title: string } {
  const mapped = OFFICES[repo.country]?.[label];
  if (mapped) return mapped;
  const named = (ADJECTIVES[repo.country] ?? []).some((a) => label.includes(a));
  const title = named ? label : `${label} (${repo.countryName})`;
  return { title: title.charAt(0).toUpperCase() + title.slice(1) };
}
