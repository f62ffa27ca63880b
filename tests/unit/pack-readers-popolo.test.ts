import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPopoloJson } from '../../scripts/lib/readers/popolo';

const fixture = fileURLToPath(new URL('../fixtures/packs/popolo/ep-popolo-v1.0.json', import.meta.url));
const result = readPopoloJson(JSON.parse(readFileSync(fixture, 'utf8')), fixture);
const byId = (id: string) => result.fragments.find((f) => f.ids.includes(id));

describe('Popolo reader (EveryPolitician ep-popolo shape)', () => {
  it('joins a person by Wikidata Q-id and UK Parliament id, and keeps the other identifiers', () => {
    const starmer = byId('Q6383803');
    expect(starmer?.ids).toEqual([
      'Q6383803',
      'uk-parliament:4514',
      'popolo:c2a1a5ea-1d7c-4d8a-9f33-9d3c0e4b4514',
    ]);
    expect(starmer?.externalIds).toEqual({ wikidata: 'Q6383803', datadotparl_id: '4514' });
    expect(starmer?.sources[0]).toMatchObject({
      url: 'https://www.wikidata.org/wiki/Q6383803',
      dataset: 'popolo ep-popolo-v1.0.json',
    });
  });

  it("titles a membership with its post's label and keeps the membership's own dates", () => {
    expect(byId('Q6383803')?.roles).toEqual([
      {
        title: 'Member of Parliament for Holborn and St Pancras',
        from: '2017-06-08',
        // The file records nothing later, so the open membership is known to run only to then.
        asOf: '2017-06-08',
        source: {
          dataset: 'popolo ep-popolo-v1.0.json',
          record: 'memberships[0] c2a1a5ea-1d7c-4d8a-9f33-9d3c0e4b4514',
        },
      },
    ]);
  });

  it("names an undated membership's legislative period instead of copying the period's dates", () => {
    const role = byId('Q21592171')?.roles[0];
    expect(role?.title).toBe(
      'Member of House of Commons for Saffron Walden (57th Parliament of the United Kingdom)',
    );
    expect(role?.from).toBeUndefined();
    expect(role?.to).toBeUndefined();
  });

  it('takes the party from on_behalf_of_id', () => {
    expect(byId('Q6383803')?.party).toBe('Labour');
    expect(byId('Q21592171')?.party).toBe('Conservative');
  });

  it('reads organisations but not "Independent", which is no organisation', () => {
    const orgs = result.fragments.filter((f) => f.kind === 'organization').map((f) => f.name);
    expect(orgs).toEqual(['House of Commons', 'Labour', 'Conservative']);
  });

  it('reports records it cannot use, with their JSON path', () => {
    expect(result.problems).toEqual([
      `${fixture}: memberships[2] has no person_id; skipped`,
      `${fixture}: persons[2] has no name; skipped`,
    ]);
  });
});

const executive = fileURLToPath(
  new URL(
    '../../../shared/datasets/uk-everypolitician-popolo/executive/Q112014.popolo-m17n.json',
    import.meta.url,
  ),
);

describe.skipIf(!existsSync(executive))('Popolo reader on a published Wikidata-derived file', () => {
  it('reads multilingual names and a full position title as the role (Theresa May, Prime Minister)', () => {
    const file = readPopoloJson(
      JSON.parse(readFileSync(executive, 'utf8')),
      join('executive', 'Q112014.popolo-m17n.json'),
    );
    const may = file.fragments.find((f) => f.ids[0] === 'Q264766');
    expect(may?.roles.map((r) => [r.title, r.from])).toEqual([
      ['Prime Minister of the United Kingdom', '2016-07-13'],
    ]);
    expect(may?.party).toBe('Conservative Party');
  });
});
