import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWikidata, type WikidataResult } from '../../scripts/lib/readers/wikidata';
import { parseDumpLine, type WikidataRecord } from '../../scripts/lib/readers/wikidata-entity';
import { toFragment } from '../../scripts/lib/readers/wikidata-fragment';
import { emptyLabels } from '../../scripts/lib/readers/wikidata-labels';

const dir = fileURLToPath(new URL('../fixtures/packs/wikidata/', import.meta.url));
const dump = join(dir, 'latest-all.sample.json');
const labelsDump = join(dir, 'labels.ndjson');
const tmp = mkdtempSync(join(tmpdir(), 'backstory-wikidata-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('Wikidata dump lines', () => {
  it('skips the array brackets and reads entity lines with or without the trailing comma', () => {
    expect(parseDumpLine('[', 'dump.json', 1)).toBeNull();
    expect(parseDumpLine(']', 'dump.json', 9)).toBeNull();
    expect(parseDumpLine('{"type":"item","id":"Q1"},', 'dump.json', 2)?.id).toBe('Q1');
    expect(parseDumpLine('{"type":"item","id":"Q2"}', 'dump.json', 3)?.id).toBe('Q2');
  });

  it('names the file and line of a line that is not JSON', () => {
    expect(() => parseDumpLine('{"type":"item","id":', 'latest-all.json', 7)).toThrowError(
      /^latest-all\.json:7: not valid JSON/,
    );
  });
});

describe('Wikidata dump reader', () => {
  let result: WikidataResult;
  beforeAll(async () => {
    result = await readWikidata([dump], [labelsDump], emptyLabels());
  });
  const byId = (id: string) => result.fragments.find((f) => f.ids[0] === id);

  it('keeps people, parties and countries, and skips everything else (beer)', () => {
    expect(result.fragments.map((f) => [f.ids[0], f.kind])).toEqual([
      ['Q23', 'person'],
      ['Q145', 'place'],
      ['Q6383803', 'person'],
      ['Q9630', 'organization'],
    ]);
  });

  it('turns P39 with P580/P582 into a dated role titled with the position label from the same dump', () => {
    const washington = byId('Q23');
    expect(washington?.roles).toEqual([
      {
        title: 'President of the United States',
        from: '1789-04-30',
        to: '1797-03-04',
        source: {
          url: 'https://www.wikidata.org/wiki/Q23',
          dataset: 'Wikidata latest-all.sample.json',
          record: 'q23$B6E5D112-C27E-4E3F-BB65-CB12B9364092',
        },
      },
    ]);
    expect(washington?.description).toBe('first President of the United States');
    expect(washington?.aliases).toEqual(expect.arrayContaining(['George Washington', 'Washington']));
  });

  it('reports a position whose label no input gives instead of inventing a title', () => {
    expect(result.skipped).toContain('Q23: position Q1115127 has no label in the inputs');
  });

  it('looks up labels and ISO codes in a label-only dump (NDJSON, no brackets)', () => {
    const starmer = byId('Q6383803');
    expect(starmer?.roles.map((r) => [r.title, r.from, r.to])).toEqual([
      ['Prime Minister of the United Kingdom', '2024-07-05', undefined],
    ]);
    expect(starmer?.party).toBe('Labour Party');
    expect(starmer?.country).toBe('gb');
    expect(byId('Q23')?.country).toBe('us');
  });

  it('uses office keys and titles from the datasets when they know the position', async () => {
    const known = emptyLabels();
    known.positions.set('Q14211', {
      title: 'Prime Minister of the United Kingdom',
      office: 'gb:prime-minister',
    });
    const withOffices = await readWikidata([dump], [labelsDump], known);
    const starmer = withOffices.fragments.find((f) => f.ids[0] === 'Q6383803');
    expect(starmer?.roles[0]?.office).toBe('gb:prime-minister');
    // The join key lets an office holder listed without a Q-id elsewhere merge with this item.
    expect(starmer?.ids).toContain('join:gb:prime-minister:2024-07-05');
  });

  it("keeps a country's names as aliases but not its ISO codes", () => {
    const uk = byId('Q145');
    expect(uk?.aliases).toEqual(expect.arrayContaining(['United Kingdom', 'UK', 'Great Britain']));
    expect(uk?.aliases).not.toContain('GB');
    expect(uk?.aliases).not.toContain('GBR');
  });

  it('makes reference figures from the preferred population and GDP claims, with their point in time', () => {
    expect(result.figures.map((f) => [f.id, f.measure, f.value, f.unit, f.period])).toEqual([
      ['fig:Q145:P1082:2016', 'Population of United Kingdom', 65102385, 'people', '2016'],
      ['fig:Q145:P2131:2014', 'Nominal GDP of United Kingdom', 2988893283565, 'USD', '2014'],
    ]);
    expect(result.figures[0]?.source.record).toBe('Q145$3eda9c83-426c-0fd2-2196-33474e22e230');
  });

  it('streams a gzipped dump to the same result', async () => {
    const gz = join(tmp, 'latest-all.sample.json.gz');
    writeFileSync(gz, gzipSync(readFileSync(dump)));
    const fromGz = await readWikidata([gz], [labelsDump], emptyLabels());
    const strip = (r: WikidataResult) => JSON.stringify(r.fragments).replaceAll('.json.gz', '.json');
    expect(strip(fromGz)).toBe(strip(result));
  });
});

describe('Wikidata record to fragment', () => {
  const record: WikidataRecord = {
    qid: 'Q1',
    kind: 'person',
    label: 'Test Person',
    aliases: [],
    positions: [
      { position: 'Q10', start: '1798-07-13', end: '1788-12-23', claimId: 'Q1$a' },
      { position: 'Q10', start: '1990-03', end: '1998-03-11', claimId: 'Q1$b' },
      { position: 'Q10', start: '2001-01-01', claimId: 'Q1$c' },
    ],
    parties: [],
    citizenships: [],
    codes: [],
    quantities: [],
    modified: '2024-05-01',
  };
  const labels = emptyLabels();
  labels.labels.set('Q10', 'mayor of Testville');

  it('drops a position that ends before it starts, and says so', () => {
    const { skipped } = toFragment(record, labels, 'Wikidata test');
    expect(skipped).toEqual(['Q1: position Q10 ends (1788-12-23) before it starts (1798-07-13)']);
  });

  it('keeps a month-precision period in the title, not in from/to', () => {
    const role = toFragment(record, labels, 'Wikidata test').fragment?.roles[0];
    expect(role).toMatchObject({ title: 'Mayor of Testville (1990-03–1998-03-11)' });
    expect(role?.from).toBeUndefined();
  });

  it("marks an open position as confirmed only to the entity's last edit", () => {
    expect(toFragment(record, labels, 'Wikidata test').fragment?.roles[1]).toMatchObject({
      from: '2001-01-01',
      asOf: '2024-05-01',
    });
  });
});
