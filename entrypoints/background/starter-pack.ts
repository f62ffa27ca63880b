/**
 * Loads the starter pack bundled with the extension (`public/packs/starter/`) into the database, after
 * checking each file's sha256 against the manifest. Runs on install and whenever the bundled version
 * differs from the installed one (an extension update).
 */
import browser from 'webextension-polyfill';
import type { PackRecord } from '../../core/model';
import { PackValidationError, parseManifest, parseNdjson } from '../../core/pack/pack-schema';
import type { BackstoryDB } from '../../storage/db';
import { importPack } from '../../storage/pack-import';

const BASE = '/packs/starter/';

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function fetchBundled(path: string): Promise<ArrayBuffer> {
  // `getURL` is typed for a fixed list of public paths; ours are built at pack time.
  const url = (browser.runtime.getURL as (p: string) => string)(BASE + path);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

export async function ensureStarterPack(db: BackstoryDB): Promise<void> {
  const manifest = parseManifest(JSON.parse(new TextDecoder().decode(await fetchBundled('manifest.json'))));
  const installed = await db.packs.get(manifest.id);
  if (installed?.version === manifest.version) return;
  const records: PackRecord[] = [];
  for (const file of manifest.files) {
    if (!file.path.endsWith('.ndjson')) continue;
    const bytes = await fetchBundled(file.path);
    if (bytes.byteLength !== file.bytes)
      throw new PackValidationError(file.path, null, 'size differs from manifest');
    if ((await sha256Hex(bytes)) !== file.sha256)
      throw new PackValidationError(file.path, null, 'sha256 mismatch');
    records.push(...parseNdjson(new TextDecoder().decode(bytes), file.path));
  }
  await importPack(db, manifest, records);
}

let givenNames: Promise<Set<string>> | undefined;

/** The given-name list shipped with the starter pack, loaded once per service-worker lifetime. */
export function loadGivenNames(): Promise<Set<string>> {
  givenNames ??= fetchBundled('given-names.json')
    .then((bytes) => new Set<string>(JSON.parse(new TextDecoder().decode(bytes)) as string[]))
    .catch(() => new Set<string>());
  return givenNames;
}
