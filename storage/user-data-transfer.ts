/**
 * Export and import of the user's data: notes and captured quotes from the database, settings from
 * `browser.storage.local`. Import validates the whole file first and then merges by key, so an invalid
 * file changes nothing and a valid one never removes what is here.
 */
import { capturedQuoteId } from '../core/user-data/captured-quote';
import {
  parseUserDataFile,
  USER_DATA_FORMAT,
  USER_DATA_VERSION,
  type UserDataFile,
  type UserDataImportResult,
  type UserDataSettings,
} from '../core/user-data/user-data-format';
import { mergeByUrl, notesToWrite, quotesToWrite } from '../core/user-data/user-data-merge';
import { captureEnabledItem } from '../settings/capture-settings';
import {
  markKindsItem,
  normaliseKinds,
  pausedSitesItem,
  readMarkKinds,
  readTheme,
  themeItem,
} from '../settings/reader-settings';
import { syncSettingsItem, syncSourcesItem } from '../settings/sync-sources';
import type { BackstoryDB } from './db';

async function readSettings(): Promise<UserDataSettings> {
  const [syncSources, syncSettings, captureEnabled, readerPausedSites, readerMarkKinds, readerTheme] =
    await Promise.all([
      syncSourcesItem.getValue(),
      syncSettingsItem.getValue(),
      captureEnabledItem.getValue(),
      pausedSitesItem.getValue(),
      readMarkKinds(),
      readTheme(),
    ]);
  return { syncSources, syncSettings, captureEnabled, readerPausedSites, readerMarkKinds, readerTheme };
}

export async function exportUserData(db: BackstoryDB, now: Date = new Date()): Promise<UserDataFile> {
  const [notes, capturedQuotes] = await db.transaction('r', [db.notes, db.capturedQuotes], () =>
    Promise.all([db.notes.toArray(), db.capturedQuotes.toArray()]),
  );
  return {
    format: USER_DATA_FORMAT,
    version: USER_DATA_VERSION,
    exportedAt: now.toISOString(),
    notes,
    capturedQuotes,
    settings: await readSettings(),
  };
}

/**
 * Writes the file's settings that it has. Sources merge by URL and paused sites by host (a union: an
 * import never resumes a site paused here); the other settings take the file's value.
 * An import cannot ask for host permissions (it runs in the background, outside a user gesture): a source
 * new to this browser fails its checks with an error until the user adds it again on the options page,
 * which asks for its host.
 */
async function writeSettings(settings: UserDataSettings): Promise<string[]> {
  const written: string[] = [];
  if (settings.syncSources) {
    await syncSourcesItem.setValue(mergeByUrl(await syncSourcesItem.getValue(), settings.syncSources));
    written.push('syncSources');
  }
  if (settings.syncSettings) {
    await syncSettingsItem.setValue(settings.syncSettings);
    written.push('syncSettings');
  }
  if (settings.captureEnabled !== undefined) {
    await captureEnabledItem.setValue(settings.captureEnabled);
    written.push('captureEnabled');
  }
  if (settings.readerPausedSites) {
    const sites = new Set([...(await pausedSitesItem.getValue()), ...settings.readerPausedSites]);
    await pausedSitesItem.setValue([...sites].sort());
    written.push('readerPausedSites');
  }
  if (settings.readerMarkKinds) {
    await markKindsItem.setValue(normaliseKinds(settings.readerMarkKinds));
    written.push('readerMarkKinds');
  }
  if (settings.readerTheme) {
    await themeItem.setValue(settings.readerTheme);
    written.push('readerTheme');
  }
  return written;
}

export async function importUserData(db: BackstoryDB, input: unknown): Promise<UserDataImportResult> {
  const parsed = parseUserDataFile(input);
  if (!parsed.ok) return parsed;
  const { file } = parsed;
  // A quote's id is derived from its speaker, text and URL: recomputed here, so a file cannot smuggle in
  // a second copy of a quote under another id.
  const quotes = await Promise.all(
    file.capturedQuotes.map(async (q) => ({ ...q, id: await capturedQuoteId(q.speakerId, q.text, q.url) })),
  );
  const [notes, newQuotes] = await db.transaction('rw', [db.notes, db.capturedQuotes], async () => {
    const here = await db.notes.bulkGet(file.notes.map((n) => n.entityId));
    const existing = new Map(here.flatMap((n) => (n ? [[n.entityId, n] as const] : [])));
    const noteRows = notesToWrite(existing, file.notes);
    const stored = await db.capturedQuotes.bulkGet(quotes.map((q) => q.id));
    const quoteRows = quotesToWrite(new Set(stored.flatMap((q) => (q ? [q.id] : []))), quotes);
    await db.notes.bulkPut(noteRows);
    await db.capturedQuotes.bulkPut(quoteRows);
    return [noteRows.length, quoteRows.length];
  });
  const settings = await writeSettings(file.settings);
  return { ok: true, notes, capturedQuotes: newQuotes, settings };
}
