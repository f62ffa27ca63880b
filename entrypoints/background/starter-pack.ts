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

interface PackVersion {
  version: string;
  created: string;
}

/**
 * Whether the bundled starter pack should be imported over what is installed: when nothing is, or an
 * older bundle is (an extension update). A version a sync source installed stays when it was created no
 * earlier than the bundle: a source that publishes a pack called `starter` may be ahead of this build.
 */
export function bundledStarterWanted(
  bundled: PackVersion,
  installed: PackVersion | undefined,
  installedBySync: boolean,
): boolean {
  if (!installed) return true;
  if (installed.version === bundled.version) return false;
  return !(installedBySync && installed.created >= bundled.created);
}

/** Imports the bundled starter pack when {@link bundledStarterWanted} says so. */
export async function ensureStarterPack(db: BackstoryDB, imports: ImportQueue): Promise<void> {
  const pack = await openPack(bundledUrl());
  const installed = await db.packs.get(pack.manifest.id);
  // Storage is read only when the versions differ: at most starts they are the same.
  const bySync =
    installed && installed.version !== pack.manifest.version
      ? await isSyncedVersion(installed.id, installed.version)
      : false;
  if (bundledStarterWanted(pack.manifest, installed, bySync))
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
