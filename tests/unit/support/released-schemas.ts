/**
 * Dexie schema versions 1 to 3 exactly as they were released: the migration tests open a database at one
 * of them, fill it, and upgrade it with the current BackstoryDB. Frozen here, never imported from
 * storage/db.ts, so an edit to a released version there shows up as a failing upgrade test.
 */
import Dexie from 'dexie';

type Released = 1 | 2 | 3;

/** A Dexie on database `name` that declares the released versions up to `version`, and no later one. */
export function openReleased(name: string, version: Released): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    entities: 'id, kind, packId, *aliasKeys, *offices',
    statements: 'id, speakerId, date, packId',
    packs: 'id',
  });
  if (version >= 2) db.version(2).stores({ figures: 'id, subjectId, packId' });
  if (version >= 3)
    db.version(3).stores({
      entities: null,
      statements: null,
      figures: null,
      entityRows: '[packId+id], *aliasKeys, *offices',
      statementRows: '[packId+id], speakerId',
      figureRows: '[packId+id], subjectId',
      installs: 'key, packId',
    });
  return db;
}
