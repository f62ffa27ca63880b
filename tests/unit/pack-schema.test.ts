import { describe, expect, it } from 'vitest';
import { PackValidationError, parseManifest, parseNdjson } from '../../core/pack/pack-schema';

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

describe('pack format 2 records', () => {
  const source = { url: 'https://www.wikidata.org/wiki/Q145' };
  const figure = {
    type: 'figure',
    id: 'fig:Q145:P1082:2016',
    measure: 'Population of United Kingdom',
    subjectId: 'Q145',
    value: 65102385,
    unit: 'people',
    period: '2016',
    source,
  };
  const tombstone = {
    type: 'tombstone',
    id: 'Q9',
    target: 'entity',
    date: '2025-03-01',
    reason: 'duplicate',
    source,
  };

  it('accepts a reference figure, a tombstone and a fact-checked statement', () => {
    const statement = {
      type: 'statement',
      id: 's1',
      speakerId: 'Q1',
      quote: 'The world is flat',
      date: '2016-06-20',
      source: {
        url: 'https://example.com/news/science/worldisflat.html',
        publisher: 'Example.com science watch',
      },
      topics: ['world', 'flat'],
      factCheck: { rating: 'False', date: '2016-07-01', claimUrl: 'https://example.com/news/a122121' },
    };
    const lines = [figure, tombstone, statement].map((r) => JSON.stringify(r)).join('\n');
    expect(parseNdjson(lines, 'records.ndjson').map((r) => r.type)).toEqual([
      'figure',
      'tombstone',
      'statement',
    ]);
  });

  it('accepts a period given as a range of two dates', () => {
    const range = { ...figure, period: '2024-04-01/2025-03-31' };
    expect(parseNdjson(JSON.stringify(range), 'f.ndjson')).toHaveLength(1);
  });

  it('rejects a figure without a source, naming the file, line and the missing source', () => {
    const { source: _s, ...unsourced } = figure;
    const lines = [JSON.stringify(figure), JSON.stringify(unsourced)].join('\n');
    expect(() => parseNdjson(lines, 'figures.ndjson')).toThrowError(
      'figures.ndjson:2: source: missing (every record needs a source: a url, or a dataset and a record id)',
    );
  });

  it('rejects a tombstone without a source', () => {
    const { source: _s, ...unsourced } = tombstone;
    expect(() => parseNdjson(JSON.stringify(unsourced), 'tombstones.ndjson')).toThrowError(
      /^tombstones\.ndjson:1: source: missing/,
    );
  });

  it('rejects a figure value that is not a finite number and a period that is not a date', () => {
    expect(() => parseNdjson(JSON.stringify({ ...figure, value: '65m' }), 'f.ndjson')).toThrowError(
      /f\.ndjson:1: value/,
    );
    expect(() => parseNdjson(JSON.stringify({ ...figure, period: 'last year' }), 'f.ndjson')).toThrowError(
      /period/,
    );
  });

  it('reads manifests of format 1 and 2 and rejects other versions', () => {
    const manifest = {
      formatVersion: 2,
      id: 'starter',
      version: '2026.06.27-0123abcd',
      created: '2026-06-27',
      title: 'Starter',
      sources: [{ name: 'Wikidata', licence: 'CC0-1.0' }],
      files: [],
    };
    expect(parseManifest(manifest).formatVersion).toBe(2);
    expect(parseManifest({ ...manifest, formatVersion: 1 }).formatVersion).toBe(1);
    expect(() => parseManifest({ ...manifest, formatVersion: 3 })).toThrowError(
      /manifest\.json: formatVersion/,
    );
  });
});
