/**
 * Reader for the Wikidata officeholder snapshots (every-politician-scrapers, July/Aug 2022): every holder of
 * each tracked office in six countries, from `holders21.csv`.
 *
 * An open-ended row means "still in office when the snapshot was made", not "now": such roles carry
 * `asOf` = the snapshot date so the UI can say "per records to July 2022".
 * Rows whose start or end is only a year or a month keep no dates (a role is never picked for a date it
 * might not cover); the period is kept in the title instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Role, Source } from '../../core/model';
import { isQid, OFFICEHOLDER_REPOS, OFFICEHOLDERS, type OfficeholderRepo, wikidataUrl } from './datasets';
import type { Fragment, ReaderResult } from './fragment';
import { deriveAliases, givenNameOf, tidy } from './names';
import { officeFor } from './offices';

type Row = Record<string, string>;

const DIPLOMATIC = /^(ambassador|permanent representative)\b/i;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function roleOf(repo: OfficeholderRepo, row: Row, file: string): Role {
  const office = officeFor(repo, tidy(row.position ?? ''));
  const start = row.start ?? '';
  const end = row.end ?? '';
  // The person's Wikidata URL and the licence are on the entity's sources; the row is person + start.
  const source: Source = {
    dataset: `${OFFICEHOLDERS.label}/${repo.folder} ${file}`,
    record: `${row.personID} ${start || tidy(row.position ?? '')}`,
  };
  const precise = (!start || ISO_DAY.test(start)) && (!end || ISO_DAY.test(end));
  if (!precise) {
    const period = `${start || '?'}–${end || (start ? '' : '?')}`;
    return { title: `${office.title} (${period})`, office: office.key, country: repo.country, source };
  }
  return {
    title: office.title,
    office: office.key,
    country: repo.country,
    from: start || undefined,
    to: end || undefined,
    asOf: end ? undefined : repo.snapshot,
    source,
  };
}

function describe(role: Role): string {
  if (role.from && role.to) return `${role.title}, ${role.from} to ${role.to}`;
  if (role.from) return `${role.title} from ${role.from} (records to ${role.asOf ?? 'date unknown'})`;
  return role.title;
}

/** The role a short description should mention: the latest-starting dated one, office-keyed ones first. */
function latestRole(roles: readonly Role[]): Role | undefined {
  const dated = roles.filter((r) => r.from);
  const keyed = dated.filter((r) => r.office);
  const pool = keyed.length > 0 ? keyed : dated.length > 0 ? dated : roles;
  return [...pool].sort(
    (a, b) => (b.from ?? '').localeCompare(a.from ?? '') || a.title.localeCompare(b.title),
  )[0];
}

/** `datasetsDir` is the folder laid out like ../shared/datasets. */
export function readOfficeholders(datasetsDir: string): ReaderResult {
  const file = 'holders21.csv';
  const byPerson = new Map<string, { name: string; repo: OfficeholderRepo; rows: Row[] }[]>();
  const givenNames: string[] = [];
  for (const repo of OFFICEHOLDER_REPOS) {
    const rows = parse(readFileSync(join(datasetsDir, 'wikidata-officeholders-2022', repo.folder, file)), {
      columns: true,
      skip_empty_lines: true,
    }) as Row[];
    for (const row of rows) {
      const qid = row.personID ?? '';
      if (!isQid(qid) || !row.person) continue;
      const list = byPerson.get(qid) ?? [];
      let entry = list.find((e) => e.repo === repo);
      if (!entry) {
        entry = { name: tidy(row.person), repo, rows: [] };
        list.push(entry);
      }
      entry.rows.push(row);
      byPerson.set(qid, list);
      const given = givenNameOf(row.person);
      if (given) givenNames.push(given);
    }
  }

  const fragments: Fragment[] = [];
  for (const [qid, entries] of [...byPerson.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    for (const { name, repo, rows } of entries) {
      const roles = rows.map((r) => roleOf(repo, r, file));
      // People known only as ambassadors (about 1,600) are rarely in the news and would add a third to the
      // pack's size; their postings are kept when they also held another office.
      if (roles.every((r) => DIPLOMATIC.test(r.title))) continue;
      const latest = latestRole(roles);
      // Join keys for US presidents and vice presidents, whom executive.yaml mostly lists without a Q-id.
      const joins = roles
        .filter((r) => (r.office === 'us:president' || r.office === 'us:vice-president') && r.from)
        .map((r) => `join:${r.office}:${r.from}`);
      fragments.push({
        ids: [qid, ...joins],
        kind: 'person',
        name,
        namePriority: 2,
        aliases: deriveAliases(name),
        roles,
        description: latest ? describe(latest) : undefined,
        descriptionPriority: 0,
        country: repo.country,
        externalIds: { wikidata: qid },
        sources: [
          {
            url: wikidataUrl(qid),
            dataset: `${OFFICEHOLDERS.label}/${repo.folder} ${file}`,
            record: qid,
            licence: OFFICEHOLDERS.licence,
          },
        ],
      });
    }
  }
  return { fragments, givenNames };
}

/** The six jurisdictions (countries) the snapshots cover, as place entities, from each repo's meta.json. */
export function readJurisdictions(datasetsDir: string): Fragment[] {
  return OFFICEHOLDER_REPOS.map((repo) => {
    const meta = JSON.parse(
      readFileSync(join(datasetsDir, 'wikidata-officeholders-2022', repo.folder, 'meta.json'), 'utf8'),
    ) as { jurisdiction: { name: string; id: string } };
    const { id, name } = meta.jurisdiction;
    if (!isQid(id)) throw new Error(`${repo.folder}/meta.json: jurisdiction without a Q-id`);
    const clean = tidy(name.replace(/^the\s+/i, ''));
    return {
      ids: [id],
      kind: 'place' as const,
      name: clean,
      namePriority: 2,
      aliases: [clean],
      roles: [],
      description: 'Country',
      descriptionPriority: 1,
      country: repo.country,
      externalIds: { wikidata: id },
      sources: [
        {
          url: wikidataUrl(id),
          dataset: `${OFFICEHOLDERS.label}/${repo.folder} meta.json`,
          record: id,
          licence: OFFICEHOLDERS.licence,
        },
      ],
    };
  });
}
