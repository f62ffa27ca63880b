/**
 * A schema upgrade that fails in a real browser. The old build (SCHEMA_V3_REF) installs its starter
 * pack; then the database is left one step further on, with a store that a table of the new schema would
 * need to create under the same name but another primary key (as an unreleased build could leave it).
 * Dexie cannot change a primary key, so the new build's upgrade throws and IndexedDB aborts it: the
 * data must stay as it was, the popup must say what happened, and lookups must be answered from the old
 * version or refused plainly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackstoryDB } from '../../storage/db';
import { EXTENSION_DIR } from './support/extension';
import { buildExtensionAt, SCHEMA_V3_REF } from './support/old-build';
import {
  createPersistentProfile,
  idbVersion,
  type PackInfo,
  type PersistentProfile,
  type ProfileSession,
  sendMessage,
  settledStatus,
} from './support/persistent-profile';

/** The new schema's tables with their primary key paths, read from the Dexie class without opening it. */
const NEW_TABLES = new BackstoryDB('schema-probe').tables.map((t) => ({
  name: t.name,
  keyPath: t.schema.primKey.keyPath ?? null,
}));

const UPGRADE_ERROR =
  'Backstory could not upgrade its database to this version. Your data is kept as it was and is still shown, but nothing new can be saved until an update fixes this.';

/** Store names and row counts of the extension's database, read with plain IndexedDB in an extension page. */
function readStores(s: ProfileSession): Promise<{ version: number; counts: Record<string, number> }> {
  return s.extensionPage.evaluate(
    () =>
      new Promise<{ version: number; counts: Record<string, number> }>((resolve, reject) => {
        const open = indexedDB.open('backstory');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = Array.from(db.objectStoreNames);
          const tx = db.transaction(names, 'readonly');
          const counts: Record<string, number> = {};
          for (const name of names) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => {
              counts[name] = request.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve({ version: db.version, counts });
          };
        };
      }),
  );
}

/**
 * Moves the database one version on with a store named like a table of the new schema that the old one
 * lacks, keyed differently. Returns that store's name, or null when the old schema has every new table.
 */
function leaveConflictingStore(
  s: ProfileSession,
  tables: readonly { name: string; keyPath: string | string[] | null }[],
): Promise<string | null> {
  return s.extensionPage.evaluate(
    (newTables) =>
      new Promise<string | null>((resolve, reject) => {
        const probe = indexedDB.open('backstory');
        probe.onerror = () => reject(probe.error);
        probe.onsuccess = () => {
          const current = probe.result;
          const { version } = current;
          const present = new Set(Array.from(current.objectStoreNames));
          current.close();
          const target = newTables.find((t) => !present.has(t.name));
          if (!target) return resolve(null);
          // The background's connection closes itself on `versionchange` (Dexie's default), so this opens.
          const upgrade = indexedDB.open('backstory', version + 1);
          upgrade.onerror = () => reject(upgrade.error);
          upgrade.onupgradeneeded = () => {
            const keyPath = JSON.stringify(target.keyPath) === '"conflict"' ? 'conflict2' : 'conflict';
            upgrade.result.createObjectStore(target.name, { keyPath });
          };
          upgrade.onsuccess = () => {
            upgrade.result.close();
            resolve(target.name);
          };
        };
      }),
    tables,
  );
}

describe('a schema upgrade that fails in the browser', () => {
  let oldBuild: string;
  let profile: PersistentProfile;
  let before: { packs: PackInfo[]; stores: { version: number; counts: Record<string, number> } };
  let conflict: string | null = null;

  beforeAll(async () => {
    oldBuild = await buildExtensionAt(SCHEMA_V3_REF);
    profile = await createPersistentProfile();
  });

  afterAll(async () => {
    await profile?.dispose();
  });

  it('the old build installs its starter pack; the database is then left with a conflicting store', async () => {
    before = await profile.withSession(oldBuild, async (s) => {
      const { packs } = await settledStatus(s);
      conflict = await leaveConflictingStore(s, NEW_TABLES);
      return { packs, stores: await readStores(s) };
    });
    expect(before.packs.map((p) => p.id)).toContain('starter');
  });

  it('the new build keeps every record, shows the packs and the error, and answers lookups or says plainly it cannot', async () => {
    expect(before, 'the old build ran first').toBeDefined();
    // The old schema having every table of the new one would leave no upgrade to break.
    expect(conflict, 'a table the new schema adds').not.toBeNull();
    await profile.withSession(EXTENSION_DIR, async (s) => {
      const status = await settledStatus(s);
      expect(status.error).toMatchObject({ kind: 'upgrade' });
      expect(status.error?.message).toMatch(/primary key/i);
      expect(status.packs).toEqual(before.packs);

      const popup = await s.context.newPage();
      await popup.goto(`chrome-extension://${s.extensionId}/popup.html`);
      const alert = popup.locator('[data-testid="db-error"]');
      await expect.poll(() => alert.count()).toBe(1);
      expect(await alert.getAttribute('data-kind')).toBe('upgrade');
      expect(await alert.locator('strong').textContent()).toBe(UPGRADE_ERROR);
      await popup.close();

      // From the old version (the tables a lookup reads are there) or, when the lookup needs a table only
      // the new schema has, refused in plain words; never an answer from an empty or half-upgraded database.
      const answer = await sendMessage<{ matches: Record<string, string[]> }>(s, 'lookup', {
        keys: ['keir starmer'],
        givenNameCandidates: [],
        articleDate: '2025-02-26',
        offices: [],
      }).catch((error: Error) => error);
      if (answer instanceof Error) expect(answer.message).toContain("Backstory's database is unavailable: ");
      else expect(answer.matches['keir starmer']?.length).toBe(1);

      // The aborted upgrade changed nothing: same version, same stores, same row counts.
      expect(await idbVersion(s)).toBe(before.stores.version);
      expect(await readStores(s)).toEqual(before.stores);
    });
  });
});
