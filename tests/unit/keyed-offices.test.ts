/**
 * Over the built starter pack: a role phrase ("the Chancellor", "the Home Secretary", "the defence minister")
 * names whoever holds the office key on the article's date (`holderOn`), so an open-ended 2022 snapshot row
 * that really ended would name a wrong holder today. Every keyed office is checked here, day by day.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Entity, Role } from '../../core/model';
import { parseManifest, parseNdjson } from '../../core/pack/pack-schema';
import { holderOn, roleCovers } from '../../core/roles/role-on-date';

const packDir = join(fileURLToPath(new URL('../..', import.meta.url)), 'public', 'packs', 'starter');
const records = parseNdjson(readFileSync(join(packDir, 'records.ndjson'), 'utf8'), 'records.ndjson');
const manifest = parseManifest(JSON.parse(readFileSync(join(packDir, 'manifest.json'), 'utf8')));
const entities: Entity[] = records.flatMap((r) => (r.type === 'entity' ? [r] : []));

const DATE = '2025-11-01';

/**
 * Every office key in the pack and its holder on 1 November 2025 (public record), or null where the pack
 * closes the last known term and has no record of the successor's start, so the office names no one.
 */
const HOLDERS_ON_DATE: Record<string, string | null> = {
  'ca:foreign-minister': 'Anita Anand',
  'ca:prime-minister': 'Mark Carney',
  'de:chancellor': 'Friedrich Merz',
  'de:foreign-minister': 'Johann Wadephul',
  'fr:defence-minister': 'Catherine Vautrin',
  'fr:finance-minister': 'Roland Lescure',
  'fr:foreign-minister': 'Jean-Noël Barrot',
  'fr:president': 'Emmanuel Macron',
  'fr:prime-minister': 'Sébastien Lecornu',
  'gb:chancellor': 'Rachel Reeves',
  'gb:conservative-leader': 'Kemi Badenoch',
  'gb:defence-secretary': 'John Healey',
  'gb:deputy-prime-minister': 'David Lammy',
  'gb:foreign-secretary': 'Yvette Cooper',
  'gb:home-secretary': 'Shabana Mahmood',
  'gb:leader-of-the-opposition': 'Kemi Badenoch',
  'gb:monarch': 'Charles III',
  'gb:prime-minister': 'Keir Starmer',
  'il:defence-minister': null,
  'il:finance-minister': 'Bezalel Smotrich',
  'il:foreign-minister': null,
  'il:president': 'Isaac Herzog',
  'il:prime-minister': 'Benjamin Netanyahu',
  'it:foreign-minister': 'Antonio Tajani',
  'it:prime-minister': 'Giorgia Meloni',
  'jp:foreign-minister': 'Toshimitsu Motegi',
  'jp:prime-minister': 'Sanae Takaichi',
  'ru:defence-minister': 'Andrey Belousov',
  'ru:finance-minister': 'Anton Siluanov',
  'ru:foreign-minister': 'Sergey Lavrov',
  'ru:president': 'Vladimir Putin',
  'ru:prime-minister': 'Mikhail Mishustin',
  'ua:defence-minister': 'Denys Shmyhal',
  'ua:finance-minister': 'Serhiy Marchenko',
  'ua:foreign-minister': 'Andrii Sybiha',
  'ua:president': 'Volodymyr Zelenskyy',
  'ua:prime-minister': 'Yulia Svyrydenko',
  'us:defense-secretary': 'Pete Hegseth',
  'us:president': 'Donald Trump',
  'us:secretary-of-state': 'Marco Rubio',
  'us:treasury-secretary': 'Scott Bessent',
  'us:vice-president': 'J.D. Vance',
};

/** What `holderOn` counts: a role with at least one date. */
const dated = (r: Role) => Boolean(r.from || r.to);

const byOffice = new Map<string, Entity[]>();
for (const e of entities) {
  for (const office of new Set(e.roles.flatMap((r) => (r.office && dated(r) ? [r.office] : [])))) {
    byOffice.set(office, [...(byOffice.get(office) ?? []), e]);
  }
}

function holdersOn(office: string, date: string): { entity: Entity; role: Role }[] {
  return (byOffice.get(office) ?? []).flatMap((entity) => {
    const role = entity.roles.find((r) => r.office === office && dated(r) && roleCovers(r, date));
    return role ? [{ entity, role }] : [];
  });
}

function* days(from: string, to: string): Generator<string> {
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`); ) {
    yield day.toISOString().slice(0, 10);
    day = new Date(day.getTime() + 86_400_000);
  }
}

describe('keyed offices in the built starter pack', () => {
  it('expects a holder (or none) for every office key the pack carries', () => {
    expect([...byOffice.keys()].sort()).toEqual(Object.keys(HOLDERS_ON_DATE).sort());
  });

  it(`has at most one holder of each office on every day from 2023-01-01 to ${manifest.created}`, () => {
    const wrong: string[] = [];
    for (const office of byOffice.keys()) {
      for (const date of days('2023-01-01', manifest.created)) {
        const found = holdersOn(office, date);
        // Both ends of a term are inclusive: on a handover day the outgoing holder's last day is the
        // incoming holder's first, so an outgoing holder does not count when someone starts that day.
        const staying = found.filter(
          (h) => !(h.role.to === date && found.some((o) => o !== h && o.role.from === date)),
        );
        if (staying.length > 1) wrong.push(`${office} ${date}: ${staying.map((h) => h.entity.name)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  for (const [office, name] of Object.entries(HOLDERS_ON_DATE)) {
    it(`names ${name ?? 'no one'} as the holder of ${office} on ${DATE}`, () => {
      expect(holderOn(entities, office, DATE)?.name ?? null).toBe(name);
      expect(holdersOn(office, DATE).map((h) => h.entity.name)).toEqual(name ? [name] : []);
    });
  }

  it('closes each 2022 snapshot term that has since ended, keeping one role for it', () => {
    const closed: [name: string, office: string, from: string, to: string][] = [
      ['Elizabeth II', 'gb:monarch', '1952-02-06', '2022-09-08'],
      ['Nadhim Zahawi', 'gb:chancellor', '2022-07-05', '2022-09-06'],
      ['Ben Wallace', 'gb:defence-secretary', '2019-07-24', '2023-08-31'],
      ['Dominic Raab', 'gb:deputy-prime-minister', '2021-09-15', '2022-09-06'],
      ['Priti Patel', 'gb:home-secretary', '2019-07-24', '2022-09-06'],
      ['Lloyd Austin', 'us:defense-secretary', '2021-01-22', '2025-01-20'],
      ['Janet Yellen', 'us:treasury-secretary', '2021-01-26', '2025-01-20'],
      ['Sergey Shoygu', 'ru:defence-minister', '2012-11-06', '2024-05-12'],
      ['Oleksii Reznikov', 'ua:defence-minister', '2021-11-04', '2023-09-06'],
      ['Bruno Le Maire', 'fr:finance-minister', '2017-06-21', '2024-09-21'],
      ['Sébastien Lecornu', 'fr:defence-minister', '2022-05-20', '2025-10-12'],
      ['Yair Lapid', 'il:prime-minister', '2022-07-01', '2022-12-29'],
      ['Yair Lapid', 'il:foreign-minister', '2021-06-13', '2022-12-29'],
      ['Avigdor Lieberman', 'il:finance-minister', '2021-06-13', '2022-12-29'],
      ['Benny Gantz', 'il:defence-minister', '2020-05-17', '2022-12-29'],
    ];
    for (const [name, office, from, to] of closed) {
      const people = entities.filter((e) => e.name === name);
      expect(people, name).toHaveLength(1);
      const terms = people[0]?.roles.filter((r) => r.office === office && r.from === from) ?? [];
      expect(
        terms.map((r) => r.to),
        `${name} ${office}`,
      ).toEqual([to]);
      expect(terms[0]?.source.url ?? '', name).toMatch(/^https:\/\//);
    }
  });
});
