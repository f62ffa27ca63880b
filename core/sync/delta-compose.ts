/**
 * A chain of deltas made into one, so the store stages a single version over the installed one. Later
 * steps win: a record replaces an earlier record or tombstone with its id, and a tombstone replaces an
 * earlier record. The result, like any pack, never holds a record and a tombstone with one id.
 *
 * One difference from applying the steps one by one: a tombstone followed by a record with the same id in
 * a later step is dropped, so a row with that id in *another* pack, which the tombstone would have
 * withdrawn on the way, stays. Publishers who move a record between packs should tombstone it in the
 * same step that re-adds it elsewhere.
 */
import type { PackRecord } from '../model';

const GROUP_ORDER: Record<PackRecord['type'], number> = { entity: 0, statement: 1, figure: 2, tombstone: 3 };

/** The records of `steps` (oldest first) as one delta, in pack order: by type group, then by id. */
export function composeDeltas(steps: readonly (readonly PackRecord[])[]): PackRecord[] {
  const byId = new Map<string, PackRecord>();
  for (const step of steps) for (const record of step) byId.set(record.id, record);
  return [...byId.values()].sort(
    (a, b) => GROUP_ORDER[a.type] - GROUP_ORDER[b.type] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
