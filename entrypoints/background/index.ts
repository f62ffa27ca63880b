/**
 * Background service worker: owns the database, imports packs (the bundled starter pack first), answers
 * lookups and reports the database's status.
 */
import { handleMessages } from '../../messaging/channel';
import type { BackgroundProtocol } from '../../messaging/protocol';
import { getDb } from '../../storage/db';
import { openDatabase, readHealthStatus } from '../../storage/db-open';
import { installBenchHook } from './bench-hook';
import { ImportQueue } from './import-queue';
import { answerLookup } from './lookup-handler';
import { ensureStarterPack, hasStarterPack } from './starter-pack';
import { startSync } from './sync';
import { userDataHandlers } from './user-data';

export default defineBackground(() => {
  const db = getDb();
  // Opened first, so its storage-error watch sees every write. When the schema upgrade fails, lookups and
  // the status read the old version (kept intact by the aborted upgrade) and the popup shows the error.
  const health = openDatabase(db);
  const imports = new ImportQueue(db);
  const fail = (what: string) => (error: unknown) => console.error(`[backstory] ${what} failed`, error);
  // A worker killed mid-import left invisible rows under an install key nothing points at: collect them,
  // then import the starter pack if this version of it is not installed yet.
  const starter = imports
    .collectGarbage()
    .catch(fail('collecting unused installs'))
    .then(() => ensureStarterPack(db, imports))
    .catch(fail('loading the starter pack'));
  // Lookups wait only on first install, so the first page is not answered from an empty database; an
  // update of the starter pack is staged out of sight while the old version keeps answering.
  const ready = hasStarterPack(db)
    .then((installed) => (installed ? undefined : starter))
    .catch(fail('opening the database'));
  // Ask the browser not to evict the database under storage pressure.
  void navigator.storage?.persist?.().catch(() => undefined);

  handleMessages<BackgroundProtocol>({
    ...userDataHandlers(db),
    ...startSync(db, imports, starter),
    async lookup(request) {
      await ready;
      return health.read((reader) => answerLookup(reader, request));
    },
    async dbStatus() {
      const [status, persisted] = await Promise.all([
        readHealthStatus(health),
        navigator.storage?.persisted?.().catch(() => undefined),
      ]);
      return { ...status, importing: imports.progress(), persisted };
    },
  });

  if (__BACKSTORY_BENCH__) installBenchHook(db, imports);
});
