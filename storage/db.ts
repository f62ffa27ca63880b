/**
 * The Backstory database: one Dexie subclass, one shared instance, append-only schema versions.
 * It lives in the extension origin (background and extension pages); content scripts reach it only
 * through the message protocol, because a content script's IndexedDB belongs to the page's origin.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Entity, ReferenceFigure, Statement } from '../core/model';

/** An entity as stored: the pack record plus the keys of the multi-entry indexes. */
export interface EntityRow extends Entity {
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
  sources: { name: string; licence: string; url?: string; attribution?: string }[];
}

export const DB_NAME = 'backstory';

export class BackstoryDB extends Dexie {
  entities!: EntityTable<EntityRow, 'id'>;
  statements!: EntityTable<StatementRow, 'id'>;
  packs!: EntityTable<PackRow, 'id'>;
  figures!: EntityTable<FigureRow, 'id'>;

  constructor(name: string = DB_NAME) {
    super(name);
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
  }
}

let shared: BackstoryDB | undefined;

/** The one database instance of this extension context. */
export function getDb(): BackstoryDB {
  shared ??= new BackstoryDB();
  return shared;
}
