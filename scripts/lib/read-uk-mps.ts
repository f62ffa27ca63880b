/**
 * Reader for the 650 sitting UK MPs (mp_lookup.csv, membership as of 2026-06-27) joined to the House of
 * Commons Library's 2024 general election results (given and family names, election date) and to the 2017
 * Popolo file for Wikidata Q-ids. Ministerial posts are not in this data: see packs/curated/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Role, Source } from '../../core/model';
import { UK_MPS, wikidataUrl } from './datasets';
import type { Fragment, ReaderResult } from './fragment';
import { deriveAliases, splitHonorific, tidy } from './names';
import type { PopoloMp } from './read-popolo';

type Row = Record<string, string>;

const LOOKUP = 'mp_lookup.csv';
const RESULTS = 'candidate-level-results-general-election-04-07-2024.csv';

/** Comparison key for names and constituencies: case, accents, punctuation and "St."/"&" folded. */
export function joinKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bst\./g, 'st')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function readCsv(path: string): Row[] {
  return parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
}

/**
 * The Q-id of a sitting MP from the 2017 Popolo file. First by name and constituency; then by name alone
 * when the name is unique in both lists and the Commons Library marks the 2024 candidate as a sitting or
 * former MP (so a namesake newcomer is never joined). Returns the method too, for the record.
 */
function popoloJoin(
  names: readonly string[],
  constituency: string,
  wasMp: boolean,
  popolo: readonly PopoloMp[],
  nameCounts: ReadonlyMap<string, number>,
): { qid: string; how: string } | null {
  const keys = new Set(names.map(joinKey));
  const byName = popolo.filter((p) => p.names.some((n) => keys.has(joinKey(n))));
  const byBoth = byName.filter((p) => p.constituencies.some((c) => joinKey(c) === joinKey(constituency)));
  if (byBoth.length === 1 && byBoth[0]) return { qid: byBoth[0].qid, how: 'name and constituency' };
  const unique = [...keys].every((k) => (nameCounts.get(k) ?? 0) <= 1);
  if (wasMp && unique && byName.length === 1 && byName[0])
    return { qid: byName[0].qid, how: 'unique name, MP before 2024' };
  return null;
}

/** `datasetsDir` is the folder laid out like ../shared/datasets. */
export function readUkMps(
  datasetsDir: string,
  popolo: readonly PopoloMp[],
): ReaderResult & { joined: number } {
  const dir = join(datasetsDir, 'uk-mps-2024');
  const mps = readCsv(join(dir, LOOKUP));
  const results = readCsv(join(dir, RESULTS));
  const winners = new Map<string, Row>();
  for (const r of results) {
    if (r['Candidate result position'] === '1' && r['Candidate MNIS ID'])
      winners.set(r['Candidate MNIS ID'], r);
  }

  // How many sitting MPs share each name key, so a name-only join is never made on a shared name.
  const nameCounts = new Map<string, number>();
  for (const mp of mps) {
    const k = joinKey(splitHonorific(mp.display_as ?? '').bare);
    nameCounts.set(k, (nameCounts.get(k) ?? 0) + 1);
  }

  let joined = 0;
  const fragments: Fragment[] = mps.map((mp) => {
    const memberId = mp.member_id ?? '';
    const displayAs = tidy(mp.display_as ?? '');
    const constituency = tidy(mp.pcon_name ?? '');
    const party = tidy(mp.party_text ?? '');
    const won = winners.get(memberId);
    const electedIn2024 =
      won !== undefined && joinKey(won['Constituency name'] ?? '') === joinKey(constituency);
    const candidateName = won ? tidy(`${won['Candidate given name']} ${won['Candidate family name']}`) : null;
    const bare = splitHonorific(displayAs).bare;
    const wasMp = won?.['Candidate is sitting MP'] === 'true' || won?.['Candidate is former MP'] === 'true';
    const join2017 = popoloJoin(
      [bare, ...(candidateName ? [candidateName] : [])],
      constituency,
      wasMp,
      popolo,
      nameCounts,
    );
    if (join2017) joined++;

    const source: Source = {
      url: won?.['Candidate Member URL'] || `https://members.parliament.uk/member/${memberId}`,
      dataset: `${UK_MPS.label} ${LOOKUP}`,
      record: `member_id ${memberId}`,
      licence: UK_MPS.licence,
    };
    // Sitting as of the snapshot. The start is the 2024 election only when this member won this seat then
    // (a by-election winner's start date is not in the data).
    const role: Role = {
      title: `Member of Parliament for ${constituency}`,
      country: 'gb',
      from: electedIn2024 ? won?.['Election polling date'] : undefined,
      asOf: UK_MPS.snapshot,
      source,
    };
    const ids = [`uk-parliament:${memberId}`, ...(join2017 ? [join2017.qid] : [])];
    const sources: Source[] = [source];
    if (join2017)
      sources.push({
        url: wikidataUrl(join2017.qid),
        dataset: `everypolitician/proto-commons-united-kingdom (joined by ${join2017.how})`,
        record: join2017.qid,
      });
    return {
      ids,
      kind: 'person',
      name: bare,
      namePriority: 1,
      aliases: [displayAs, ...(candidateName ? [candidateName] : [])].flatMap(deriveAliases),
      roles: [role],
      description: `Member of Parliament for ${constituency} (${party})`,
      descriptionPriority: 3,
      party,
      country: 'gb',
      externalIds: { ukParliament: memberId, ...(join2017 ? { wikidata: join2017.qid } : {}) },
      sources,
    };
  });

  const givenNames = results.map((r) => (r['Candidate given name'] ?? '').trim().split(/\s+/)[0] ?? '');
  return { fragments, givenNames, joined };
}
