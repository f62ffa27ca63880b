/**
 * Opening the database, and what happens when it cannot be opened or written.
 *
 * A schema upgrade runs in IndexedDB's `versionchange` transaction. When it throws, Dexie aborts that
 * transaction, so the database stays at the old version with every record as it was; the new code then
 * cannot use it (its tables are declared for the new version). Rather than answer nothing, the background
 * opens the old version *without a schema* (Dexie's dynamic mode) and reads from it, and reports the error
 * so the popup can say what happened. Nothing is written to that fallback: imports and user-data writes
 * fail until an upgrade succeeds (the next service-worker start tries again).
 *
 * Writes refused for lack of space are reported the same way, by a DBCore middleware that sees every
 * request and transaction of the database, whoever made them (pack imports, notes, captured quotes).
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTransaction } from 'dexie';
import type { DbStatus, StorageErrorReport } from '../messaging/protocol';
import type { BackstoryDB } from './db';
import { readDbStatus } from './status';
import { isQuotaError, reportStorageError } from './storage-errors';

/** The database's state after the open attempt, and the last storage error. */
export interface DbHealth {
  /** True once the database opened at this code's schema version; false when it fell back or failed. */
  readonly opened: Promise<boolean>;
  /**
   * The database lookups and the status read: the schema'd one when it opened, else the version on disk
   * opened without a schema. Rejects with a plain "database unavailable" error when neither opens.
   */
  reader(): Promise<BackstoryDB>;
  /**
   * Runs `use` on the reader. On the old version a read may need a table only the new schema has; that
   * failure is reported as "database unavailable" with the upgrade's error, not as a missing table.
   */
  read<T>(use: (db: BackstoryDB) => Promise<T>): Promise<T>;
  /** The last storage error, or null. A quota error clears once a later write commits. */
  error(): StorageErrorReport | null;
}

/** Tables a lookup and the status read. A fallback without them (a database older than v3) cannot answer. */
const READ_TABLES = ['packs', 'entityRows', 'statementRows', 'figureRows'] as const;

/**
 * Opens `db` and watches it for storage errors. Call it before anything else uses `db`: the watch is a
 * middleware, and Dexie builds its middleware stack when the database opens.
 */
export function openDatabase(db: BackstoryDB, now: () => Date = () => new Date()): DbHealth {
  let error: StorageErrorReport | null = null;
  watchStorageErrors(db, {
    refused: (cause) => {
      error = reportStorageError('quota', cause, now());
    },
    written: () => {
      if (error?.kind === 'quota') error = null;
    },
  });
  // The version this code declares; read before open, which leaves it as is on failure.
  const target = db.verno;
  const opened: Promise<BackstoryDB | null> = db.open().then(
    () => db,
    async (cause: unknown) => {
      const old = await openWithoutSchema(db.name).catch(() => null);
      // The database is still there at an older version: the upgrade is what failed.
      error = reportStorageError(old && old.verno < target ? 'upgrade' : 'open', cause, now());
      return old && asReader(old);
    },
  );
  const unavailable = () =>
    new Error(`Backstory's database is unavailable: ${error?.message ?? 'it could not be opened'}`);
  const reader = async () => {
    const found = await opened;
    if (found) return found;
    throw unavailable();
  };
  return {
    opened: opened.then((found) => found === db),
    reader,
    async read(use) {
      const found = await reader();
      if (found === db) return use(db);
      try {
        return await use(found);
      } catch (cause) {
        console.error('[backstory] a read from the old database version failed', cause);
        throw unavailable();
      }
    },
    error: () => error,
  };
}

/** The status the popup shows: what the database holds (the old version's packs after a failed upgrade) and the last error. */
export async function readHealthStatus(health: DbHealth): Promise<DbStatus> {
  try {
    const status = await readDbStatus(await health.reader());
    return { ...status, error: health.error() };
  } catch (cause) {
    return {
      packs: [],
      entities: 0,
      statements: 0,
      aliases: 0,
      lastUpdated: null,
      error: health.error() ?? reportStorageError('open', cause),
    };
  }
}

/** Opens whatever version of the database is on disk, with the tables it has (Dexie's dynamic mode). */
export async function openWithoutSchema(name: string): Promise<Dexie> {
  const db = new Dexie(name);
  await db.open();
  return db;
}

/**
 * The old version as a reader for the lookup code, or null when it lacks a table the lookups read. In
 * dynamic mode Dexie reaches tables only through `table(name)`, so each becomes a property as on the
 * subclass. The cast is safe for those tables, which keep their shape from v3 on; code reading a table
 * the old version lacks fails, and the lookup is answered as "database unavailable".
 */
function asReader(old: Dexie): BackstoryDB | null {
  const names = new Set(old.tables.map((t) => t.name));
  if (!READ_TABLES.every((name) => names.has(name))) {
    old.close();
    return null;
  }
  for (const table of old.tables) Object.defineProperty(old, table.name, { value: table, enumerable: true });
  return old as unknown as BackstoryDB;
}

interface WatchCallbacks {
  /** A write was refused for lack of space. */
  refused(cause: unknown): void;
  /** A transaction that put or added rows committed. */
  written(): void;
}

/** An IndexedDB transaction as the lowest DBCore hands it up (Dexie's type hides it). */
type WatchedTransaction = DBCoreTransaction & EventTarget & { error?: unknown };

function isEventTarget(tx: DBCoreTransaction): tx is WatchedTransaction {
  return typeof (tx as Partial<EventTarget>).addEventListener === 'function';
}

/**
 * Reports quota errors however they surface: a failed request (the mutate promise rejects), a failure in
 * a bulk write (the response lists it), or a transaction aborted at commit (Chrome checks quota there).
 */
function watchStorageErrors(db: Dexie, on: WatchCallbacks): void {
  const writers = new WeakSet<DBCoreTransaction>();
  const refusedIfQuota = (cause: unknown) => {
    if (isQuotaError(cause)) on.refused(cause);
  };
  db.use({
    stack: 'dbcore',
    name: 'storage-error-watch',
    // Above Dexie's own middlewares (levels -1 to 2) and the default level 10: it sees what they pass up.
    level: 20,
    create: (down: DBCore): Partial<DBCore> => ({
      transaction(stores, mode, options) {
        const tx = down.transaction(stores, mode, options);
        if (mode === 'readwrite' && isEventTarget(tx)) {
          tx.addEventListener('abort', () => refusedIfQuota(tx.error));
          tx.addEventListener('complete', () => writers.has(tx) && on.written());
        }
        return tx;
      },
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest) {
            try {
              const res = await table.mutate(req);
              if (res.numFailures > 0) refusedIfQuota({ failures: Object.values(res.failures) });
              else if (req.type === 'put' || req.type === 'add') writers.add(req.trans);
              return res;
            } catch (cause) {
              refusedIfQuota(cause);
              throw cause;
            }
          },
        };
      },
    }),
  });
}
