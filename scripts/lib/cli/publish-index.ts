/**
 * `packs index DIR [--latest VERSION]`: writes DIR/index.json, the index a sync source serves, for the
 * full packs and delta packs in DIR's subfolders (any folder holding a manifest.json, four levels deep at
 * most). Every pack is validated first (manifest, sizes, sha256, records). The latest version is the full
 * pack with the newest `created` date, or the one `--latest` names. The output is sorted, so the same
 * folder gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { PackManifest } from '../../../core/model';
import { parseManifest } from '../../../core/pack/pack-schema';
import {
  type DeltaEntry,
  deltaBaseOf,
  type FullEntry,
  type IndexFile,
  parseSourceIndex,
  SOURCE_INDEX_FORMAT,
  type SourceIndex,
} from '../../../core/sync/source-index-schema';
import { SIGNATURE_FILE } from './sign';
import { validatePack } from './validate';

const MAX_DEPTH = 4;

interface FoundPack {
  /** Relative to the source folder, `''` or ending in `/`. */
  path: string;
  manifest: PackManifest;
  from: string | null;
  files: IndexFile[];
}

function packFolders(dir: string, depth = 0): string[] {
  const here = existsSync(join(dir, 'manifest.json')) ? [dir] : [];
  if (depth >= MAX_DEPTH) return here;
  const children = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules')
    .map((d) => d.name)
    .sort();
  return [...here, ...children.flatMap((name) => packFolders(join(dir, name), depth + 1))];
}

async function readPack(root: string, folder: string): Promise<FoundPack> {
  await validatePack(folder);
  const bytes = readFileSync(join(folder, 'manifest.json'));
  const json: unknown = JSON.parse(bytes.toString('utf8'));
  const manifest = parseManifest(json, join(folder, 'manifest.json'));
  const rel = relative(root, folder).split(sep).join('/');
  const files: IndexFile[] = [
    { path: 'manifest.json', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length },
    // Only the NDJSON files: they are what the extension downloads (given-names.json ships with it).
    ...manifest.files
      .filter((f) => f.path.endsWith('.ndjson'))
      .map((f) => ({ path: f.path, sha256: f.sha256, bytes: f.bytes, records: f.records })),
  ];
  return { path: rel ? `${rel}/` : '', manifest, from: deltaBaseOf(json), files };
}

function pickLatest(fulls: readonly FoundPack[], wanted: string | undefined): FoundPack {
  if (wanted !== undefined) {
    const named = fulls.find((p) => p.manifest.version === wanted);
    if (!named) throw new Error(`index: no full pack has version "${wanted}"`);
    return named;
  }
  const newest = [...fulls].sort((a, b) => (a.manifest.created < b.manifest.created ? 1 : -1));
  const [first, second] = newest;
  if (!first) throw new Error('index: no full pack found; the index needs one');
  if (second && second.manifest.created === first.manifest.created)
    throw new Error(
      `index: ${first.manifest.version} and ${second.manifest.version} were both created ${first.manifest.created}; name the latest with --latest VERSION`,
    );
  return first;
}

export interface IndexResult {
  index: SourceIndex;
  /** Notes for the publisher: a signature removed, deltas that lead nowhere. */
  notes: string[];
}

export async function writeSourceIndex(dir: string, options: { latest?: string } = {}): Promise<IndexResult> {
  const packs: FoundPack[] = [];
  for (const folder of packFolders(dir)) packs.push(await readPack(dir, folder));
  const ids = [...new Set(packs.map((p) => p.manifest.id))];
  if (ids.length !== 1)
    throw new Error(`index: a source publishes one pack; found ${ids.length ? ids.join(', ') : 'none'}`);
  const latest = pickLatest(
    packs.filter((p) => p.from === null),
    options.latest,
  );
  const deltas: DeltaEntry[] = packs
    .filter((p): p is FoundPack & { from: string } => p.from !== null)
    .map((p) => ({ from: p.from, to: p.manifest.version, path: p.path, files: p.files }))
    .sort((a, b) => (`${a.from}\0${a.to}` < `${b.from}\0${b.to}` ? -1 : 1));
  deltas.forEach((d, i) => {
    const previous = deltas[i - 1];
    if (previous && previous.from === d.from && previous.to === d.to)
      throw new Error(`index: two deltas from "${d.from}" to "${d.to}" (${previous.path}, ${d.path})`);
  });
  const full: FullEntry = { version: latest.manifest.version, path: latest.path, files: latest.files };
  const draft = { formatVersion: SOURCE_INDEX_FORMAT, packId: ids[0], latest: full, deltas };
  let index: SourceIndex;
  try {
    index = parseSourceIndex(draft);
  } catch (error) {
    throw new Error(
      `index: ${(error as Error).message} (folder names may hold letters, digits and . _ + @ -)`,
    );
  }
  writeFileSync(join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  const notes: string[] = [];
  const signature = join(dir, SIGNATURE_FILE);
  if (existsSync(signature)) {
    // A signature of the previous index would make every client refuse this one.
    rmSync(signature);
    notes.push(`removed the stale ${SIGNATURE_FILE}; sign the new index with "packs sign ${dir} --key FILE"`);
  }
  const reached = new Set(deltas.map((d) => d.to));
  for (const d of deltas)
    if (d.to !== full.version && !deltas.some((n) => n.from === d.to))
      notes.push(`delta ${d.path} ends at "${d.to}", from which no delta continues`);
  if (!reached.has(full.version) && deltas.length > 0)
    notes.push(`no delta leads to the latest version "${full.version}"`);
  return { index, notes };
}

export function parseIndexArgs(argv: readonly string[]): { dir: string; latest?: string } {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { latest: { type: 'string' } },
    allowPositionals: true,
  });
  const [dir, ...extra] = positionals;
  if (!dir || extra.length > 0) throw new Error('index: which source folder? (npm run packs -- index DIR)');
  return values.latest === undefined ? { dir } : { dir, latest: values.latest };
}
