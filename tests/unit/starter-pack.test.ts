import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Entity, ReferenceFigure, Statement } from '../../core/model';
import { parseManifest, parseNdjson } from '../../core/pack/pack-schema';
import { roleOnDate } from '../../core/roles/role-on-date';
import { buildStarterPack, defaultSharedRoot } from '../../scripts/build-starter-pack';
import { SpeakerResolver } from '../../scripts/lib/resolve-speaker';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const packDir = join(repoRoot, 'public', 'packs', 'starter');
const read = (name: string) => readFileSync(join(packDir, name));

const records = parseNdjson(read('records.ndjson').toString('utf8'), 'records.ndjson');
const manifest = parseManifest(JSON.parse(read('manifest.json').toString('utf8')));
const entities: Entity[] = records.flatMap((r) => (r.type === 'entity' ? [r] : []));
const statements: Statement[] = records.flatMap((r) => (r.type === 'statement' ? [r] : []));
const figures: ReferenceFigure[] = records.flatMap((r) => (r.type === 'figure' ? [r] : []));

const SEED_DATE = '2025-02-26';
const ids = (xs: readonly { id: string }[]) => new Set(xs.map((x) => x.id));
/** Every person in shared/seed/gold.json, with the office each held on the seed article's date. */
const SEED_PEOPLE: [name: string, office: string][] = [
  ['Volodymyr Zelensky', 'ua:president'],
  ['Keir Starmer', 'gb:prime-minister'],
  ['Donald Trump', 'us:president'],
  ['Emmanuel Macron', 'fr:president'],
  ['John Healey', 'gb:defence-secretary'],
  ['Kemi Badenoch', 'gb:conservative-leader'],
  ['Sergey Lavrov', 'ru:foreign-minister'],
  ['Vladimir Putin', 'ru:president'],
];

function person(name: string): Entity {
  const hits = entities.filter((e) => e.kind === 'person' && (e.name === name || e.aliases.includes(name)));
  expect(hits, name).toHaveLength(1);
  return hits[0] as Entity;
}

describe('starter pack data', () => {
  it.each(SEED_PEOPLE)('has %s with a role covering the seed date (%s)', (name, office) => {
    const entity = person(name);
    const role = roleOnDate(entity.roles, SEED_DATE);
    expect(role?.source).toBeDefined();
    expect(
      entity.roles.some(
        (r) => r.office === office && r.from && r.from <= SEED_DATE && (!r.to || r.to >= SEED_DATE),
      ),
    ).toBe(true);
  });

  it("gives Keir Starmer the Prime Minister's role on 26 Feb 2025", () => {
    expect(roleOnDate(person('Keir Starmer').roles, SEED_DATE)?.title).toContain('Prime Minister');
  });

  it('knows the forms the seed article uses for its people', () => {
    for (const form of [
      'Zelensky',
      'Zelenskyy',
      'Sir Keir Starmer',
      'Sir Keir',
      'Starmer',
      'Trump',
      'Donald J. Trump',
    ]) {
      expect(entities.filter((e) => e.aliases.includes(form)).length, form).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives every entity and every role a source', () => {
    for (const e of entities) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const r of e.roles)
        expect(Boolean(r.source.url || (r.source.dataset && r.source.record)), e.id).toBe(true);
    }
  });

  it('dates and sources every statement, and attributes it to an entity in the pack', () => {
    const ids = new Set(entities.map((e) => e.id));
    for (const s of statements) {
      expect(s.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Boolean(s.source.url || (s.source.dataset && s.source.record))).toBe(true);
      expect(ids.has(s.speakerId), s.speakerId).toBe(true);
      expect(s.topics.length).toBeLessThanOrEqual(12);
    }
  });

  it('has seed statements by Keir Starmer, Donald Trump and John Healey', () => {
    for (const name of ['Keir Starmer', 'Donald Trump', 'John Healey']) {
      const id = person(name).id;
      expect(
        statements.filter((s) => s.speakerId === id && s.date === SEED_DATE).length,
        name,
      ).toBeGreaterThanOrEqual(1);
    }
  });

  it('has no duplicate ids and keeps entities, statements, then figures, each sorted by id', () => {
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sorted = (xs: string[]) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(ids).toEqual([
      ...sorted(entities.map((e) => e.id)),
      ...sorted(statements.map((s) => s.id)),
      ...sorted(figures.map((f) => f.id)),
    ]);
    expect(records.some((r) => r.type === 'tombstone')).toBe(false);
  });

  it('sources every reference figure to the Wikidata claim it comes from, with its period', () => {
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) {
      expect(f.source.record, f.id).toMatch(/^Q\d+\$/);
      expect(f.period, f.id).toMatch(/^\d{4}/);
      expect(ids(entities).has(f.subjectId ?? ''), f.id).toBe(true);
    }
  });

  it('takes statements from the seed and from dated corpus pages, each with its publisher', () => {
    const publishers = new Set(statements.map((s) => s.source.publisher));
    expect(publishers).toContain('The Independent');
    expect(publishers).toContain('BBC News');
    expect(manifest.formatVersion).toBe(2);
  });

  it('matches the manifest: sha256, bytes and record counts', () => {
    expect(manifest.files.map((f) => f.path).sort()).toEqual(['given-names.json', 'records.ndjson']);
    for (const f of manifest.files) {
      const bytes = read(f.path);
      expect(createHash('sha256').update(bytes).digest('hex'), f.path).toBe(f.sha256);
      expect(bytes.length, f.path).toBe(f.bytes);
    }
    expect(manifest.files.find((f) => f.path === 'records.ndjson')?.records).toBe(records.length);
    const names = JSON.parse(read('given-names.json').toString('utf8')) as string[];
    expect(manifest.files.find((f) => f.path === 'given-names.json')?.records).toBe(names.length);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe('quote speaker resolution against the pack', () => {
  const resolver = new SpeakerResolver(entities);
  const text = [
    'US President Donald Trump met French President Emmanuel Macron and Prime Minister Sir Keir Starmer.',
    'But Mr Trump poured cold water on the plan.',
    'Speaking at the White House, the president said: “No.”',
    'Defence Secretary John Healey said: “Yes.”',
    'President Macron spoke next, and the president said: “Maybe.”',
  ].join('\n');
  const mentions = resolver.mentions(text);
  const at = (s: string) => text.indexOf(s);

  it('resolves names, honorific forms and titled surnames', () => {
    expect(resolver.resolve('Sir Keir', 0, mentions, SEED_DATE)).toBe(person('Keir Starmer').id);
    expect(resolver.resolve('Defence Secretary John Healey', 0, mentions, SEED_DATE)).toBe(
      person('John Healey').id,
    );
    expect(resolver.resolve('Mr Trump', 0, mentions, SEED_DATE)).toBe(person('Donald Trump').id);
  });

  it('resolves a role phrase to the office holder the article named last', () => {
    expect(resolver.resolve('the president', at('the president said: “No'), mentions, SEED_DATE)).toBe(
      person('Donald Trump').id,
    );
    expect(resolver.resolve('the Prime Minister', 0, mentions, SEED_DATE)).toBe(person('Keir Starmer').id);
  });

  it('does not guess: a pronoun, or a holder known only from the 2022 snapshot, stays unresolved', () => {
    expect(resolver.resolve('he', 0, mentions, SEED_DATE)).toBeNull();
    expect(
      resolver.resolve('the president', at('the president said: “Maybe'), mentions, SEED_DATE),
    ).toBeNull();
  });
});

describe('starter pack build', () => {
  const shared = defaultSharedRoot();
  const tmp = mkdtempSync(join(tmpdir(), 'backstory-pack-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it.skipIf(!existsSync(join(shared, 'datasets')))(
    'rebuilds byte for byte identical files through the pack CLI',
    async () => {
      await buildStarterPack({ sharedRoot: shared, outDir: tmp });
      for (const name of ['records.ndjson', 'given-names.json', 'manifest.json']) {
        expect(readFileSync(join(tmp, name)).equals(read(name)), name).toBe(true);
      }
    },
    60_000,
  );
});

const goldPath = join(defaultSharedRoot(), 'seed', 'gold.json');

describe.skipIf(!existsSync(goldPath))('starter pack coverage of the seed gold', () => {
  it('has an entity for every person in shared/seed/gold.json', () => {
    const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { people: { name: string }[] };
    expect(gold.people.length).toBeGreaterThan(0);
    for (const { name } of gold.people) person(name);
  });
});
