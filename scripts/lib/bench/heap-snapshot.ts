/**
 * What a V8 heap snapshot holds, by kind: the DOM wrappers JS created, compiled code, strings, arrays and
 * tables, other objects. Only what counts in the tab's JS heap is summed; native (Blink) objects, which the
 * heap Δ budget does not measure, are left out. Pure: the snapshot's JSON in, totals out.
 */

export type HeapKind = 'DOM wrappers' | 'code' | 'strings' | 'arrays and tables' | 'other objects';

export const HEAP_KINDS: readonly HeapKind[] = [
  'DOM wrappers',
  'code',
  'strings',
  'arrays and tables',
  'other objects',
];

export interface HeapRow {
  kind: HeapKind;
  /** The snapshot's node type and, for objects, the constructor's name (`object HTMLSpanElement`). */
  name: string;
  bytes: number;
  count: number;
}

/** The parts of the `.heapsnapshot` format read here. */
export interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: unknown[] } };
  nodes: number[];
  strings: string[];
}

/** JS wrappers of DOM nodes: `HTMLSpanElement`, `Text`, `Comment`, `DocumentFragment`… */
const DOM_WRAPPER = /^(?:HTML\w*Element|SVG\w*Element|Element|Text|Comment|DocumentFragment|ShadowRoot)$/;
const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);

function kindOf(type: string, name: string): HeapKind | null {
  if (type === 'native' || type === 'synthetic') return null;
  if (STRING_TYPES.has(type)) return 'strings';
  if (type === 'code') return 'code';
  if (type === 'array') return 'arrays and tables';
  if (type === 'object' && DOM_WRAPPER.test(name)) return 'DOM wrappers';
  return 'other objects';
}

/** Rows of one snapshot, one per node type and (for objects) constructor name. */
export function heapRows(snapshot: HeapSnapshotJson): Map<string, HeapRow> {
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0] as string[];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const rows = new Map<string, HeapRow>();
  const { nodes, strings } = snapshot;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt] ?? -1] ?? '?';
    const rawName = strings[nodes[i + nameAt] ?? -1] ?? '';
    const kind = kindOf(type, rawName);
    if (!kind) continue;
    // Strings and code are named by their content; group them by type alone.
    const name = type === 'object' ? `object ${rawName}` : type === 'code' ? 'code' : type;
    const key = `${kind}|${name}`;
    const row = rows.get(key) ?? { kind, name, bytes: 0, count: 0 };
    row.bytes += nodes[i + sizeAt] ?? 0;
    row.count += 1;
    rows.set(key, row);
  }
  return rows;
}

/** `after` minus `before`, row by row, largest growth first. */
export function heapGrowth(before: Map<string, HeapRow>, after: Map<string, HeapRow>): HeapRow[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys]
    .map((key) => {
      const a = after.get(key);
      const b = before.get(key);
      const base = (a ?? b) as HeapRow;
      return {
        kind: base.kind,
        name: base.name,
        bytes: (a?.bytes ?? 0) - (b?.bytes ?? 0),
        count: (a?.count ?? 0) - (b?.count ?? 0),
      };
    })
    .sort((x, y) => y.bytes - x.bytes);
}

/** Growth summed by kind, in {@link HEAP_KINDS} order. */
export function growthByKind(rows: readonly HeapRow[]): { kind: HeapKind; bytes: number }[] {
  return HEAP_KINDS.map((kind) => ({
    kind,
    bytes: rows.filter((r) => r.kind === kind).reduce((sum, r) => sum + r.bytes, 0),
  }));
}
