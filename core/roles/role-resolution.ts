/**
 * Time-bound references, resolved with the database's dated roles:
 * - a role phrase ("the Prime Minister") names whoever held that office on the article's date, found
 *   first among the people the article has just named, then in the article's country;
 * - a role conflict is a title the article gives a known person ("Russia defence minister Sergey Lavrov")
 *   that none of their offices on that date matches.
 * Precision first: when the text leaves doubt, nothing is resolved and nothing is flagged.
 */
import type { EntityContext } from '../../messaging/protocol';
import type { Entity, Role } from '../model';
import type { NameMention } from '../names/name-finder';
import { officeKeys, officeMatches } from './office-lexicon';
import { roleCovers, roleOnDate } from './role-on-date';
import { type OfficeReference, parseOfficeWords, type RolePhraseMention } from './role-phrase';

/** A person mention in text order, with what the database knows and what office the text gives them. */
export interface PersonMention {
  start: number;
  context: EntityContext | null;
  stated: OfficeReference | null;
}

export interface ResolvedRolePhrase {
  phrase: RolePhraseMention;
  context: EntityContext;
  /** The office the person held on the date that the phrase names. */
  role: Role;
}

export interface RoleConflict {
  /** The words the article uses ("Russia defence minister"). */
  stated: string;
  /** What the database says the person held on the date. */
  held: Role;
}

/** The dated office role of `entity` on `date` that the reference names, if any. */
export function officeHeld(entity: Entity, ref: OfficeReference, date: string): Role | null {
  return (
    entity.roles.find(
      (r) =>
        r.office !== undefined &&
        (r.from !== undefined || r.to !== undefined) &&
        roleCovers(r, date) &&
        officeMatches(r.office, ref.concept, ref.country),
    ) ?? null
  );
}

const sameOffice = (a: OfficeReference, b: OfficeReference) =>
  a.concept === b.concept && (!a.country || !b.country || a.country === b.country);

/** The office the text attaches to a mention: its title ("US President") or role phrase ("defence minister"). */
export function statedOffice(mention: NameMention): { words: string; ref: OfficeReference } | null {
  for (const words of [mention.title, mention.rolePhrase]) {
    const ref = words ? parseOfficeWords(words) : null;
    if (words && ref) return { words, ref };
  }
  return null;
}

/** Walks back from the phrase to the nearest person who held that office on the date. */
function fromPrecedingPeople(
  phrase: RolePhraseMention,
  people: readonly PersonMention[],
  date: string,
): ResolvedRolePhrase | null {
  for (let i = people.length - 1; i >= 0; i--) {
    const person = people[i] as PersonMention;
    if (person.start >= phrase.start) continue;
    const role = person.context ? officeHeld(person.context.entity, phrase, date) : null;
    if (person.context && role) return { phrase, context: person.context, role };
    // Someone the database cannot place was just given this title: "the president" may be them.
    if (person.stated && sameOffice(person.stated, phrase)) return null;
  }
  return null;
}

function fromOfficeHolders(
  phrase: RolePhraseMention,
  country: string | null,
  holders: Readonly<Record<string, string>>,
  entities: Readonly<Record<string, EntityContext>>,
  date: string,
): ResolvedRolePhrase | null {
  const where = phrase.country ?? country;
  if (!where) return null;
  for (const key of officeKeys(phrase.concept, where)) {
    const context = entities[holders[key] ?? ''];
    const role = context ? officeHeld(context.entity, { ...phrase, country: where }, date) : null;
    if (context && role) return { phrase, context, role };
  }
  return null;
}

/** Whether a person named in the text carries this office without the database placing them in it. */
function unplacedHolder(phrase: RolePhraseMention, people: readonly PersonMention[], date: string): boolean {
  return people.some(
    (p) =>
      p.stated && sameOffice(p.stated, phrase) && !(p.context && officeHeld(p.context.entity, phrase, date)),
  );
}

/**
 * Resolves role phrases in text order. A phrase with a country ("the US president") names that country's
 * office holder. Without one ("the president"), it names the nearest preceding person who held such an
 * office on the date, or else the holder in the article's own country, unless someone in the article is
 * given that title and the database cannot place them.
 */
export function resolveRolePhrases(
  phrases: readonly RolePhraseMention[],
  people: readonly PersonMention[],
  options: {
    date: string;
    country: string | null;
    holders: Readonly<Record<string, string>>;
    entities: Readonly<Record<string, EntityContext>>;
  },
): ResolvedRolePhrase[] {
  const timeline = [...people].sort((a, b) => a.start - b.start);
  const resolved: ResolvedRolePhrase[] = [];
  for (const phrase of [...phrases].sort((a, b) => a.start - b.start)) {
    const hit = phrase.country
      ? fromOfficeHolders(phrase, null, options.holders, options.entities, options.date)
      : (fromPrecedingPeople(phrase, timeline, options.date) ??
        (unplacedHolder(phrase, timeline, options.date)
          ? null
          : fromOfficeHolders(phrase, options.country, options.holders, options.entities, options.date)));
    if (!hit) continue;
    resolved.push(hit);
    // A resolved phrase is a mention of that person for the phrases after it.
    const at = timeline.findIndex((p) => p.start > phrase.start);
    const mention = { start: phrase.start, context: hit.context, stated: phrase };
    if (at < 0) timeline.push(mention);
    else timeline.splice(at, 0, mention);
  }
  return resolved;
}

/**
 * The conflict between an office the article gives a known person and the database, or null. Only a
 * person the database places in some dated office on that date can conflict: silence is not a contradiction.
 */
export function roleConflict(
  mention: NameMention,
  context: EntityContext,
  date: string,
): RoleConflict | null {
  if (context.entity.kind !== 'person') return null;
  const stated = statedOffice(mention);
  if (!stated || officeHeld(context.entity, stated.ref, date)) return null;
  const offices = context.entity.roles.filter((r) => r.office && (r.from || r.to) && roleCovers(r, date));
  if (offices.length === 0) return null;
  const held = roleOnDate(offices, date) ?? offices[0];
  return held ? { stated: stated.words, held } : null;
}
