/**
 * One line of a Wikidata JSON dump → the few facts a pack keeps, still as Q-ids (labels of positions,
 * parties and countries are looked up afterwards, see wikidata-labels.ts). Pure: no I/O.
 *
 * The dump is a JSON array written one entity per line: `[`, then `{…},` lines, the last without the
 * comma, then `]`. Plain NDJSON (no brackets, no commas) is read the same way.
 */
import { type Claim, simplifyPropertyClaims } from 'wikibase-sdk';
import type { EntityKind } from '../../../core/model';

interface Term {
  value: string;
}

/** The parts of a dump entity this reader looks at. */
export interface DumpEntity {
  type: string;
  id: string;
  modified?: string;
  labels?: Record<string, Term>;
  descriptions?: Record<string, Term>;
  aliases?: Record<string, Term[]>;
  claims?: Record<string, Claim[]>;
}

export class DumpLineError extends Error {
  constructor(file: string, line: number, reason: string) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'DumpLineError';
  }
}

/** The entity on a dump line, or null for the array brackets and blank lines. */
export function parseDumpLine(text: string, file: string, line: number): DumpEntity | null {
  const trimmed = text.trim().replace(/,$/, '');
  if (trimmed === '' || trimmed === '[' || trimmed === ']') return null;
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    throw new DumpLineError(file, line, 'not valid JSON (expected one Wikidata entity per line)');
  }
  const entity = json as Partial<DumpEntity>;
  if (typeof entity.id !== 'string' || typeof entity.type !== 'string')
    throw new DumpLineError(file, line, 'not a Wikidata entity (no "id" and "type")');
  return entity as DumpEntity;
}

/** P31 "instance of" values that make an item a pack entity, and the kind they make it. */
const KINDS: Record<string, EntityKind> = {
  Q5: 'person', // human
  Q7278: 'organization', // political party
  Q6256: 'place', // country
  Q3624078: 'place', // sovereign state
};

/** A P39 "position held" claim, dates as Wikidata gives them (YYYY, YYYY-MM or YYYY-MM-DD). */
export interface HeldPosition {
  position: string;
  start?: string;
  end?: string;
  claimId: string;
}

/** A quantity claim with its "point in time" (P585). */
export interface Quantity {
  property: string;
  amount: number;
  /** "1" for a plain count, else the unit's Q-id. */
  unit: string;
  pointInTime: string;
  claimId: string;
}

/** What the pack keeps of one dump entity, before labels are resolved. */
export interface WikidataRecord {
  qid: string;
  kind: EntityKind;
  label?: string;
  aliases: string[];
  description?: string;
  /** Date of the entity's last edit, when the dump gives it (`modified`). */
  modified?: string;
  positions: HeldPosition[];
  /** P102 member of political party; `ended` when the claim has an end date (P582). */
  parties: { qid: string; ended: boolean }[];
  /** P27 country of citizenship. */
  citizenships: string[];
  /** P297 ISO 3166-1 alpha-2 code (on countries), lower-case. */
  iso2?: string;
  /** The item's ISO 3166-1 codes (P297 alpha-2, P298 alpha-3): codes, not names an article uses. */
  codes: string[];
  quantities: Quantity[];
}

const QUANTITY_PROPERTIES = ['P1082', 'P2131', 'P2132'] as const;

/** English first, then the British and American variants. */
function english<T>(terms: Record<string, T> | undefined): T | undefined {
  return terms?.en ?? terms?.['en-gb'] ?? terms?.['en-us'];
}

function kindOf(claims: Record<string, Claim[]>): EntityKind | null {
  const types = simplifyPropertyClaims(claims.P31 ?? [], { keepNonDeprecated: true }) as unknown[];
  for (const t of types) if (typeof t === 'string' && KINDS[t]) return KINDS[t] ?? null;
  return null;
}

type RichClaim = { value: unknown; id?: string; qualifiers?: Record<string, unknown[]> };

function rich(claims: Claim[] | undefined, truthyOnly: boolean): RichClaim[] {
  return simplifyPropertyClaims(claims ?? [], {
    keepQualifiers: true,
    keepIds: true,
    keepRichValues: true,
    keepNonDeprecated: !truthyOnly,
    timeConverter: 'simple-day',
  }) as RichClaim[];
}

/** A time value or qualifier as `YYYY[-MM[-DD]]`; BCE dates are ignored. */
function timeOf(value: unknown): string | undefined {
  const time = typeof value === 'object' && value !== null ? (value as { time?: unknown }).time : value;
  return typeof time === 'string' && /^\d{4}(?:-\d{2}){0,2}$/.test(time) ? time : undefined;
}

function firstTime(claim: RichClaim, property: string): string | undefined {
  return timeOf(claim.qualifiers?.[property]?.[0]);
}

function positionsOf(claims: Record<string, Claim[]>): HeldPosition[] {
  return rich(claims.P39, false).flatMap((c) =>
    typeof c.value === 'string' && c.id
      ? [{ position: c.value, start: firstTime(c, 'P580'), end: firstTime(c, 'P582'), claimId: c.id }]
      : [],
  );
}

function quantitiesOf(claims: Record<string, Claim[]>): Quantity[] {
  return QUANTITY_PROPERTIES.flatMap((property) =>
    rich(claims[property], true).flatMap((c) => {
      const value = c.value as { amount?: unknown; unit?: unknown } | null;
      const pointInTime = firstTime(c, 'P585');
      if (!value || typeof value.amount !== 'number' || !pointInTime || !c.id) return [];
      return [
        { property, amount: value.amount, unit: String(value.unit ?? '1'), pointInTime, claimId: c.id },
      ];
    }),
  );
}

/** P297, the ISO 3166-1 alpha-2 code of a country item, lower-case. */
export function isoCodeOf(entity: DumpEntity): string | undefined {
  const code = (simplifyPropertyClaims(entity.claims?.P297 ?? []) as unknown[])[0];
  return typeof code === 'string' ? code.toLowerCase() : undefined;
}

/** The pack-relevant facts of an item, or null when it is not a person, party or country. */
export function toWikidataRecord(entity: DumpEntity): WikidataRecord | null {
  if (entity.type !== 'item' || !entity.claims) return null;
  const kind = kindOf(entity.claims);
  if (!kind) return null;
  const claims = entity.claims;
  const ids = (property: string) =>
    (simplifyPropertyClaims(claims[property] ?? [], { keepNonDeprecated: true }) as unknown[]).filter(
      (v): v is string => typeof v === 'string',
    );
  return {
    qid: entity.id,
    kind,
    label: english(entity.labels)?.value,
    aliases: (english(entity.aliases) ?? []).map((a) => a.value),
    description: english(entity.descriptions)?.value,
    modified: entity.modified?.slice(0, 10),
    positions: positionsOf(claims),
    parties: rich(claims.P102, false).flatMap((c) =>
      typeof c.value === 'string' ? [{ qid: c.value, ended: Boolean(firstTime(c, 'P582')) }] : [],
    ),
    citizenships: ids('P27'),
    iso2: isoCodeOf(entity),
    codes: [...ids('P297'), ...ids('P298')],
    quantities: kind === 'place' ? quantitiesOf(claims) : [],
  };
}

/** Q-ids whose labels (or country codes) the record needs. */
export function referencedIds(record: WikidataRecord): string[] {
  return [
    ...record.positions.map((p) => p.position),
    ...record.parties.map((p) => p.qid),
    ...record.citizenships,
  ];
}
