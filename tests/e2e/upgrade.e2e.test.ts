/**
 * Upgrading the extension with its database in place: the old build runs in a persistent profile, the
 * browser closes, the extension's folder gets the new build (this checkout's, `BACKSTORY_OUT_DIR`), and
 * the same profile is launched again: same extension id, same IndexedDB, new code, which runs its schema
 * upgrade on what the old build stored (see support/persistent-profile.ts).
 *
 * The old builds are UPGRADE_FROM_REFS (support/old-build.ts). The data it adds is what it supports: the
 * installed starter pack, whose rows, lookups and marks must survive, and a note when that build saves
 * notes. A note added with the new build must survive a further restart.
 *
 * The tests run in order and share the profile: each is one or two launches of the browser.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackstoryDB } from '../../storage/db';
import { DEMO_DIR, EXTENSION_DIR, type MarkInfo, readMarks, waitForReady } from './support/extension';
import { buildExtensionAt, UPGRADE_FROM_REFS } from './support/old-build';
import {
  createPersistentProfile,
  idbVersion,
  type PackInfo,
  type PersistentProfile,
  type ProfileSession,
  sendMessage,
  settledStatus,
} from './support/persistent-profile';
import { type StaticServer, startStaticServer } from './support/static-server';

interface Lookup {
  matches: Record<string, string[]>;
  entities: Record<string, { entity: { id: string; name: string }; note?: { text: string } | null }>;
}

/** Keys the demo article's people are found by, asked of the background directly. */
const LOOKUP_KEYS = ['keir starmer', 'rachel reeves', 'volodymyr zelensky', 'kemi badenoch'];
const NOTE_TEXT = 'Checked after the upgrade: this note must outlive restarts.';
const OLD_NOTE_TEXT = 'Written with the old build: this note must outlive the upgrade.';

/** The Dexie version this checkout's schema declares, as IndexedDB stores it (Dexie multiplies by 10). */
const NEW_IDB_VERSION = new BackstoryDB('schema-version-probe').verno * 10;

/** A build that saves notes handles the `saveNote` message, whose name is then in its background script. */
const savesNotes = (build: string): boolean =>
  existsSync(join(build, 'background.js')) &&
  readFileSync(join(build, 'background.js'), 'utf8').includes('saveNote');

const bundledStarterVersion = (build: string): string =>
  (JSON.parse(readFileSync(join(build, 'packs', 'starter', 'manifest.json'), 'utf8')) as { version: string })
    .version;

const markKey = (m: MarkInfo): string => `${m.id} ${m.text}`;

function lookup(s: ProfileSession): Promise<Lookup> {
  return sendMessage<Lookup>(s, 'lookup', {
    keys: LOOKUP_KEYS,
    givenNameCandidates: [],
    articleDate: '2025-02-26',
    offices: [],
  });
}

describe.each(UPGRADE_FROM_REFS)('upgrading the extension from %s with the database in place', (ref) => {
  let oldBuild: string;
  let profile: PersistentProfile;
  let server: StaticServer;
  // What the old build answered, compared with what the new one answers on the same profile.
  let before: {
    extensionId: string;
    idbVersion: number;
    packs: PackInfo[];
    lookup: Lookup;
    marks: MarkInfo[];
  };

  beforeAll(async () => {
    oldBuild = await buildExtensionAt(ref);
    profile = await createPersistentProfile();
    server = await startStaticServer({ root: DEMO_DIR });
  });

  afterAll(async () => {
    await profile?.dispose();
    await server?.close();
  });

  /** The marks of known entities on the demo article (the ones the database makes). */
  async function entityMarks(s: ProfileSession): Promise<MarkInfo[]> {
    const page = await s.context.newPage();
    try {
      await page.goto(`${server.url}/article.html`);
      await waitForReady(page);
      return (await readMarks(page)).filter((m) => m.id !== null);
    } finally {
      await page.close();
    }
  }

  it('the old build installs its starter pack and marks the demo article', async () => {
    before = await profile.withSession(oldBuild, async (s) => {
      const { packs } = await settledStatus(s);
      expect(packs.map((p) => p.id)).toContain('starter');
      const found = await lookup(s);
      expect(Object.keys(found.matches).sort()).toEqual([...LOOKUP_KEYS].sort());
      const marks = await entityMarks(s);
      expect(marks.length).toBeGreaterThan(0);
      const version = await idbVersion(s);
      expect(version).toBeGreaterThan(0);
      // An old build with notes adds one to carry over.
      const starmer = found.matches['keir starmer']?.[0];
      if (savesNotes(oldBuild)) await sendMessage(s, 'saveNote', { entityId: starmer, text: OLD_NOTE_TEXT });
      return { extensionId: s.extensionId, idbVersion: version ?? 0, packs, lookup: found, marks };
    });
  });

  it('the new build, on the same profile, upgrades the schema and keeps the packs, lookups and marks', async () => {
    expect(before, 'the old build ran first').toBeDefined();
    await profile.withSession(EXTENSION_DIR, async (s) => {
      expect(s.extensionId).toBe(before.extensionId);
      const { packs, error } = await settledStatus(s);
      expect(error ?? null).toBeNull();
      expect(await idbVersion(s), `IndexedDB version (old build: ${before.idbVersion})`).toBe(
        NEW_IDB_VERSION,
      );
      expect(NEW_IDB_VERSION).toBeGreaterThanOrEqual(before.idbVersion);

      if (bundledStarterVersion(oldBuild) === bundledStarterVersion(EXTENSION_DIR)) {
        // The same starter pack is bundled: the rows the old build imported are the ones answering (not
        // imported again, so `installedAt` is unchanged).
        expect(packs).toEqual(before.packs);
      } else {
        // A newer starter pack is bundled: it replaces the old one as an update would.
        expect(packs.find((p) => p.id === 'starter')?.version).toBe(bundledStarterVersion(EXTENSION_DIR));
      }

      const found = await lookup(s);
      expect(found.matches).toEqual(before.lookup.matches);
      const names = (l: Lookup) => Object.values(l.entities).map((e) => [e.entity.id, e.entity.name]);
      expect(names(found).sort()).toEqual(names(before.lookup).sort());

      // Every entity the old build marked is marked again, on the same words.
      const marks = new Set((await entityMarks(s)).map(markKey));
      expect(before.marks.map(markKey).filter((m) => !marks.has(m))).toEqual([]);

      if (savesNotes(oldBuild)) {
        const starmer = before.lookup.matches['keir starmer']?.[0] ?? '';
        expect(found.entities[starmer]?.note?.text).toBe(OLD_NOTE_TEXT);
      }
    });
  });

  it.skipIf(!savesNotes(EXTENSION_DIR))(
    'a note added after the upgrade outlives a restart of the new build',
    async () => {
      expect(before, 'the old build ran first').toBeDefined();
      const entityId = before.lookup.matches['keir starmer']?.[0];
      expect(entityId).toBeDefined();

      await profile.withSession(EXTENSION_DIR, async (s) => {
        await settledStatus(s);
        await sendMessage(s, 'saveNote', { entityId, text: NOTE_TEXT });
      });
      await profile.withSession(EXTENSION_DIR, async (s) => {
        expect(s.extensionId).toBe(before.extensionId);
        const found = await lookup(s);
        expect(found.entities[entityId ?? '']?.note?.text).toBe(NOTE_TEXT);
      });
    },
  );
});
