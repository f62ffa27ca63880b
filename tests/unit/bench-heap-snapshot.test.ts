/** The heap-snapshot breakdown behind `npm run bench:heap`, on snapshots small enough to write by hand. */
import { describe, expect, it } from 'vitest';
import {
  growthByKind,
  type HeapSnapshotJson,
  heapGrowth,
  heapRows,
} from '../../scripts/lib/bench/heap-snapshot';

const TYPES = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native'];

/** A snapshot of nodes given as [type, name, self size]; edges are not read. */
function snapshot(nodes: readonly [string, string, number][]): HeapSnapshotJson {
  const strings: string[] = [];
  const id = (s: string) => {
    const at = strings.indexOf(s);
    return at >= 0 ? at : strings.push(s) - 1;
  };
  return {
    snapshot: {
      meta: {
        node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'],
        node_types: [TYPES, 'string', 'number', 'number', 'number'],
      },
    },
    nodes: nodes.flatMap(([type, name, size], i) => [TYPES.indexOf(type), id(name), i, size, 0]),
    strings,
  };
}

describe('heap snapshot breakdown', () => {
  const without = heapRows(
    snapshot([
      ['object', 'HTMLDivElement', 40],
      ['string', 'page text', 100],
      ['native', 'blink::LayoutText', 5000],
    ]),
  );
  const withExtension = heapRows(
    snapshot([
      ['object', 'HTMLDivElement', 40],
      ['object', 'HTMLSpanElement', 16],
      ['object', 'HTMLSpanElement', 16],
      ['object', 'Text', 16],
      ['string', 'page text', 100],
      ['string', 'a quote kept for a card', 60],
      ['code', 'compiled function', 300],
      ['array', '', 800],
      ['object', 'Map', 24],
      ['native', 'blink::LayoutText', 9000],
    ]),
  );
  const rows = heapGrowth(without, withExtension);

  it('counts DOM wrappers by constructor, and strings and code by type whatever their content', () => {
    expect(rows.find((r) => r.name === 'object HTMLSpanElement')).toEqual({
      kind: 'DOM wrappers',
      name: 'object HTMLSpanElement',
      bytes: 32,
      count: 2,
    });
    expect(rows.find((r) => r.name === 'string')).toMatchObject({ kind: 'strings', bytes: 60, count: 1 });
    expect(rows.find((r) => r.name === 'code')).toMatchObject({ bytes: 300 });
  });

  it('leaves out native objects, which the JS heap does not hold', () => {
    expect(rows.some((r) => r.name.includes('LayoutText'))).toBe(false);
  });

  it('sorts the growth largest first and sums it by kind', () => {
    expect(rows[0]).toMatchObject({ kind: 'arrays and tables', bytes: 800 });
    expect(growthByKind(rows)).toEqual([
      { kind: 'DOM wrappers', bytes: 48 },
      { kind: 'code', bytes: 300 },
      { kind: 'strings', bytes: 60 },
      { kind: 'arrays and tables', bytes: 800 },
      { kind: 'other objects', bytes: 24 },
    ]);
  });
});
