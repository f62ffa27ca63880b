/**
 * A raw Popolo document → typed, tolerant of the variants in the wild: names as plain strings or as
 * EveryPolitician's multilingual objects (`{"lang:en": …}`), missing arrays, `other_names` with or without
 * a language. A record without an id or a name is reported with its JSON path and skipped.
 */
import { isObject, type JsonObject } from './jsonld';

export interface PopoloIdentifier {
  scheme: string;
  identifier: string;
}

export interface PopoloPerson {
  id: string;
  name: string;
  otherNames: string[];
  identifiers: PopoloIdentifier[];
}

export interface PopoloOrganization {
  id: string;
  name: string;
  classification?: string;
  otherNames: string[];
  identifiers: PopoloIdentifier[];
}

export interface PopoloMembership {
  person_id: string;
  organization_id?: string;
  on_behalf_of_id?: string;
  post_id?: string;
  area_id?: string;
  legislative_period_id?: string;
  role?: string;
  label?: string;
  start_date?: string;
  end_date?: string;
}

export interface PopoloFile {
  persons: PopoloPerson[];
  organizations: PopoloOrganization[];
  memberships: PopoloMembership[];
  posts: { id: string; label?: string; organization_id?: string; area_id?: string }[];
  /** `type` as written ("constituency", "constituency of the House of Commons", "country"). */
  areas: { id: string; name: string; type?: string }[];
  events: { id: string; name: string }[];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.replace(/\s+/g, ' ').trim() : undefined;
}

/** A name as a string, or the English (else first) value of a multilingual object. */
function nameOf(value: unknown): string | undefined {
  if (!isObject(value)) return str(value);
  return str(value['lang:en']) ?? str(value.en) ?? Object.values(value).map(str).find(Boolean);
}

function list(doc: JsonObject, key: string): JsonObject[] {
  const value = doc[key];
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function otherNames(record: JsonObject): string[] {
  const names = Array.isArray(record.other_names) ? record.other_names : [];
  const fromList = names.flatMap((n) => (isObject(n) ? (nameOf(n.name) ?? []) : []));
  // Multilingual `name` objects hold the other languages' forms too.
  const multilingual = isObject(record.name) ? Object.values(record.name).flatMap((v) => str(v) ?? []) : [];
  return [...new Set([...multilingual, ...fromList])];
}

function identifiers(record: JsonObject): PopoloIdentifier[] {
  const raw = Array.isArray(record.identifiers) ? record.identifiers : [];
  return raw.flatMap((i) => {
    const scheme = isObject(i) ? str(i.scheme) : undefined;
    const identifier = isObject(i) ? str(i.identifier) : undefined;
    return scheme && identifier ? [{ scheme, identifier }] : [];
  });
}

function optional(record: JsonObject, key: string): string | undefined {
  return str(record[key]);
}

export function popoloFile(json: unknown, path: string): { file: PopoloFile; problems: string[] } {
  if (!isObject(json)) throw new Error(`${path}: not a Popolo document (expected a JSON object)`);
  const problems: string[] = [];
  const named = <T>(key: string, make: (r: JsonObject, id: string, name: string) => T): T[] =>
    list(json, key).flatMap((r, i) => {
      const id = str(r.id);
      const name = nameOf(r.name) ?? str(r.label);
      if (id && name) return [make(r, id, name)];
      problems.push(`${path}: ${key}[${i}] has no ${id ? 'name' : 'id'}; skipped`);
      return [];
    });
  const memberships = list(json, 'memberships').flatMap((r, i): PopoloMembership[] => {
    const person_id = str(r.person_id);
    if (!person_id) {
      problems.push(`${path}: memberships[${i}] has no person_id; skipped`);
      return [];
    }
    const keys = [
      'organization_id',
      'on_behalf_of_id',
      'post_id',
      'area_id',
      'legislative_period_id',
    ] as const;
    const m: PopoloMembership = { person_id };
    for (const k of keys) m[k] = optional(r, k);
    m.role = nameOf(r.role);
    m.label = nameOf(r.label);
    m.start_date = optional(r, 'start_date');
    m.end_date = optional(r, 'end_date');
    return [m];
  });
  return {
    file: {
      persons: named('persons', (r, id, name) => ({
        id,
        name,
        otherNames: otherNames(r),
        identifiers: identifiers(r),
      })),
      organizations: named('organizations', (r, id, name) => ({
        id,
        name,
        classification: optional(r, 'classification'),
        otherNames: otherNames(r),
        identifiers: identifiers(r),
      })),
      memberships,
      posts: list(json, 'posts').flatMap((r) => {
        const id = str(r.id);
        return id
          ? [{ id, label: str(r.label), organization_id: str(r.organization_id), area_id: str(r.area_id) }]
          : [];
      }),
      areas: named('areas', (r, id, name) => ({ id, name, type: nameOf(r.type) })),
      events: named('events', (_r, id, name) => ({ id, name })),
    },
    problems,
  };
}
