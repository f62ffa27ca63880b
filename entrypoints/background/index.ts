/**
 * Background service worker: owns the database, loads the starter pack, answers lookups.
 */
import { handleMessages } from '../../messaging/channel';
import type { BackgroundProtocol } from '../../messaging/protocol';
import { getDb } from '../../storage/db';
import { lookupKeys, lookupOfficeHolders } from '../../storage/lookup';
import { readDbStatus } from '../../storage/status';
import { ensureStarterPack, loadGivenNames } from './starter-pack';

export default defineBackground(() => {
  const db = getDb();
  // Every lookup waits for the starter pack, so the first page after install is not answered from an empty DB.
  const ready = ensureStarterPack(db).catch((error: unknown) => {
    console.error('[backstory] starter pack failed to load', error);
  });
  // Ask the browser not to evict the database under storage pressure.
  void navigator.storage?.persist?.().catch(() => undefined);

  handleMessages<BackgroundProtocol>({
    async lookup({ keys, givenNameCandidates, articleDate, offices }) {
      await ready;
      const date = articleDate ?? new Date().toISOString().slice(0, 10);
      const [found, holders, names] = await Promise.all([
        lookupKeys(db, keys, date),
        lookupOfficeHolders(db, offices, date),
        loadGivenNames(),
      ]);
      return {
        matches: found.matches,
        entities: { ...holders.entities, ...found.entities },
        officeHolders: holders.officeHolders,
        givenNames: givenNameCandidates.filter((n) => names.has(n)),
      };
    },
    async dbStatus() {
      await ready;
      return readDbStatus(db);
    },
  });
});
