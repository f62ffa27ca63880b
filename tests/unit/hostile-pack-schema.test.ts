/**
 * Hostile packs at the schema: markup inside otherwise valid records is kept as the exact text it is (the
 * schema is no sanitiser; the UI renders text as text), and every record that breaks a limit, carries a
 * non-http(s) URL or has the wrong shape is rejected with the file, line and field in the message.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PackRecord } from '../../core/model';
import { PackValidationError, parseNdjson, parseRecordLine } from '../../core/pack/pack-schema';
import {
  MARKUP_PAYLOADS,
  ODD_TEXT,
  REJECTED_RECORDS,
  SAFE_URLS,
  UNPARSABLE_LINES,
  UNSAFE_URLS,
} from '../fixtures/hostile/hostile-inputs';

const HOSTILE_DIR = join(import.meta.dirname, '..', 'fixtures', 'hostile');
const read = (name: string) => readFileSync(join(HOSTILE_DIR, name), 'utf8');
const lines = (text: string) => text.split('\n').filter((line) => line.trim());

/** Every string anywhere in a record. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** The rejection message for one line. */
function rejection(raw: string, file: string, line: number): PackValidationError {
  try {
    parseRecordLine(raw, file, line);
  } catch (error) {
    if (error instanceof PackValidationError) return error;
    throw error;
  }
  throw new Error(`${file}:${line} was accepted`);
}

const statement = (url: string) =>
  JSON.stringify({
    type: 'statement',
    id: 'hostile:statement',
    speakerId: 'hostile:entity',
    quote: 'A quote.',
    date: '2020-01-01',
    source: { url },
    topics: [],
  });

describe('a pack whose text is hostile but within the schema', () => {
  const text = read('hostile-pack.ndjson');
  const records: PackRecord[] = parseNdjson(text, 'hostile-pack.ndjson');

  it('is accepted whole: entities, statements, figures and tombstones', () => {
    expect(records).toHaveLength(lines(text).length);
    expect(new Set(records.map((r) => r.type))).toEqual(
      new Set(['entity', 'statement', 'figure', 'tombstone']),
    );
  });

  it.each([...MARKUP_PAYLOADS, ...ODD_TEXT])(
    'keeps %j byte for byte in every field it was put in',
    (payload) => {
      const holders = records.filter((r) => stringsIn(r).includes(payload));
      // Each payload fills an entity (name, alias, description, role, party, publisher), a statement, a
      // figure and a tombstone.
      expect(holders.map((r) => r.type).sort()).toEqual(['entity', 'figure', 'statement', 'tombstone']);
      const entity = holders.find((r) => r.type === 'entity');
      expect(entity?.type === 'entity' && [entity.name, entity.description, entity.roles[0]?.title]).toEqual([
        payload,
        payload,
        payload,
      ]);
    },
  );

  it('keeps text that is long but within the limits whole (the UI cuts it for display)', () => {
    const long = records.find((r) => r.id === 'hostile:statement-long');
    expect(long?.type === 'statement' && long.quote.length).toBe(4000);
  });

  it('drops __proto__ keys instead of copying them into the record', () => {
    const raw = JSON.stringify({
      type: 'entity',
      id: 'hostile:proto',
      kind: 'person',
      name: 'Proto',
      aliases: [],
      roles: [],
      sources: [{ dataset: 'tests', record: 'proto' }],
    }).replace(
      '"aliases"',
      '"__proto__":{"polluted":true},"externalIds":{"__proto__":{"polluted":true}},"aliases"',
    );
    const record = parseRecordLine(raw, 'proto.ndjson', 1);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(record.type === 'entity' && Object.getPrototypeOf(record.externalIds)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe('records the schema rejects', () => {
  const rejected = lines(read('rejected-records.ndjson'));

  it('has one fixture line for each listed case', () => {
    expect(rejected).toHaveLength(REJECTED_RECORDS.length);
  });

  it.each(REJECTED_RECORDS.map((c, i) => ({ ...c, line: i + 1 })))(
    'line $line, $why: names the file, line and $field',
    ({ field, line }) => {
      const error = rejection(rejected[line - 1] ?? '', 'rejected-records.ndjson', line);
      expect(error.file).toBe('rejected-records.ndjson');
      expect(error.line).toBe(line);
      expect(error.message.startsWith(`rejected-records.ndjson:${line}: ${field}: `)).toBe(true);
    },
  );

  it('says how long an oversized field is and what the limit is', () => {
    const error = rejection(rejected[0] ?? '', 'rejected-records.ndjson', 1);
    expect(error.message).toBe('rejected-records.ndjson:1: name: too long: 301 characters, at most 300');
    const aliases = rejection(rejected[2] ?? '', 'rejected-records.ndjson', 3);
    expect(aliases.message).toBe('rejected-records.ndjson:3: aliases: too long: 201 items, at most 200');
  });

  it('stops a whole file at its first bad line, naming that line', () => {
    const good = lines(read('hostile-pack.ndjson')).slice(0, 3);
    const file = [...good, rejected[8], ...good].join('\n');
    expect(() => parseNdjson(file, 'mixed.ndjson')).toThrowError(/^mixed\.ndjson:4: quote: too long/);
  });

  it.each(UNPARSABLE_LINES)('rejects %j, naming the line', (raw) => {
    const error = rejection(raw, 'junk.ndjson', 7);
    expect(error.message).toMatch(/^junk\.ndjson:7: /);
  });

  it.each(UNSAFE_URLS)('rejects %j as a source URL', (url) => {
    expect(rejection(statement(url), 'urls.ndjson', 1).message).toMatch(/^urls\.ndjson:1: source/);
  });

  it.each(SAFE_URLS)('accepts $url as a source URL', ({ url }) => {
    expect(parseRecordLine(statement(url), 'urls.ndjson', 1).type).toBe('statement');
  });
});
