/** The answer to a page's `lookup` message: aliases, office holders and given names, for one page pass. */
import type { LookupRequest, LookupResponse } from '../../messaging/protocol';
import type { BackstoryDB } from '../../storage/db';
import { lookupKeys, lookupOfficeHolders } from '../../storage/lookup';
import { withUserData } from '../../storage/user-data';
import { loadGivenNames } from './starter-pack';

export async function answerLookup(db: BackstoryDB, request: LookupRequest): Promise<LookupResponse> {
  const { keys, givenNameCandidates, articleDate, offices } = request;
  const date = articleDate ?? new Date().toISOString().slice(0, 10);
  const [found, holders, names] = await Promise.all([
    lookupKeys(db, keys, date),
    lookupOfficeHolders(db, offices, date),
    loadGivenNames(),
  ]);
  return {
    matches: found.matches,
    // The user's notes and captured quotes join the pack records after the pack lookup.
    entities: await withUserData(db, { ...holders.entities, ...found.entities }, request.pageUrl),
    officeHolders: holders.officeHolders,
    givenNames: givenNameCandidates.filter((n) => names.has(n)),
  };
}
