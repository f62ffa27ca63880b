/**
 * Joins the readers' fragments into entities: fragments sharing any id (a Q-id, `uk-parliament:4514`, a join
 * key such as `join:us:president:1993-01-20`) are the same entity. A group that would hold two different
 * Q-ids is a data error and stops the build rather than merging two people.
 */
import type { Entity, Role, Source } from '../../core/model';
import { isQid } from './datasets';
import type { Fragment } from './fragment';

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root) ?? root;
    this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // The smaller id becomes the root, so the grouping does not depend on input order.
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function roleKey(r: Role): string {
  return JSON.stringify([r.office ?? '', r.title, r.from ?? '', r.to ?? '']);
}

function sourceKey(s: Source): string {
  return JSON.stringify([s.url ?? '', s.dataset ?? '', s.record ?? '', s.publisher ?? '', s.licence ?? '']);
}

/**
 * Drops an open-ended snapshot row ("President from 2021-01-20, records to 2022-08-03") when another source
 * has the same office from the same day with an end date at or after that snapshot: the later source knows
 * the term ended, so keeping the open row would claim office the person no longer held.
 */
function withoutSuperseded(roles: readonly Role[]): Role[] {
  return roles.filter(
    (r) =>
      r.to ||
      !r.from ||
      !roles.some(
        (o) =>
          o !== r &&
          o.to &&
          o.from === r.from &&
          (o.office ?? o.title) === (r.office ?? r.title) &&
          (!r.asOf || r.asOf <= o.to),
      ),
  );
}

/**
 * One term given by two sources (same office, title and dates): the first source stays unless only the
 * other has a URL a reader can open, and an open-ended term keeps the later of the two confirmations, as
 * each is a date some source saw the holder still in office.
 */
function sameTerm(first: Role, other: Role): Role {
  const kept = !first.source.url && other.source.url ? other : first;
  const asOf = [first.asOf, other.asOf]
    .filter((d): d is string => d !== undefined)
    .sort(cmp)
    .at(-1);
  return asOf === kept.asOf ? kept : { ...kept, asOf };
}

/** Highest `score` wins; the first fragment wins a tie (readers emit fragments in a fixed order). */
function best<T>(
  items: readonly Fragment[],
  score: (f: Fragment) => number,
  pick: (f: Fragment) => T | undefined,
) {
  let found: { s: number; v: T } | null = null;
  for (const f of items) {
    const value = pick(f);
    if (value === undefined || value === '') continue;
    const s = score(f);
    if (!found || s > found.s) found = { s, v: value };
  }
  return found?.v;
}

function mergeGroup(group: readonly Fragment[]): Entity {
  const qids = [...new Set(group.flatMap((f) => f.ids.filter(isQid)))].sort(cmp);
  if (qids.length > 1) {
    throw new Error(
      `merge: one group holds several Q-ids ${qids.join(', ')} (${group.map((f) => f.name).join(' / ')})`,
    );
  }
  const kinds = new Set(group.map((f) => f.kind));
  const first = group[0];
  if (!first || kinds.size !== 1)
    throw new Error(`merge: mixed kinds for ${group.map((f) => f.name).join(' / ')}`);
  const id = qids[0] ?? first.ids.find((i) => !i.startsWith('join:')) ?? first.ids[0] ?? '';

  const name =
    best(
      group,
      (f) => f.namePriority,
      (f) => f.name,
    ) ?? first.name;
  // The name is indexed on its own (storage/pack-import.ts), so it is not repeated among the aliases.
  const aliases = [...new Set(group.flatMap((f) => f.aliases))].filter((a) => a !== name).sort(cmp);

  const roles = new Map<string, Role>();
  for (const f of group) {
    for (const r of f.roles) {
      const same = roles.get(roleKey(r));
      roles.set(roleKey(r), same ? sameTerm(same, r) : r);
    }
  }
  const sortedRoles = withoutSuperseded([...roles.values()]).sort(
    (a, b) =>
      cmp(a.from ?? '', b.from ?? '') ||
      cmp(a.to ?? '', b.to ?? '') ||
      cmp(a.title, b.title) ||
      cmp(a.office ?? '', b.office ?? ''),
  );

  const externalIds: Record<string, string> = {};
  for (const f of group) {
    for (const k of Object.keys(f.externalIds).sort(cmp)) {
      const value = f.externalIds[k];
      if (value !== undefined && externalIds[k] === undefined) externalIds[k] = value;
    }
  }

  const sources = new Map<string, Source>();
  for (const f of group) for (const s of f.sources) sources.set(sourceKey(s), s);

  return {
    id,
    kind: first.kind,
    name,
    aliases: aliases.slice(0, 200),
    description: best(
      group,
      (f) => f.descriptionPriority,
      (f) => f.description,
    ),
    roles: sortedRoles,
    country: best(
      group,
      (f) => f.descriptionPriority,
      (f) => f.country,
    ),
    party: best(
      group,
      (f) => f.descriptionPriority,
      (f) => f.party,
    ),
    externalIds,
    sources: [...sources.entries()].sort((a, b) => cmp(a[0], b[0])).map(([, s]) => s),
  };
}

/** Merged entities sorted by id. Groups made only of `supportOnly` fragments are dropped. */
export function mergeEntities(fragments: readonly Fragment[]): Entity[] {
  const uf = new UnionFind();
  for (const f of fragments) {
    const [head, ...rest] = f.ids;
    if (head === undefined) throw new Error(`merge: fragment without ids: ${f.name}`);
    uf.find(head);
    for (const other of rest) uf.union(head, other);
  }
  const groups = new Map<string, Fragment[]>();
  for (const f of fragments) {
    const root = uf.find(f.ids[0] ?? '');
    const list = groups.get(root) ?? [];
    list.push(f);
    groups.set(root, list);
  }
  const entities = [...groups.values()].filter((g) => g.some((f) => !f.supportOnly)).map(mergeGroup);
  const seen = new Set<string>();
  for (const e of entities) {
    if (seen.has(e.id)) throw new Error(`merge: duplicate entity id ${e.id}`);
    seen.add(e.id);
  }
  return entities.sort((a, b) => cmp(a.id, b.id));
}
