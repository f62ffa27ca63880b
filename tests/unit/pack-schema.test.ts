import { describe, expect, it } from 'vitest';
import { PackValidationError, parseNdjson } from '../../core/pack/pack-schema';

const entity = {
  type: 'entity',
  id: 'Q1',
  kind: 'person',
  name: 'Keir Starmer',
  aliases: [],
  roles: [],
  sources: [{ url: 'https://www.wikidata.org/wiki/Q6383803' }],
};

describe('pack record validation', () => {
  it('accepts a record with a source', () => {
    expect(parseNdjson(JSON.stringify(entity), 'records.ndjson')).toHaveLength(1);
  });

  it('rejects a record without provenance, naming the file and line', () => {
    const lines = [JSON.stringify(entity), JSON.stringify({ ...entity, id: 'Q2', sources: [] })].join('\n');
    expect(() => parseNdjson(lines, 'records.ndjson')).toThrowError(/records\.ndjson:2: .*source/);
  });

  it('rejects a statement whose source has neither URL nor dataset record', () => {
    const statement = {
      type: 'statement',
      id: 's',
      speakerId: 'Q1',
      quote: 'x',
      date: '2025-01-01',
      topics: [],
      source: { publisher: 'Nobody' },
    };
    expect(() => parseNdjson(JSON.stringify(statement), 'f.ndjson')).toThrowError(PackValidationError);
  });

  it('rejects javascript: URLs in sources', () => {
    const bad = { ...entity, sources: [{ url: 'javascript:alert(1)' }] };
    expect(() => parseNdjson(JSON.stringify(bad), 'f.ndjson')).toThrowError(/http/);
  });

  it('rejects malformed JSON with its line number', () => {
    expect(() => parseNdjson(`${JSON.stringify(entity)}\n{oops`, 'f.ndjson')).toThrowError(
      /f\.ndjson:2: not valid JSON/,
    );
  });
});
