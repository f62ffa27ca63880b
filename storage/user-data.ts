/**
 * Joins the user's own data to a lookup's entities: each entity's note, and each speaker's quotes captured
 * from reading merged into their statements. Read from tables no pack import or sync writes, after the
 * pack lookup, so a pack replacement can never drop them.
 */
import { mergeReadingStatements } from '../core/user-data/captured-quote';
import type { EntityContext } from '../messaging/protocol';
import { readingStatementsBySpeaker } from './captured-quotes';
import type { BackstoryDB } from './db';
import { notesFor } from './notes';

export async function withUserData(
  db: BackstoryDB,
  entities: Record<string, EntityContext>,
  pageUrl?: string,
): Promise<Record<string, EntityContext>> {
  const ids = Object.keys(entities);
  // A database left at an older version by a failed upgrade has no user tables yet: answer from its packs.
  const hasUserTables = db.tables.some((table) => table.name === 'capturedQuotes');
  if (ids.length === 0 || !hasUserTables) return entities;
  const [notes, reading] = await db.transaction('r', [db.notes, db.capturedQuotes], () =>
    Promise.all([notesFor(db, ids), readingStatementsBySpeaker(db, ids, pageUrl)]),
  );
  const out: Record<string, EntityContext> = {};
  for (const [id, context] of Object.entries(entities)) {
    const note = notes.get(id);
    const quotes = reading.get(id);
    out[id] = {
      ...context,
      ...(quotes ? mergeReadingStatements(context.statements, context.statementCount, quotes) : {}),
      note: note ? { text: note.text, updatedAt: note.updatedAt } : null,
    };
  }
  return out;
}
