import { describe, expect, it } from 'vitest';
import { composeDeltas } from '../../core/sync/delta-compose';
import { ndjsonRecords } from '../../core/sync/ndjson-records';
import { SyncError } from '../../core/sync/sync-error';
import { ndjson, person, tombstone, utf8 } from './support/sync-source-fixture';

const summary = (records: ReturnType<typeof composeDeltas>) =>
  records.map((r) => `${r.type} ${r.id}${r.type === 'entity' && r.description ? ` (${r.description})` : ''}`);

describe('composeDeltas', () => {
  it('lets later steps win, and never keeps a record and a tombstone with one id', () => {
    const steps = [
      [person('a', 'A', 'first'), person('b', 'B'), tombstone('c')],
      [person('a', 'A', 'second'), tombstone('b'), person('c', 'C', 'restored')],
    ];
    expect(summary(composeDeltas(steps))).toEqual([
      'entity a (second)',
      'entity c (restored)',
      'tombstone b',
    ]);
  });

  it('puts records in pack order whatever order they came in', () => {
    expect(summary(composeDeltas([[tombstone('z'), person('b', 'B'), person('a', 'A')]]))).toEqual([
      'entity a',
      'entity b',
      'tombstone z',
    ]);
  });
});

describe('ndjsonRecords', () => {
  const ref = { source: 'https://packs.example.org/', file: 'full/v1/records.ndjson' };

  it('parses every line, skipping blank ones, including a last line without a newline', () => {
    const body = utf8(`${ndjson([person('a', 'Ådne')])}\n${JSON.stringify(person('b', 'B'))}`);
    expect([...ndjsonRecords(body, ref)].map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('names the line of a bad record', () => {
    const body = utf8(`${ndjson([person('a', 'A')])}{"type":"entity","id":"b"}\n`);
    try {
      [...ndjsonRecords(body, ref)];
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(SyncError);
      expect((error as SyncError).message).toMatch(
        /^https:\/\/packs\.example\.org\/: full\/v1\/records\.ndjson:2: kind: missing/,
      );
    }
  });

  it('names the line of bytes that are not UTF-8', () => {
    const body = new Uint8Array([...utf8(ndjson([person('a', 'A')])), 0xff, 0xfe, 0x0a]);
    expect(() => [...ndjsonRecords(body, ref)]).toThrow('records.ndjson:2: not valid UTF-8');
  });
});
