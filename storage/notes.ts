/**
 * The user's notes, one per entity. Keyed by the entity id alone, so a note outlives every pack update,
 * replacement and sync (none of them writes this table).
 */
import type { BackstoryDB, NoteRow } from './db';

/** The longest note kept; a note is a few lines, and the card shows all of it. */
export const MAX_NOTE_LENGTH = 5000;

/**
 * Saves the note on an entity, keeping when it was first written. Blank text deletes the note instead,
 * so an emptied field leaves nothing behind. Returns the row stored, or null when it was deleted.
 */
export async function saveNote(
  db: BackstoryDB,
  entityId: string,
  text: string,
  now: Date = new Date(),
): Promise<NoteRow | null> {
  const clean = text.trim().slice(0, MAX_NOTE_LENGTH);
  if (!clean) {
    await db.notes.delete(entityId);
    return null;
  }
  return db.transaction('rw', db.notes, async () => {
    const existing = await db.notes.get(entityId);
    const at = now.toISOString();
    const row: NoteRow = { entityId, text: clean, createdAt: existing?.createdAt ?? at, updatedAt: at };
    await db.notes.put(row);
    return row;
  });
}

export async function deleteNote(db: BackstoryDB, entityId: string): Promise<void> {
  await db.notes.delete(entityId);
}

/** The notes on the given entities, by entity id (entities without one are absent). */
export async function notesFor(db: BackstoryDB, entityIds: readonly string[]): Promise<Map<string, NoteRow>> {
  const rows = await db.notes.bulkGet([...entityIds]);
  const out = new Map<string, NoteRow>();
  for (const row of rows) if (row) out.set(row.entityId, row);
  return out;
}
