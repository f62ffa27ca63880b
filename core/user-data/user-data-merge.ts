/**
 * How an imported user-data file joins what is already stored: by key, never by wiping. Pure, so the
 * rules are tested without a database.
 */
import type { UserDataNote, UserDataQuote } from './user-data-format';

/**
 * The imported notes to write: those on entities without a note here, and those edited later than the
 * note here. A note edited on this device since the export is kept.
 */
export function notesToWrite(
  existing: ReadonlyMap<string, { updatedAt: string }>,
  incoming: readonly UserDataNote[],
): UserDataNote[] {
  const newest = new Map<string, UserDataNote>();
  for (const note of incoming) {
    const seen = newest.get(note.entityId);
    if (!seen || note.updatedAt > seen.updatedAt) newest.set(note.entityId, note);
  }
  return [...newest.values()].filter((note) => {
    const here = existing.get(note.entityId);
    return !here || note.updatedAt > here.updatedAt;
  });
}

/** The imported quotes not stored yet; a quote's id says what it is, so a stored one is already the same quote. */
export function quotesToWrite(
  existing: ReadonlySet<string>,
  incoming: readonly UserDataQuote[],
): UserDataQuote[] {
  const out = new Map<string, UserDataQuote>();
  for (const quote of incoming) if (!existing.has(quote.id)) out.set(quote.id, quote);
  return [...out.values()];
}

/** Sync sources by URL: the ones here stay as they are, the file's others are added after them. */
export function mergeByUrl<T extends { url: string }>(here: readonly T[], incoming: readonly T[]): T[] {
  const known = new Set(here.map((s) => s.url));
  const added = incoming.filter((s) => {
    if (known.has(s.url)) return false;
    known.add(s.url);
    return true;
  });
  return [...here, ...added];
}
