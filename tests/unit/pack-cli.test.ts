import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseManifest, parseNdjson } from '../../core/pack/pack-schema';
import type { BuildResult } from '../../scripts/lib/build/build-pack';
import { sniffInput } from '../../scripts/lib/cli/sniff';
import { runPacks } from '../../scripts/packs';

const fx = (path: string) => fileURLToPath(new URL(`../fixtures/packs/${path}`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'backstory-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const quiet = { log: () => undefined };
const INPUTS = [
  '--wikidata',
  fx('wikidata/latest-all.sample.json'),
  '--wikidata-labels',
  fx('wikidata/labels.ndjson'),
  '--popolo',
  fx('popolo/ep-popolo-v1.0.json'),
  '--claimreview',
  fx('claimreview/datafeed.json'),
  '--articles',
  fx('articles/list.txt'),
];

async function build(out: string, ...extra: string[]): Promise<BuildResult> {
  const result = await runPacks(['build', '--out', out, '--id', 'fixtures', ...INPUTS, ...extra], quiet);
  if (!result) throw new Error('no build result');
  return result;
}

const read = (dir: string, name: string) => readFileSync(join(dir, name));

describe('packs build', () => {
  const out = join(tmp, 'a');
  let result: BuildResult;
  beforeAll(async () => {
    result = await build(out);
  });

  it('writes records of every reader, sorted by type then id', () => {
    const records = parseNdjson(read(out, 'records.ndjson').toString('utf8'), 'records.ndjson');
    expect(records.map((r) => `${r.type} ${r.id}`)).toEqual([
      'entity Q11005',
      'entity Q145',
      'entity Q21592171',
      'entity Q23',
      'entity Q4115189',
      'entity Q6383803',
      'entity Q9626',
      'entity Q9630',
      'entity claimreview:jordan-sample',
      ...result.statements.map((s) => `statement ${s.id}`).sort(),
      'figure fig:Q145:P1082:2016',
      'figure fig:Q145:P2131:2014',
    ]);
  });

  it('merges the same person from Wikidata and Popolo into one entity', () => {
    const starmer = result.entities.find((e) => e.id === 'Q6383803');
    expect(starmer?.roles.map((r) => r.title)).toEqual([
      'Member of Parliament for Holborn and St Pancras',
      'Prime Minister of the United Kingdom',
    ]);
    expect(starmer?.externalIds).toEqual({ datadotparl_id: '4514', wikidata: 'Q6383803' });
  });

  it('dates and sources every statement, with the article publisher and URL or the fact-check rating', () => {
    const byDate = [...result.statements].sort((a, b) => a.date.localeCompare(b.date));
    expect(byDate.map((s) => [s.speakerId, s.date, s.source.publisher])).toEqual([
      ['Q4115189', '2024-02-28', 'Example Fact Check'],
      ['claimreview:jordan-sample', '2024-03-01', 'Example Fact Check'],
      ['Q4115189', '2024-03-05', 'Example Gazette'],
      ['Q4115189', '2024-03-05', 'Example Gazette'],
    ]);
    for (const s of result.statements) expect(s.source.url).toMatch(/^https:\/\//);
  });

  it('writes a manifest with format 2, sources with licences, the newest input date, and each file’s sha256', () => {
    const manifest = parseManifest(JSON.parse(read(out, 'manifest.json').toString('utf8')));
    expect(manifest.formatVersion).toBe(2);
    expect(manifest.created).toBe('2024-03-05');
    expect(manifest.sources.map((s) => [s.name, s.licence])).toEqual([
      ['Wikidata JSON dump: latest-all.sample.json', 'CC0-1.0'],
      ['Popolo: ep-popolo-v1.0.json', 'as published (the Popolo file states no licence)'],
      [
        'ClaimReview: datafeed.json (Example Fact Check)',
        'Fact-check markup as published by the fact-checker; claims quoted with attribution',
      ],
      [
        'Example Gazette "Bridge trust defends cost", 2024-03-05: attributed quotations',
        'Quotation with attribution (publisher copyright)',
      ],
    ]);
    const records = read(out, 'records.ndjson');
    expect(manifest.files).toEqual([
      {
        path: 'records.ndjson',
        sha256: createHash('sha256').update(records).digest('hex'),
        bytes: records.length,
        records: 15,
      },
    ]);
    expect(manifest.version).toBe(`2024.03.05-${manifest.files[0]?.sha256.slice(0, 8)}`);
  });

  it('reports what it left out and why', () => {
    expect(result.notes).toEqual(
      expect.arrayContaining([
        'wikidata: Q23: position Q1115127 has no label in the inputs',
        'claimreview: https://factcheck.example.org/2024/03/undated: no date for the claim',
        `article: ${fx('articles/example-gazette-undated.html')}: the page declares no publication date; no statements`,
      ]),
    );
  });

  it('gives byte-identical output on a rebuild', async () => {
    const again = join(tmp, 'b');
    await build(again);
    for (const name of ['records.ndjson', 'manifest.json'])
      expect(read(again, name).equals(read(out, name))).toBe(true);
  });

  it('passes its own validation', async () => {
    const lines: string[] = [];
    await runPacks(['validate', out], { log: (l) => lines.push(l) });
    expect(lines).toEqual([`${out}: ok, 1 files; entity 9, statement 4, figure 2, tombstone 0`]);
  });

  it('takes --created and --version instead of the derived ones', async () => {
    const dir = join(tmp, 'c');
    const { manifest } = await build(dir, '--created', '2024-12-31', '--version', '7');
    expect([manifest.created, manifest.version]).toEqual(['2024-12-31', '7']);
  });
});

describe('packs build with tombstones', () => {
  it('writes tombstones that withdraw records of other packs', async () => {
    const out = join(tmp, 't');
    const result = await runPacks(
      [
        'build',
        '--out',
        out,
        '--tombstones',
        fx('tombstones/withdrawn.ndjson'),
        '--popolo',
        fx('popolo/ep-popolo-v1.0.json'),
      ],
      quiet,
    );
    expect(result?.tombstones).toBe(1);
    expect(read(out, 'records.ndjson').toString('utf8')).toContain(
      '"type":"tombstone","id":"claimreview:square-world-society"',
    );
  });

  it('rejects a tombstone without provenance with a clear error naming the file and line', async () => {
    await expect(
      runPacks(['build', '--out', join(tmp, 'u'), '--tombstones', fx('tombstones/unsourced.ndjson')], quiet),
    ).rejects.toThrowError(
      `${fx('tombstones/unsourced.ndjson')}:2: source: missing (every record needs a source: a url, or a dataset and a record id)`,
    );
  });

  it('refuses a tombstone for a record the same pack contains', async () => {
    await expect(
      runPacks(
        [
          'build',
          '--out',
          join(tmp, 'v'),
          '--claimreview',
          fx('claimreview/fact-check-page.html'),
          '--tombstones',
          fx('tombstones/withdrawn.ndjson'),
        ],
        quiet,
      ),
    ).rejects.toThrowError(
      'build: claimreview:square-world-society is both a record and a tombstone in this pack',
    );
  });
});

describe('packs validate', () => {
  it('rejects a pack record without provenance, naming the file and line', async () => {
    const dir = join(tmp, 'bad');
    await build(dir);
    const lines = read(dir, 'records.ndjson').toString('utf8').split('\n');
    lines[2] = lines[2]?.replace(/"sources":\[.*\]\}$/, '"sources":[]}') ?? '';
    const text = lines.join('\n');
    writeFileSync(join(dir, 'records.ndjson'), text);
    const manifest = JSON.parse(read(dir, 'manifest.json').toString('utf8'));
    manifest.files[0].sha256 = createHash('sha256').update(text).digest('hex');
    manifest.files[0].bytes = Buffer.byteLength(text);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    await expect(runPacks(['validate', dir], quiet)).rejects.toThrowError(
      'records.ndjson:3: sources: needs at least one source (every record needs a source: a url, or a dataset and a record id)',
    );
  });

  it('rejects a file whose checksum differs from the manifest', async () => {
    const dir = join(tmp, 'tampered');
    await build(dir);
    writeFileSync(
      join(dir, 'records.ndjson'),
      `${read(dir, 'records.ndjson').toString('utf8').slice(0, -2)}X\n`,
    );
    await expect(runPacks(['validate', dir], quiet)).rejects.toThrowError(
      'records.ndjson: sha256 differs from the manifest',
    );
  });
});

describe('packs command line', () => {
  it('prints help listing every input flag', async () => {
    const lines: string[] = [];
    await runPacks(['--help'], { log: (l) => lines.push(l) });
    for (const flag of [
      '--wikidata',
      '--popolo',
      '--claimreview',
      '--article',
      '--articles',
      '--datasets',
      '--tombstones',
    ])
      expect(lines.join('\n')).toContain(flag);
  });

  it('rejects unknown flags and a build without --out', async () => {
    await expect(runPacks(['build', '--out', tmp, '--wikdata', 'x'], quiet)).rejects.toThrowError(/wikdata/);
    await expect(runPacks(['build', fx('popolo/ep-popolo-v1.0.json')], quiet)).rejects.toThrowError(
      'build: --out DIR is required',
    );
  });

  it('asks for --created when no input declares a date', async () => {
    await expect(
      runPacks(['build', '--out', join(tmp, 'd'), fx('popolo/ep-popolo-v1.0.json')], quiet),
    ).rejects.toThrowError('no input declares a date; pass --created YYYY-MM-DD');
  });

  it('recognises bare inputs by their shape', () => {
    expect(sniffInput(fx('wikidata/latest-all.sample.json'))).toBe('wikidata');
    expect(sniffInput(fx('wikidata/labels.ndjson'))).toBe('wikidata');
    expect(sniffInput(fx('popolo/ep-popolo-v1.0.json'))).toBe('popolo');
    expect(sniffInput(fx('claimreview/datafeed.json'))).toBe('claimreview');
    expect(sniffInput(fx('claimreview/fact-check-page.html'))).toBe('claimreview');
    expect(sniffInput(fx('articles/example-gazette-bridge.html'))).toBe('article');
    expect(sniffInput('https://news.example.com/story')).toBe('article');
    expect(() => sniffInput(fx('articles/list.txt'))).toThrowError(/name it with a flag/);
  });
});
