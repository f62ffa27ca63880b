/**
 * Article-local resolution: the forms one article uses for one name ("Volodymyr Zelensky",
 * "Mr Zelensky", "President Zelensky") become one cluster. A short form joins a full name only when
 * exactly one full name in the article fits it; otherwise it stays on its own. Never guess.
 */
import { normaliseName } from '../text/normalise';
import type { NameKindHint, NameMention } from './name-finder';

export interface NameCluster {
  id: string;
  canonical: string;
  forms: string[];
  lookupKeys: string[];
  mentionIndexes: number[];
  kindHint: NameKindHint;
  titles: string[];
  rolePhrases: string[];
}

const KIND_STRENGTH: Record<NameKindHint, number> = { unknown: 0, place: 1, organization: 2, person: 3 };
const FIRST_NAME_HONORIFICS = new Set(['Sir', 'Dame', 'Lord', 'Lady']);

function newCluster(mention: NameMention, index: number): NameCluster {
  const key = normaliseName(mention.name);
  return {
    id: key,
    canonical: mention.name,
    forms: [],
    lookupKeys: [key],
    mentionIndexes: [index],
    kindHint: 'unknown',
    titles: [],
    rolePhrases: [],
  };
}

function absorb(cluster: NameCluster, mention: NameMention, index: number): void {
  if (!cluster.mentionIndexes.includes(index)) cluster.mentionIndexes.push(index);
  if (!cluster.forms.includes(mention.name)) cluster.forms.push(mention.name);
  if (KIND_STRENGTH[mention.kindHint] > KIND_STRENGTH[cluster.kindHint]) cluster.kindHint = mention.kindHint;
  if (mention.title && !cluster.titles.includes(mention.title)) cluster.titles.push(mention.title);
  if (mention.rolePhrase && !cluster.rolePhrases.includes(mention.rolePhrase))
    cluster.rolePhrases.push(mention.rolePhrase);
  // "Sir Keir" is also an alias in its own right; keep it as a fallback key.
  if (mention.honorific && FIRST_NAME_HONORIFICS.has(mention.honorific)) {
    const key = normaliseName(`${mention.honorific} ${mention.name}`);
    if (!cluster.lookupKeys.includes(key)) cluster.lookupKeys.push(key);
  }
}

interface FullMatch {
  cluster: NameCluster;
  by: 'surname' | 'first name';
}

/** The one full-name cluster a single-word form fits: by surname, or by first name after Sir/Dame/Lord. */
function fullFor(mention: NameMention, fulls: NameCluster[]): FullMatch | null {
  const word = normaliseName(mention.name);
  const bySurname = fulls.filter((c) => c.id.split(' ').at(-1) === word);
  if (bySurname.length === 1) return bySurname[0] ? { cluster: bySurname[0], by: 'surname' } : null;
  if (bySurname.length > 1) return null;
  // By first name: "Sir Keir", and in informal copy a bare "Lupita" or "Eloise" after the full name.
  // "The Bill passed" is legislation, whoever Bill Shorten is.
  if (mention.afterDeterminer) return null;
  if (!mention.honorific || FIRST_NAME_HONORIFICS.has(mention.honorific)) {
    const byFirst = fulls.filter((c) => c.id.split(' ')[0] === word);
    if (byFirst.length === 1) return byFirst[0] ? { cluster: byFirst[0], by: 'first name' } : null;
  }
  return null;
}

/**
 * A short form the text cues as a person confirms the full name it belongs to: "Ada Okoro … Okoro
 * said". A first name speaking is weaker ("Apple said" would confirm "Apple Pay"), so it also needs the
 * sentence to call it "he" or "she" ("Zuri told police it was taken from her room").
 */
function confirmsPerson(mention: NameMention, match: FullMatch): boolean {
  if (!mention.personCue) return false;
  return match.by === 'surname' || mention.personCue === 'speaker-pronoun';
}

/**
 * A shorter multi-word form that ends one longer name, and only one ("Forrest Jones" after "Michael
 * Forrest Jones", "Bin Laden" after "Osama bin Laden"), is the same person.
 */
function mergeSuffixForms(order: NameCluster[], mentions: readonly NameMention[]): NameCluster[] {
  const merged = new Set<NameCluster>();
  for (const short of order) {
    if (!short.id.includes(' ') || short.kindHint === 'organization' || short.kindHint === 'place') continue;
    const longer = order.filter(
      (c) => c !== short && !merged.has(c) && c.kindHint !== 'organization' && c.id.endsWith(` ${short.id}`),
    );
    const target = longer.length === 1 ? longer[0] : undefined;
    if (!target) continue;
    for (const index of short.mentionIndexes) {
      const mention = mentions[index];
      if (mention) absorb(target, mention, index);
    }
    merged.add(short);
  }
  return order.filter((c) => !merged.has(c));
}

export function clusterNameMentions(mentions: readonly NameMention[]): NameCluster[] {
  const byKey = new Map<string, NameCluster>();
  const order: NameCluster[] = [];
  const put = (mention: NameMention, index: number, cluster?: NameCluster) => {
    const key = normaliseName(mention.name);
    let target = cluster ?? byKey.get(key);
    if (!target) {
      target = newCluster(mention, index);
      byKey.set(key, target);
      order.push(target);
    }
    absorb(target, mention, index);
  };
  const multi = mentions.map((m) => normaliseName(m.name).includes(' '));
  mentions.forEach((m, i) => {
    if (multi[i]) put(m, i);
  });
  const kept = mergeSuffixForms(order, mentions);
  order.length = 0;
  order.push(...kept);
  const fulls = [...order].filter((c) => c.kindHint !== 'organization' && c.kindHint !== 'place');
  mentions.forEach((m, i) => {
    if (multi[i]) return;
    const full = m.kindHint === 'organization' || m.kindHint === 'place' ? null : fullFor(m, fulls);
    put(m, i, full?.cluster);
    if (full && confirmsPerson(m, full) && full.cluster.kindHint === 'unknown')
      full.cluster.kindHint = 'person';
  });
  for (const cluster of order) cluster.mentionIndexes.sort((a, b) => a - b);
  return order.sort((a, b) => (a.mentionIndexes[0] ?? 0) - (b.mentionIndexes[0] ?? 0));
}
