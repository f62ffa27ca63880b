/**
 * The starter pack bundled with the extension (`public/packs/starter/`): imported, streamed and checked
 * against its manifest's sizes and sha256, on install and whenever the bundled version differs from the
 * installed one (an extension update).
 */
import browser from 'webextension-polyfill';
import { isSyncedVersion } from '../../settings/sync-sources';
import type { BackstoryDB } from '../../storage/db';
import { openPack } from '../../storage/pack-import';
import type { ImportQueue } from './import-queue';

/** The bundled pack's folder as an extension URL (`getURL` is typed for a fixed list of public paths). */
function bundledUrl(path = ''): string {
  return (browser.runtime.getURL as (p: string) => string)(`/packs/starter/${path}`);
}

/**
 * Imports the bundled starter pack unless that version is already installed, or a sync source installed a
 * version of it created no earlier than the bundled one.
 */
export async function ensureStarterPack(db: BackstoryDB, imports: ImportQueue): Promise<void> {
  const pack = await openPack(bundledUrl());
  const installed = await db.packs.get(pack.manifest.id);
  if (installed?.version === pack.manifest.version) return;
  // A source that publishes a pack called `starter` may have installed a newer one than this build bundles.
  if (
    installed &&
    installed.created >= pack.manifest.created &&
    (await isSyncedVersion(installed.id, installed.version))
  )
    return;
  await imports.importPack(() => Promise.resolve(pack));
}

/** True when some version of the starter pack is visible (lookups need not wait for an update). */
export async function hasStarterPack(db: BackstoryDB): Promise<boolean> {
  return (await db.packs.get('starter')) !== undefined;
}

let givenNames: Promise<Set<string>> | undefined;

/** The given-name list shipped with the starter pack, loaded once per service-worker lifetime. */
export function loadGivenNames(): Promise<Set<string>> {
  givenNames ??= fetch(bundledUrl('given-names.json'))
    .then((response) => response.json() as Promise<string[]>)
    .then((names) => new Set<string>(names))
    .catch(() => new Set<string>());
  return givenNames;
}
