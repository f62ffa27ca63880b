/**
 * Downloads one entry of a source index (the latest full pack, or one delta) and checks it all before a
 * record is read: every file's size and sha256 against the index, the manifest against the pack schema,
 * and the manifest against the index (same pack, same version, same base, same files). A file that does
 * not match is refused with its path; nothing is handed on.
 */
import { PackValidationError, parseManifest } from '../pack/pack-schema';
import { type FetchDeps, fetchRequired, readBody } from './conditional-fetch';
import type { SyncManifest } from './pack-store';
import { deltaBaseOf, type IndexFile } from './source-index-schema';
import { fatal, type SyncFileRef } from './sync-error';
import { verifyFileBytes } from './verify';

/** Where an entry lives and what it must turn out to be. */
export interface EntryTarget {
  packId: string;
  /** The version the pack's manifest must carry. */
  version: string;
  /** For a delta, the version its manifest must name in `delta.from`; null for a full pack. */
  from: string | null;
  /** The entry's folder, relative to the source (`''` or ending in `/`). */
  path: string;
  files: readonly IndexFile[];
}

export interface DownloadedFile {
  ref: SyncFileRef;
  body: Uint8Array<ArrayBuffer>;
}

export interface DownloadedEntry {
  manifest: SyncManifest;
  /** The pack's NDJSON files, verified, in manifest order. */
  records: DownloadedFile[];
  /** Records those files declare (the progress total). */
  recordCount: number;
}

export interface DownloadContext extends FetchDeps {
  /** The source's base URL, ending in `/`. */
  base: string;
  /** Called with the bytes of each file once it is verified. */
  onBytes?: (bytes: number) => void;
}

async function download(ctx: DownloadContext, target: EntryTarget, file: IndexFile): Promise<DownloadedFile> {
  const ref = { source: ctx.base, file: `${target.path}${file.path}` };
  const response = await fetchRequired(new URL(ref.file, ctx.base).href, ref, ctx);
  const body = await readBody(response, file.bytes, ref);
  await verifyFileBytes(body, file, ref);
  ctx.onBytes?.(body.length);
  return { ref, body };
}

function parseJson(body: Uint8Array, ref: SyncFileRef): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw fatal(ref, 'not valid JSON');
  }
}

/** The manifest, checked against the schema and against what the index says it is. */
function checkManifest(json: unknown, target: EntryTarget, ref: SyncFileRef): SyncManifest {
  let manifest: SyncManifest;
  let from: string | null;
  try {
    manifest = parseManifest(json, ref.file);
    from = deltaBaseOf(json);
  } catch (error) {
    throw fatal(ref, error instanceof PackValidationError ? error.reason : String(error));
  }
  if (manifest.id !== target.packId)
    throw fatal(ref, `pack "${manifest.id}", but the index publishes "${target.packId}"`);
  if (manifest.version !== target.version)
    throw fatal(ref, `version "${manifest.version}", but the index says "${target.version}"`);
  if (from !== target.from)
    throw fatal(
      ref,
      target.from === null
        ? `a delta from "${from}", but the index lists it as a full pack`
        : `${from === null ? 'a full pack' : `a delta from "${from}"`}, but the index says a delta from "${target.from}"`,
    );
  return from === null ? manifest : { ...manifest, delta: { from } };
}

/** Downloads and verifies an entry's manifest and NDJSON files. Throws a SyncError naming the file. */
export async function downloadEntry(ctx: DownloadContext, target: EntryTarget): Promise<DownloadedEntry> {
  const manifestFile = target.files.find((f) => f.path === 'manifest.json');
  const manifestRef = { source: ctx.base, file: `${target.path}manifest.json` };
  if (!manifestFile) throw fatal(manifestRef, 'not listed in the index');
  const { body } = await download(ctx, target, manifestFile);
  const manifest = checkManifest(parseJson(body, manifestRef), target, manifestRef);
  const ndjson = manifest.files.filter((f) => f.path.endsWith('.ndjson'));
  // The index pinned the manifest; the manifest pins its files. Both must name the same bytes.
  const listed = ndjson.map((f) => {
    const indexed = target.files.find((i) => i.path === f.path);
    if (!indexed || indexed.sha256 !== f.sha256 || indexed.bytes !== f.bytes)
      throw fatal(manifestRef, `${f.path}: the manifest and the index declare different files`);
    return indexed;
  });
  const records: DownloadedFile[] = [];
  for (const file of listed) records.push(await download(ctx, target, file));
  return { manifest, records, recordCount: ndjson.reduce((n, f) => n + f.records, 0) };
}
