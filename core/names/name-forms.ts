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

/** `normaliseName` remembered for one clustering: a long article repeats the same few names thousands of times. */
type Normalise = (name: string) => string;

function memoNormalise(): Normalise {
  const seen = new Map<string, string>();
  return (name) => {
    let key = seen.get(name);
    if (key === undefined) {
      key = normaliseName(name);
      seen.set(name, key);
    }
    return key;
  };
}

function newCluster(key: string, mention: NameMention, index: number): NameCluster {
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

/** The mentions each cluster holds, as a set beside its ordered list, so absorbing one stays O(1). */
type Members = WeakMap<NameCluster, Set<number>>;

function absorb(cluster: NameCluster, mention: NameMention, index: number, members: Members): void {
  let held = members.get(cluster);
  if (!held) {
    held = new Set(cluster.mentionIndexes);
    members.set(cluster, held);
  }
  if (!held.has(index)) {
    held.add(index);
    cluster.mentionIndexes.push(index);
  }
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

/** The full-name clusters a one-word form may belong to, by their last and by their first word. */
interface FullIndex {
  bySurname: Map<string, NameCluster[]>;
  byFirst: Map<string, NameCluster[]>;
}

function indexFulls(fulls: readonly NameCluster[]): FullIndex {
  const bySurname = new Map<string, NameCluster[]>();
  const byFirst = new Map<string, NameCluster[]>();
  const add = (map: Map<string, NameCluster[]>, key: string, cluster: NameCluster) => {
    const list = map.get(key);
    if (list) list.push(cluster);
    else map.set(key, [cluster]);
  };
  for (const cluster of fulls) {
    const words = cluster.id.split(' ');
    add(bySurname, words.at(-1) ?? '', cluster);
    add(byFirst, words[0] ?? '', cluster);
  }
  return { bySurname, byFirst };
}

/** The one full-name cluster a single-word form fits: by surname, or by first name after Sir/Dame/Lord. */
function fullFor(mention: NameMention, word: string, fulls: FullIndex): FullMatch | null {
  const bySurname = fulls.bySurname.get(word) ?? [];
  if (bySurname.length === 1) return bySurname[0] ? { cluster: bySurname[0], by: 'surname' } : null;
  if (bySurname.length > 1) return null;
  // By first name: "Sir Keir", and in informal copy a bare "Lupita" or "Eloise" after the full name.
  // "The Bill passed" is legislation, whoever Bill Shorten is.
  if (mention.afterDeterminer) return null;
  if (!mention.honorific || FIRST_NAME_HONORIFICS.has(mention.honorific)) {
    const byFirst = fulls.byFirst.get(word) ?? [];
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

/** Each cluster under every shorter multi-word ending of its id ("forrest jones" for "michael forrest jones"). */
function indexByEnding(order: readonly NameCluster[]): Map<string, NameCluster[]> {
  const index = new Map<string, NameCluster[]>();
  for (const cluster of order) {
    const words = cluster.id.split(' ');
    for (let i = 1; i < words.length; i++) {
      const ending = words.slice(i).join(' ');
      const list = index.get(ending);
      if (list) list.push(cluster);
      else index.set(ending, [cluster]);
    }
  }
  return index;
}

/**
 * A shorter multi-word form that ends one longer name, and only one ("Forrest Jones" after "Michael
 * Forrest Jones", "Bin Laden" after "Osama bin Laden"), is the same person.
 */
function mergeSuffixForms(
  order: NameCluster[],
  mentions: readonly NameMention[],
  members: Members,
): NameCluster[] {
  const merged = new Set<NameCluster>();
  const byEnding = indexByEnding(order);
  for (const short of order) {
    if (!short.id.includes(' ') || short.kindHint === 'organization' || short.kindHint === 'place') continue;
    const longer = (byEnding.get(short.id) ?? []).filter(
      (c) => c !== short && !merged.has(c) && c.kindHint !== 'organization' && c.id.endsWith(` ${short.id}`),
    );
    const target = longer.length === 1 ? longer[0] : undefined;
    if (!target) continue;
    for (const index of short.mentionIndexes) {
      const mention = mentions[index];
      if (mention) absorb(target, mention, index, members);
    }
    merged.add(short);
  }
  return order.filter((c) => !merged.has(c));
}

export function clusterNameMentions(mentions: readonly NameMention[]): NameCluster[] {
  const normalise = memoNormalise();
  const members: Members = new WeakMap();
  const byKey = new Map<string, NameCluster>();
  const order: NameCluster[] = [];
  const keys = mentions.map((m) => normalise(m.name));
  const put = (mention: NameMention, index: number, cluster?: NameCluster) => {
    const key = keys[index] ?? '';
    let target = cluster ?? byKey.get(key);
    if (!target) {
      target = newCluster(key, mention, index);
      byKey.set(key, target);
      order.push(target);
    }
    absorb(target, mention, index, members);
  };
  const multi = keys.map((key) => key.includes(' '));
  mentions.forEach((m, i) => {
    if (multi[i]) put(m, i);
  });
  const kept = mergeSuffixForms(order, mentions, members);
  order.length = 0;
  order.push(...kept);
  const fulls = indexFulls(order.filter((c) => c.kindHint !== 'organization' && c.kindHint !== 'place'));
  mentions.forEach((m, i) => {
    if (multi[i]) return;
    const full =
      m.kindHint === 'organization' || m.kindHint === 'place' ? null : fullFor(m, keys[i] ?? '', fulls);
    put(m, i, full?.cluster);
    if (full && confirmsPerson(m, full) && full.cluster.kindHint === 'unknown')
      full.cluster.kindHint = 'person';
  });
  for (const cluster of order) cluster.mentionIndexes.sort((a, b) => a - b);
  return order.sort((a, b) => (a.mentionIndexes[0] ?? 0) - (b.mentionIndexes[0] ?? 0));
}
