import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { PackManifest, PackRecord } from '../../core/model';
import { BackstoryDB } from '../../storage/db';
import { lookupKeys } from '../../storage/lookup';
import { deleteNote, MAX_NOTE_LENGTH, notesFor, saveNote } from '../../storage/notes';
import { importPack } from '../../storage/pack-import';
import { withUserData } from '../../storage/user-data';

const source = { url: 'https://www.wikidata.org/wiki/Q6383803' };

function manifest(version: string): PackManifest {
  return {
    formatVersion: 2,
    id: 'starter',
    version,
    created: '2026-01-01',
    title: 'Starter',
    sources: [{ name: 'fixture', licence: 'CC0-1.0' }],
    files: [],
  };
}

function starmer(name: string): PackRecord {
  return {
    type: 'entity',
    id: 'Q6383803',
    kind: 'person',
    name,
    aliases: ['Starmer'],
    roles: [],
    sources: [source],
  };
}

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function openDb(): Promise<BackstoryDB> {
  const name = `notes-${Math.random()}`;
  names.push(name);
  const db = new BackstoryDB(name);
  await db.open();
  return db;
}

async function lookupWithNotes(db: BackstoryDB) {
  const found = await lookupKeys(db, ['starmer'], '2025-02-26');
  return withUserData(db, found.entities);
}

describe('notes on entities', () => {
  it('keeps a note and shows it after the entity’s pack is fully replaced', async () => {
    const db = await openDb();
    await importPack(db, manifest('2026.01'), [starmer('Keir Starmer')]);
    await saveNote(db, 'Q6383803', 'Check his 2019 manifesto pledges.', new Date('2026-02-01T10:00:00Z'));
    expect((await lookupWithNotes(db)).Q6383803?.note).toEqual({
      text: 'Check his 2019 manifesto pledges.',
      updatedAt: '2026-02-01T10:00:00.000Z',
    });

    // A full replacement: a new install of the pack with a different record, the old install collected.
    const result = await importPack(db, manifest('2026.02'), [starmer('Sir Keir Starmer')]);
    expect(result.retired).toBe('starter@2026.01');
    expect((await db.entityRows.toArray()).map((r) => r.packId)).toEqual(['starter@2026.02']);

    const after = await lookupWithNotes(db);
    expect(after.Q6383803?.entity.name).toBe('Sir Keir Starmer');
    expect(after.Q6383803?.note).toEqual({
      text: 'Check his 2019 manifesto pledges.',
      updatedAt: '2026-02-01T10:00:00.000Z',
    });
    db.close();
  });

  it('keeps the creation time when a note is edited and trims its text', async () => {
    const db = await openDb();
    await saveNote(db, 'Q1', 'first', new Date('2026-01-01T00:00:00Z'));
    const edited = await saveNote(db, 'Q1', '  second  ', new Date('2026-01-02T00:00:00Z'));
    expect(edited).toEqual({
      entityId: 'Q1',
      text: 'second',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
    });
    db.close();
  });

  it('deletes the note when saved blank or deleted, and reports null for entities without one', async () => {
    const db = await openDb();
    await importPack(db, manifest('2026.01'), [starmer('Keir Starmer')]);
    await saveNote(db, 'Q6383803', 'a note');
    expect(await saveNote(db, 'Q6383803', '   ')).toBeNull();
    expect((await notesFor(db, ['Q6383803'])).size).toBe(0);
    await saveNote(db, 'Q6383803', 'again');
    await deleteNote(db, 'Q6383803');
    expect((await lookupWithNotes(db)).Q6383803?.note).toBeNull();
    db.close();
  });

  it('cuts a note to the longest length kept', async () => {
    const db = await openDb();
    const row = await saveNote(db, 'Q1', 'x'.repeat(MAX_NOTE_LENGTH + 10));
    expect(row?.text.length).toBe(MAX_NOTE_LENGTH);
    db.close();
  });
});
