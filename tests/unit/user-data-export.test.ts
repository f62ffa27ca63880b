import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { captureEnabledItem } from '../../settings/capture-settings';
import {
  pausedSitesItem,
  readMarkKinds,
  setKindMarked,
  setSitePaused,
  themeItem,
} from '../../settings/reader-settings';
import { syncSettingsItem, syncSourcesItem } from '../../settings/sync-sources';
import { listCapturedQuotes, saveCapturedQuotes } from '../../storage/captured-quotes';
import { BackstoryDB } from '../../storage/db';
import { saveNote } from '../../storage/notes';
import { exportUserData, importUserData } from '../../storage/user-data-transfer';

const SOURCE_A = {
  url: 'https://packs.example.org/a/',
  enabled: true,
  publicKey: null,
  addedAt: '2026-01-01T00:00:00.000Z',
};
const SOURCE_B = { ...SOURCE_A, url: 'https://packs.example.org/b/', enabled: false };

const names: string[] = [];
async function openDb(): Promise<BackstoryDB> {
  const name = `user-data-${Math.random()}`;
  names.push(name);
  const db = new BackstoryDB(name);
  await db.open();
  return db;
}
beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** A database with one note, one captured quote and non-default settings. */
async function filled(): Promise<BackstoryDB> {
  const db = await openDb();
  await saveNote(db, 'Q6383803', 'A note.', new Date('2026-01-02T00:00:00Z'));
  await saveCapturedQuotes(db, {
    url: 'https://news.example.org/a',
    title: 'An article',
    publisher: 'Example News',
    articleDate: '2025-02-26',
    quotes: [{ speakerId: 'Q6383803', speakerName: 'Keir Starmer', text: 'Read words.' }],
  });
  await syncSourcesItem.setValue([SOURCE_A]);
  await syncSettingsItem.setValue({ checkIntervalMs: 3_600_000 });
  await captureEnabledItem.setValue(false);
  await setSitePaused('paused.example.org', true);
  await setKindMarked('place', false);
  await themeItem.setValue('dark');
  return db;
}

describe('user-data export and import', () => {
  it('exports notes, captured quotes and settings as one versioned file that survives JSON', async () => {
    const db = await filled();
    const file = await exportUserData(db, new Date('2026-02-01T00:00:00Z'));
    expect(file).toMatchObject({
      format: 'backstory-user-data',
      version: 1,
      exportedAt: '2026-02-01T00:00:00.000Z',
      notes: [{ entityId: 'Q6383803', text: 'A note.' }],
      capturedQuotes: [{ speakerId: 'Q6383803', text: 'Read words.', publisher: 'Example News' }],
      settings: {
        syncSources: [SOURCE_A],
        syncSettings: { checkIntervalMs: 3_600_000 },
        captureEnabled: false,
        readerPausedSites: ['paused.example.org'],
        readerMarkKinds: { person: true, organization: true, place: false, figure: true },
        readerTheme: 'dark',
      },
    });
    db.close();

    fakeBrowser.reset();
    const fresh = await openDb();
    const result = await importUserData(fresh, JSON.parse(JSON.stringify(file)));
    expect(result).toEqual({
      ok: true,
      notes: 1,
      capturedQuotes: 1,
      settings: [
        'syncSources',
        'syncSettings',
        'captureEnabled',
        'readerPausedSites',
        'readerMarkKinds',
        'readerTheme',
      ],
    });
    expect(await fresh.notes.toArray()).toEqual(file.notes);
    expect(await listCapturedQuotes(fresh)).toEqual(file.capturedQuotes);
    expect(await syncSourcesItem.getValue()).toEqual([SOURCE_A]);
    expect(await captureEnabledItem.getValue()).toBe(false);
    expect(await pausedSitesItem.getValue()).toEqual(['paused.example.org']);
    expect(await readMarkKinds()).toMatchObject({ place: false, person: true });
    expect(await themeItem.getValue()).toBe('dark');
    fresh.close();
  });

  it('merges by key: a later note wins, an earlier one does not, a known quote is not doubled', async () => {
    const db = await filled();
    const file = await exportUserData(db);
    await saveNote(db, 'Q6383803', 'Edited here since.', new Date('2026-03-01T00:00:00Z'));
    await syncSourcesItem.setValue([SOURCE_B]);
    const incoming = {
      ...file,
      notes: [
        ...file.notes,
        {
          entityId: 'Q7747',
          text: 'Another.',
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
        },
      ],
      // The same quote under a forged id is still the same quote.
      capturedQuotes: file.capturedQuotes.map((q) => ({ ...q, id: 'reading:forged' })),
    };
    expect(await importUserData(db, incoming)).toMatchObject({ ok: true, notes: 1, capturedQuotes: 0 });
    expect((await db.notes.get('Q6383803'))?.text).toBe('Edited here since.');
    expect((await db.notes.get('Q7747'))?.text).toBe('Another.');
    expect(await db.capturedQuotes.count()).toBe(1);
    expect((await syncSourcesItem.getValue()).map((s) => s.url)).toEqual([SOURCE_B.url, SOURCE_A.url]);
    db.close();
  });

  it('rejects an invalid file with a message naming the field, and changes nothing', async () => {
    const db = await filled();
    const file = await exportUserData(db);
    const before = { notes: await db.notes.toArray(), quotes: await db.capturedQuotes.toArray() };
    const bad = {
      ...file,
      notes: [
        { entityId: 'Q1', text: 'New.', createdAt: 'yesterday', updatedAt: '2026-01-01T00:00:00.000Z' },
      ],
      settings: { captureEnabled: true },
    };
    const result = await importUserData(db, bad);
    expect(result).toEqual({ ok: false, error: 'notes.0.createdAt: must be an ISO time' });
    expect(await db.notes.toArray()).toEqual(before.notes);
    expect(await db.capturedQuotes.toArray()).toEqual(before.quotes);
    expect(await captureEnabledItem.getValue()).toBe(false);

    expect(await importUserData(db, { hello: 'world' })).toEqual({
      ok: false,
      error: 'it is not a Backstory user-data file.',
    });
    expect(await importUserData(db, { ...file, version: 2 })).toEqual({
      ok: false,
      error: 'version: must be format version 1',
    });
    const insecure = {
      ...file,
      settings: { syncSources: [{ ...SOURCE_A, url: 'http://packs.example.org/' }] },
    };
    expect(await importUserData(db, insecure)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^settings\.syncSources\.0\.url/),
    });
    const script = { ...file, capturedQuotes: [{ ...file.capturedQuotes[0], url: 'javascript:alert(1)' }] };
    expect(await importUserData(db, script)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^capturedQuotes\.0\.url/),
    });
    const theme = { ...file, settings: { readerTheme: 'sepia' } };
    expect(await importUserData(db, theme)).toEqual({
      ok: false,
      error: 'settings.readerTheme: must be system, light or dark',
    });
    expect(await syncSourcesItem.getValue()).toEqual([SOURCE_A]);
    expect(await themeItem.getValue()).toBe('dark');
    db.close();
  });
});
