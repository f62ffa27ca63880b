/**
 * The Backstory database: one Dexie subclass, one shared instance, append-only schema versions.
 * It lives in the extension origin (background and extension pages); content scripts reach it only
 * through the message protocol, because a content script's IndexedDB belongs to the page's origin.
 *
 * Since version 3 every record row is keyed by `[packId+id]`, where `packId` is an *install key*
 * (`starter@2026.06.27-31282cf7`): two versions of one pack can then sit side by side while the new one is
 * staged, and the `packs` table says which install of each pack is visible. See pack-install.ts.
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { Entity, ReferenceFigure, Statement } from '../core/model';
import type { CapturedQuote } from '../core/user-data/captured-quote';

/** An entity as stored: the pack record plus the keys of the multi-entry indexes. */
export interface EntityRow extends Entity {
  /** The install key of the pack install that holds the row (the pack id for rows from before v3). */
  packId: string;
  /** Normalised aliases (multi-entry index), see `normaliseName`. */
  aliasKeys: string[];
  /** Office keys of all roles (multi-entry index), for resolving role phrases such as "the Prime Minister". */
  offices: string[];
}

export interface StatementRow extends Statement {
  packId: string;
}

export interface FigureRow extends ReferenceFigure {
  packId: string;
}

/** The primary key of a record row: `[installKey, recordId]`. */
export type RowKey = [string, string];

/** One row per installed pack: its metadata, its counts, and the install key whose rows are visible. */
export interface PackRow {
  id: string;
  title: string;
  version: string;
  created: string;
  installedAt: string;
  entities: number;
  statements: number;
  /** Reference figures in the pack (absent for packs installed before schema version 2). */
  figures?: number;
  /** Records the pack withdrew at import (absent for packs installed before schema version 2). */
  tombstones?: number;
  /** Alias index entries of the pack's entities, counted at activation (set by the v3 upgrade too). */
  aliases?: number;
  /** The active install key (set by the v3 upgrade: the pack id, which is what older rows carry). */
  installKey?: string;
  sources: { name: string; licence: string; url?: string; attribution?: string }[];
}

/**
 * The journal of install keys that may own rows. A record is written before the first row of a stage and
 * deleted after its last row, so garbage collection finds every install key here without scanning rows.
 */
export interface InstallRow {
  key: string;
  packId: string;
  version: string;
  startedAt: string;
}

/**
 * A personal note on an entity (schema version 4). Keyed by the entity id alone, never by a pack install,
 * so a pack update, a full replacement or a sync leaves it in place.
 */
export interface NoteRow {
  entityId: string;
  text: string;
  /** ISO times. */
  createdAt: string;
  updatedAt: string;
}

/** A quote captured from an article the user read (schema version 4). */
export type CapturedQuoteRow = CapturedQuote;

export const DB_NAME = 'backstory';

export class BackstoryDB extends Dexie {
  packs!: EntityTable<PackRow, 'id'>;
  installs!: EntityTable<InstallRow, 'key'>;
  entityRows!: Table<EntityRow, RowKey>;
  statementRows!: Table<StatementRow, RowKey>;
  figureRows!: Table<FigureRow, RowKey>;
  notes!: EntityTable<NoteRow, 'entityId'>;
  capturedQuotes!: EntityTable<CapturedQuoteRow, 'id'>;

  constructor(name: string = DB_NAME) {
    // Relaxed durability: a commit returns once the OS has the data, not once it is flushed to disk. Large
    // imports run ~10% faster; a power cut can lose the last transactions, never leave a torn one.
    super(name, { chromeTransactionDurability: 'relaxed' });
    // Versions are append-only: never edit a released version, add a new one with an upgrade and a test.
    this.version(1).stores({
      entities: 'id, kind, packId, *aliasKeys, *offices',
      statements: 'id, speakerId, date, packId',
      packs: 'id',
    });
    // v2: reference figures (pack format 2). A new table only, so existing rows need no upgrade.
    this.version(2).stores({
      figures: 'id, subjectId, packId',
    });
    // v3: rows keyed by [install key + id] so a pack's next version can be staged beside the active one.
    // IndexedDB cannot change a store's primary key, so the rows move to new stores (the old ones are
    // dropped after the upgrade copied them). Only the indexes lookups use are kept: a pack import writes
    // every index entry, and `kind`, `date` and the separate `packId` index were never queried (the
    // primary key's first part serves for install-key ranges).
    this.version(3)
      .stores({
        entities: null,
        statements: null,
        figures: null,
        entityRows: '[packId+id], *aliasKeys, *offices',
        statementRows: '[packId+id], speakerId',
        figureRows: '[packId+id], subjectId',
        installs: 'key, packId',
      })
      .upgrade(moveRowsToInstallKeyedStores);
    // v4: the user's own data, in tables sync and pack imports never write: notes and captured quotes.
    // New tables only, so existing rows need no upgrade.
    this.version(4).stores({
      notes: 'entityId',
      capturedQuotes: 'id, speakerId, url',
    });
  }
}

/**
 * The v3 upgrade: copies v2 rows into the install-keyed stores unchanged (their `packId`, the pack id,
 * becomes their install key) and records that key as the active install of each pack, with its alias
 * count, so every record stays visible. Before v3 only the bundled starter pack was ever imported, so this
 * copies a few thousand rows.
 */
async function moveRowsToInstallKeyedStores(tx: Transaction): Promise<void> {
  const aliases = new Map<string, number>();
  const entities = (await tx.table('entities').toArray()) as EntityRow[];
  for (const row of entities) aliases.set(row.packId, (aliases.get(row.packId) ?? 0) + row.aliasKeys.length);
  await tx.table('entityRows').bulkPut(entities);
  await tx.table('statementRows').bulkPut(await tx.table('statements').toArray());
  await tx.table('figureRows').bulkPut(await tx.table('figures').toArray());
  const packs = (await tx.table('packs').toArray()) as PackRow[];
  for (const pack of packs) {
    await tx.table('packs').put({ ...pack, installKey: pack.id, aliases: aliases.get(pack.id) ?? 0 });
    const install: InstallRow = {
      key: pack.id,
      packId: pack.id,
      version: pack.version,
      startedAt: pack.installedAt ?? pack.created,
    };
    await tx.table('installs').put(install);
  }
}

let shared: BackstoryDB | undefined;

/** The one database instance of this extension context. */
export function getDb(): BackstoryDB {
  shared ??= new BackstoryDB();
  return shared;
}
