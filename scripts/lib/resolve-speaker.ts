/**
 * Resolves a quote's speaker string ("Sir Keir", "Defence Secretary John Healey", "the president") to a pack
 * entity, using only the pack's aliases and the article itself. Anything uncertain resolves to null and the
 * quote is dropped: a misattributed quote is worse than none.
 */
import type { Entity } from '../../core/model';
import { roleCovers } from '../../core/roles/role-on-date';
import { normaliseName } from '../../core/text/normalise';

/** Words before a bare surname that make it a person reference ("Mr Trump", "President Macron"). */
const TITLES = new Set(
  'mr mrs ms miss dr sir dame lord lady president minister secretary chancellor senator governor premier'.split(
    ' ',
  ),
);
const MAX_WINDOW = 5;

export interface Mention {
  start: number;
  id: string;
}

export class SpeakerResolver {
  private readonly index = new Map<string, string[]>();
  private readonly byId = new Map<string, Entity>();

  constructor(entities: readonly Entity[]) {
    for (const e of entities) {
      if (e.kind !== 'person') continue;
      this.byId.set(e.id, e);
      for (const alias of new Set([e.name, ...e.aliases].map(normaliseName))) {
        if (!alias) continue;
        const ids = this.index.get(alias) ?? [];
        if (!ids.includes(e.id)) ids.push(e.id);
        this.index.set(alias, ids);
      }
    }
  }

  /**
   * Person mentions in `text`, in order. A mention is the longest run of capitalised words that is an alias
   * of one person. A lone surname counts only after a title ("Mr Lavrov") and only for a person the text
   * (or `known`) names in full somewhere; an alias several people share counts only when exactly one of them
   * is named in full.
   */
  mentions(text: string, known: ReadonlySet<string> = new Set()): Mention[] {
    const full = new Set([...known, ...this.scan(text, known, false).map((m) => m.id)]);
    return this.scan(text, full, true);
  }

  private scan(text: string, known: ReadonlySet<string>, surnames: boolean): Mention[] {
    const out: Mention[] = [];
    for (const run of text.matchAll(/\p{Lu}[\p{L}'’.-]*(?:[ \u00A0]+\p{Lu}[\p{L}'’.-]*)*/gu)) {
      const words = [...run[0].matchAll(/[^ \u00A0]+/g)].map((m) => ({
        word: m[0],
        at: (run.index ?? 0) + (m.index ?? 0),
      }));
      let i = 0;
      while (i < words.length) {
        let matched = 0;
        for (let n = Math.min(MAX_WINDOW, words.length - i); n >= 1; n--) {
          if (n === 1 && !(surnames && i > 0 && TITLES.has(normaliseName(words[i - 1]?.word ?? ''))))
            continue;
          const ids =
            this.index.get(
              normaliseName(
                words
                  .slice(i, i + n)
                  .map((w) => w.word)
                  .join(' '),
              ),
            ) ?? [];
          const inContext = ids.filter((id) => known.has(id));
          const id = n > 1 && ids.length === 1 ? ids[0] : inContext.length === 1 ? inContext[0] : undefined;
          if (id) {
            out.push({ start: words[i]?.at ?? 0, id });
            matched = n;
            break;
          }
        }
        i += Math.max(1, matched);
      }
    }
    return out;
  }

  /**
   * The entity a speaker string names. `articleMentions` are the person mentions of the whole article;
   * `quoteStart` is where the quote begins in the article text.
   */
  resolve(
    speaker: string,
    quoteStart: number,
    articleMentions: readonly Mention[],
    date: string,
  ): string | null {
    const known = new Set(articleMentions.map((m) => m.id));
    const named = new Set(this.mentions(speaker, known).map((m) => m.id));
    if (named.size === 1) return [...named][0] ?? null;
    if (named.size > 1) return null;

    // A bare surname or given form as the whole speaker ("Starmer"): only a person the article names.
    const bare = (this.index.get(normaliseName(speaker)) ?? []).filter((id) => known.has(id));
    if (bare.length === 1) return bare[0] ?? null;

    return this.resolveRolePhrase(speaker, quoteStart, articleMentions, date);
  }

  private resolveRolePhrase(
    speaker: string,
    quoteStart: number,
    articleMentions: readonly Mention[],
    date: string,
  ): string | null {
    const phrase = rolePhrase(speaker);
    if (!phrase) return null;
    // Every person named in the article who held such an office on the date counts towards ambiguity, but
    // only one whose record is confirmed up to that date (not an open-ended 2022 snapshot row) can be chosen.
    const holders = new Map<string, boolean>();
    for (const id of new Set(articleMentions.map((m) => m.id))) {
      const roles = (this.byId.get(id)?.roles ?? []).filter(
        (r) => r.office && phrase.offices.includes(r.office) && (r.from || r.to) && roleCovers(r, date),
      );
      if (roles.length > 0)
        holders.set(
          id,
          roles.some((r) => Boolean(r.to) || !r.asOf || r.asOf >= date),
        );
    }
    const confirmed = (id: string | undefined): string | null => (id && holders.get(id) ? id : null);
    if (holders.size === 1) return confirmed([...holders.keys()][0]);
    if (holders.size === 0) return null;
    // Several holders ("the president" with four presidents named): the phrase refers back to the person
    // named last before the quote, and only if that person holds the office.
    const before = articleMentions.filter((m) => m.start < quoteStart);
    const last = before[before.length - 1];
    return confirmed(last?.id);
  }
}

const COUNTRY_WORDS: Record<string, string> = {
  us: 'us',
  'u.s.': 'us',
  american: 'us',
  french: 'fr',
  france: 'fr',
  ukrainian: 'ua',
  ukraine: 'ua',
  russian: 'ru',
  russia: 'ru',
  uk: 'gb',
  british: 'gb',
  israeli: 'il',
  israel: 'il',
};

const ROLE_OFFICES: Record<string, (cc: string) => string[]> = {
  president: (cc) => [`${cc}:president`],
  'prime minister': (cc) => [`${cc}:prime-minister`],
  leader: (cc) => (cc === 'gb' ? ['gb:prime-minister'] : [`${cc}:president`]),
  'defence secretary': (cc) => [`${cc}:defence-secretary`],
  'foreign secretary': (cc) => [`${cc}:foreign-secretary`],
  'home secretary': (cc) => [`${cc}:home-secretary`],
  chancellor: (cc) => [`${cc}:chancellor`],
  'foreign minister': (cc) => [`${cc}:foreign-minister`],
  'defence minister': (cc) => [`${cc}:defence-minister`],
  'secretary of state': (cc) => [`${cc}:secretary-of-state`],
};

const ALL_COUNTRIES = ['gb', 'us', 'fr', 'ua', 'ru', 'il'];

/** "the US president" → offices ["us:president"]; "the president" → every country's president. */
export function rolePhrase(speaker: string): { offices: string[] } | null {
  const m = /^(?:the\s+)?(?:([a-z.]+)\s+)?([a-z ]+?)$/.exec(
    speaker.trim().toLowerCase().replace(/\s+/g, ' '),
  );
  if (!m) return null;
  let country = m[1];
  let role = m[2] ?? '';
  if (country && !COUNTRY_WORDS[country]) {
    role = `${country} ${role}`;
    country = undefined;
  }
  const offices = ROLE_OFFICES[role];
  if (!offices) return null;
  const ccs = country ? [COUNTRY_WORDS[country] ?? ''] : ALL_COUNTRIES;
  return { offices: ccs.flatMap(offices) };
}
