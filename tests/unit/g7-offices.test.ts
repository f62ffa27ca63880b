import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Entity, Role } from '../../core/model';
import { parseNdjson } from '../../core/pack/pack-schema';
import { officeKeys } from '../../core/roles/office-lexicon';
import { holderOn, roleCovers } from '../../core/roles/role-on-date';
import { findRolePhrases } from '../../core/roles/role-phrase';
import { resolveRolePhrases } from '../../core/roles/role-resolution';
import type { EntityContext } from '../../messaging/protocol';
import { defaultSharedRoot } from '../../scripts/build-starter-pack';
import { readCurated } from '../../scripts/lib/read-curated';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const curatedPath = join(repoRoot, 'packs', 'curated', 'offices-2024-2025.json');
const records = parseNdjson(
  readFileSync(join(repoRoot, 'public', 'packs', 'starter', 'records.ndjson'), 'utf8'),
  'records.ndjson',
);
const entities: Entity[] = records.flatMap((r) => (r.type === 'entity' ? [r] : []));
const byId = new Map(entities.map((e) => [e.id, e]));

const BEFORE = '2025-02-26';
const AFTER = '2025-11-01';

/** Country, office key, and who held it on 26 Feb 2025 and on 1 Nov 2025 (public record). */
const HOLDERS: [country: string, office: string, before: string, after: string][] = [
  ['gb', 'gb:prime-minister', 'Keir Starmer', 'Keir Starmer'],
  ['gb', 'gb:foreign-secretary', 'David Lammy', 'Yvette Cooper'],
  ['us', 'us:president', 'Donald Trump', 'Donald Trump'],
  ['us', 'us:secretary-of-state', 'Marco Rubio', 'Marco Rubio'],
  ['fr', 'fr:prime-minister', 'François Bayrou', 'Sébastien Lecornu'],
  ['fr', 'fr:foreign-minister', 'Jean-Noël Barrot', 'Jean-Noël Barrot'],
  ['de', 'de:chancellor', 'Olaf Scholz', 'Friedrich Merz'],
  ['de', 'de:foreign-minister', 'Annalena Baerbock', 'Johann Wadephul'],
  ['it', 'it:prime-minister', 'Giorgia Meloni', 'Giorgia Meloni'],
  ['it', 'it:foreign-minister', 'Antonio Tajani', 'Antonio Tajani'],
  ['jp', 'jp:prime-minister', 'Shigeru Ishiba', 'Sanae Takaichi'],
  ['jp', 'jp:foreign-minister', 'Takeshi Iwaya', 'Toshimitsu Motegi'],
  ['ca', 'ca:prime-minister', 'Justin Trudeau', 'Mark Carney'],
  ['ca', 'ca:foreign-minister', 'Mélanie Joly', 'Anita Anand'],
  ['ua', 'ua:prime-minister', 'Denys Shmyhal', 'Yulia Svyrydenko'],
  ['ua', 'ua:foreign-minister', 'Andrii Sybiha', 'Andrii Sybiha'],
  ['ru', 'ru:prime-minister', 'Mikhail Mishustin', 'Mikhail Mishustin'],
  ['ru', 'ru:foreign-minister', 'Sergey Lavrov', 'Sergey Lavrov'],
];

const dated = (r: Role) => Boolean(r.from || r.to);

const byOffice = new Map<string, Entity[]>();
for (const e of entities) {
  for (const office of new Set(e.roles.flatMap((r) => (r.office ? [r.office] : [])))) {
    byOffice.set(office, [...(byOffice.get(office) ?? []), e]);
  }
}

/** Every entity with a dated role in `office` covering `date`, with that role. */
function holdersOn(office: string, date: string): { entity: Entity; role: Role }[] {
  return (byOffice.get(office) ?? []).flatMap((entity) => {
    const role = entity.roles.find((r) => r.office === office && dated(r) && roleCovers(r, date));
    return role ? [{ entity, role }] : [];
  });
}

describe('the built starter pack: heads of government and foreign ministers of the G7, Ukraine and Russia', () => {
  it('covers the nine countries, two offices each', () => {
    expect(new Set(HOLDERS.map(([country]) => country)).size).toBe(9);
    expect(HOLDERS).toHaveLength(18);
  });

  for (const [, office, before, after] of HOLDERS) {
    for (const [date, name] of [
      [BEFORE, before],
      [AFTER, after],
    ] as const) {
      it(`has exactly one holder of ${office} on ${date}: ${name}, with a source URL`, () => {
        const found = holdersOn(office, date);
        expect(
          found.map((h) => h.entity.name),
          office,
        ).toEqual([name]);
        expect(found[0]?.role.source.url ?? '').toMatch(/^https?:\/\//);
      });
    }
  }

  it('has one holder of each office on every day from 2024 on, except the handover day itself', () => {
    for (const [, office] of HOLDERS) {
      const starts = new Set(
        entities.flatMap((e) => e.roles.filter((r) => r.office === office && r.from)).map((r) => r.from),
      );
      for (let day = new Date('2024-01-01T00:00:00Z'); day <= new Date('2025-12-31T00:00:00Z'); ) {
        const date = day.toISOString().slice(0, 10);
        const count = holdersOn(office, date).length;
        // On a handover day the outgoing holder's last day and the incoming holder's first day coincide.
        expect(count, `${office} on ${date}`).toBe(starts.has(date) && count === 2 ? 2 : 1);
        day = new Date(day.getTime() + 86_400_000);
      }
    }
  });
});

describe('the curated offices file', () => {
  const curated = readCurated(curatedPath);

  it('identifies people no shared dataset identifies by a curated id, never a Wikidata id', () => {
    for (const o of curated.offices.filter((r) => r.id)) {
      const entity = byId.get(o.id ?? '');
      expect(entity, o.name).toBeDefined();
      expect(entity?.externalIds?.wikidata, o.name).toBeUndefined();
      expect(
        o.sources.some((u) => u.includes('wikidata.org')),
        o.name,
      ).toBe(false);
    }
  });

  it('merges a confirmation with the dataset row it repeats, leaving one role for that term', () => {
    const confirmations = curated.offices.filter((o) => o.confirms);
    expect(confirmations.map((o) => o.name)).toEqual(['Donald Trump', 'Mikhail Mishustin', 'Sergey Lavrov']);
    for (const o of confirmations) {
      const entity = byId.get(o.qid ?? '');
      const terms = entity?.roles.filter((r) => r.office === o.office && r.from === o.from) ?? [];
      expect(terms, o.name).toHaveLength(1);
      expect(terms[0]?.source.url, o.name).toMatch(/^https:\/\//);
      const dataset = o.confirms?.split(' ')[0] ?? '';
      expect(
        entity?.sources.some((s) => s.dataset?.startsWith(dataset)),
        o.name,
      ).toBe(true);
    }
  });

  it('keeps the snapshot’s later confirmation date when a curated record repeats its open-ended row', () => {
    const lavrov = byId.get('Q58217')?.roles.find((r) => r.office === 'ru:foreign-minister');
    expect(lavrov?.asOf).toBe('2022-08-03');
  });

  const datasets = join(defaultSharedRoot(), 'datasets');
  it.skipIf(!existsSync(datasets))('uses only Q-ids a shared dataset gives for that person', () => {
    const texts: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(csv|ya?ml|json)$/.test(name)) texts.push(readFileSync(path, 'utf8'));
      }
    };
    walk(datasets);
    for (const o of curated.offices.filter((r) => r.qid)) {
      const pattern = new RegExp(`\\b${o.qid}\\b`);
      expect(
        texts.some((t) => pattern.test(t)),
        `${o.name} ${o.qid}`,
      ).toBe(true);
    }
  });
});

describe('curated record validation', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'backstory-curated-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const base = {
    id: 'curated:de:friedrich-merz',
    name: 'Friedrich Merz',
    office: 'de:chancellor',
    country: 'de',
    title: 'Chancellor of Germany',
    from: '2025-05-06',
    sources: ['https://en.wikipedia.org/wiki/Friedrich_Merz', 'https://www.bundesregierung.de/'],
  };
  let files = 0;
  const read = (office: Record<string, unknown>) => {
    const path = join(tmp, `curated-${++files}.json`);
    writeFileSync(path, JSON.stringify({ about: 'test', offices: [office], aliases: [] }));
    return () => readCurated(path);
  };

  it('accepts an encyclopedia article and an official page, and claims nothing after the start', () => {
    const role = read(base)().fragments[0]?.roles[0];
    expect(role?.asOf).toBe('2025-05-06');
    expect(role?.source.url).toBe('https://www.bundesregierung.de/');
  });

  it('rejects a record without an official government page', () => {
    expect(read({ ...base, sources: ['https://en.wikipedia.org/wiki/Friedrich_Merz'] })).toThrow(
      /official government page/,
    );
    expect(
      read({
        ...base,
        sources: ['https://en.wikipedia.org/wiki/Friedrich_Merz', 'https://www.example.com/'],
      }),
    ).toThrow(/official government page/);
  });

  it('rejects a record without a Wikidata or Wikipedia article', () => {
    expect(read({ ...base, sources: ['https://www.bundesregierung.de/'] })).toThrow(/Wikipedia/);
  });

  it('rejects a Wikidata item on a record without a Q-id, and a record with both ids or neither', () => {
    expect(read({ ...base, sources: [...base.sources, 'https://www.wikidata.org/wiki/Q1'] })).toThrow(
      /Wikidata item/,
    );
    expect(read({ ...base, qid: 'Q1' })).toThrow(/exactly one/);
    expect(read({ ...base, id: undefined })).toThrow(/exactly one/);
  });

  it('rejects a later confirmation date without evidence, and an unknown office key', () => {
    expect(read({ ...base, asOf: '2025-11-01' })).toThrow(/asOfEvidence/);
    expect(read({ ...base, office: 'de:chancelor' })).toThrow(/office key/);
    expect(read({ ...base, office: 'gb:chancellor' })).toThrow(/its country/);
  });
});

describe('role phrases resolved against the built pack', () => {
  /** What the background lookup answers: the one holder of each office the phrases may name. */
  function resolve(text: string, country: string | null, date: string): [string, string][] {
    const phrases = findRolePhrases(text);
    const holders: Record<string, string> = {};
    const contexts: Record<string, EntityContext> = {};
    for (const phrase of phrases) {
      const where = phrase.country ?? country;
      for (const key of where ? officeKeys(phrase.concept, where) : []) {
        const holder = holderOn(entities, key, date);
        if (!holder) continue;
        holders[key] = holder.id;
        contexts[holder.id] = {
          entity: holder,
          roleOnDate: null,
          resolvedFor: date,
          statements: [],
          statementCount: 0,
        };
      }
    }
    return resolveRolePhrases(phrases, [], { date, country, holders, entities: contexts }).map((r) => [
      r.phrase.text,
      r.context.entity.name,
    ]);
  }

  it('names each G7 leader and foreign minister on the article date', () => {
    const text = [
      'the German chancellor',
      "Japan's prime minister",
      'the Canadian foreign minister',
      'the Italian prime minister',
      'the US secretary of state',
      'the French foreign minister',
      "Ukraine's prime minister",
      'the Russian foreign minister',
    ].join(', ');
    expect(resolve(text, 'gb', AFTER).map(([, name]) => name)).toEqual([
      'Friedrich Merz',
      'Sanae Takaichi',
      'Anita Anand',
      'Giorgia Meloni',
      'Marco Rubio',
      'Jean-Noël Barrot',
      'Yulia Svyrydenko',
      'Sergey Lavrov',
    ]);
    expect(resolve(text, 'gb', BEFORE).map(([, name]) => name)).toEqual([
      'Olaf Scholz',
      'Shigeru Ishiba',
      'Mélanie Joly',
      'Giorgia Meloni',
      'Marco Rubio',
      'Jean-Noël Barrot',
      'Denys Shmyhal',
      'Sergey Lavrov',
    ]);
  });

  it('reads "the foreign secretary" in a British article as the holder on that date', () => {
    expect(resolve('the foreign secretary said', 'gb', BEFORE)).toEqual([
      ['the foreign secretary', 'David Lammy'],
    ]);
    expect(resolve('the foreign secretary said', 'gb', AFTER)).toEqual([
      ['the foreign secretary', 'Yvette Cooper'],
    ]);
  });

  it('names the 2025 holders of offices whose 2022 snapshot terms have ended, and no one for an unknown successor', () => {
    const text = [
      'the Chancellor',
      'the Home Secretary',
      'the defence secretary',
      'the Russian defence minister',
      'the Ukrainian defence minister',
      'the French finance minister',
      'the US treasury secretary',
      'the Israeli prime minister',
      'the Israeli foreign minister',
    ].join(', ');
    expect(resolve(text, 'gb', AFTER)).toEqual([
      ['the Chancellor', 'Rachel Reeves'],
      ['the Home Secretary', 'Shabana Mahmood'],
      ['the defence secretary', 'John Healey'],
      ['the Russian defence minister', 'Andrey Belousov'],
      ['the Ukrainian defence minister', 'Denys Shmyhal'],
      ['the French finance minister', 'Roland Lescure'],
      ['the US treasury secretary', 'Scott Bessent'],
      ['the Israeli prime minister', 'Benjamin Netanyahu'],
    ]);
    expect(resolve('the Chancellor and the Home Secretary', 'gb', '2022-10-20')).toEqual([
      ['the Chancellor', 'Jeremy Hunt'],
      ['the Home Secretary', 'Grant Shapps'],
    ]);
  });

  it('reads "the Chancellor" as the German chancellor only in a German article', () => {
    expect(resolve('the Chancellor said', 'de', AFTER)).toEqual([['the Chancellor', 'Friedrich Merz']]);
    const british = resolve('the Chancellor said', 'gb', AFTER).map(([, name]) => byName(name));
    expect(british.every((e) => e.roles.some((r) => r.office === 'gb:chancellor'))).toBe(true);
  });
});

function byName(name: string): Entity {
  const hits = entities.filter((e) => e.name === name);
  expect(hits, name).toHaveLength(1);
  return hits[0] as Entity;
}
