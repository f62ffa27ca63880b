/**
 * `packs delta --from OLD_DIR --to NEW_DIR --out DIR`: the delta pack that turns full pack OLD into full
 * pack NEW. Its records are NEW's records that OLD lacks or holds differently, NEW's own tombstones that
 * are new or changed, and a tombstone for every record OLD has and NEW does not. Records keep NEW's bytes
 * and come in pack order, so the same two packs always give the same delta. Both packs are validated
 * first, and the delta's lines are validated before anything is written.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { PackManifest, PackRecord, TombstoneTarget } from '../../../core/model';
import { parseManifest, parseRecordLine } from '../../../core/pack/pack-schema';
import { deltaBaseOf } from '../../../core/sync/source-index-schema';
import { readLines } from '../readers/lines';
import { tombstoneLine } from '../write-pack';
import { validatePack } from './validate';

const GROUP_ORDER: Record<PackRecord['type'], number> = { entity: 0, statement: 1, figure: 2, tombstone: 3 };

interface Line {
  type: PackRecord['type'];
  id: string;
  text: string;
}

export interface DeltaResult {
  manifest: PackManifest & { delta: { from: string } };
  /** Records added or changed (NEW's tombstones included). */
  changed: number;
  /** Tombstones made for records NEW no longer holds. */
  removed: number;
}

function readManifest(dir: string): { manifest: PackManifest; json: unknown } {
  const json: unknown = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  return { manifest: parseManifest(json, join(dir, 'manifest.json')), json };
}

/** Every record line of a pack's NDJSON files, with its type and id (the pack was validated already). */
async function* packLines(dir: string, manifest: PackManifest): AsyncGenerator<Line> {
  for (const file of manifest.files.filter((f) => f.path.endsWith('.ndjson'))) {
    for await (const line of readLines(join(dir, file.path))) {
      const text = line.text.trim();
      if (!text) continue;
      const { type, id } = JSON.parse(text) as { type: PackRecord['type']; id: string };
      yield { type, id, text };
    }
  }
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

function removedTombstone(id: string, target: TombstoneTarget, to: PackManifest): string {
  return tombstoneLine({
    id,
    target,
    date: to.created,
    reason: `not in version ${to.version} of pack ${to.id}`,
    source: { dataset: `Backstory pack ${to.id} ${to.version}`, record: id },
  });
}

function sortLines(lines: Line[]): Line[] {
  return lines.sort(
    (a, b) => GROUP_ORDER[a.type] - GROUP_ORDER[b.type] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export async function buildDelta(fromDir: string, toDir: string, outDir: string): Promise<DeltaResult> {
  await validatePack(fromDir);
  await validatePack(toDir);
  const from = readManifest(fromDir);
  const to = readManifest(toDir);
  if (deltaBaseOf(from.json) !== null || deltaBaseOf(to.json) !== null)
    throw new Error('delta: --from and --to must be full packs, not deltas');
  if (from.manifest.id !== to.manifest.id)
    throw new Error(`delta: pack "${from.manifest.id}" and pack "${to.manifest.id}" are different packs`);
  if (from.manifest.version === to.manifest.version)
    throw new Error(`delta: both packs are version "${to.manifest.version}"`);

  // The old pack is held as a digest per id, not its text: enough to tell a changed line.
  const old = new Map<string, { type: PackRecord['type']; digest: string }>();
  for await (const line of packLines(fromDir, from.manifest))
    old.set(line.id, { type: line.type, digest: digest(line.text) });

  const out: Line[] = [];
  const seen = new Set<string>();
  for await (const line of packLines(toDir, to.manifest)) {
    seen.add(line.id);
    const before = old.get(line.id);
    if (before && before.type !== line.type && before.type !== 'tombstone' && line.type !== 'tombstone')
      throw new Error(
        `delta: "${line.id}" is a ${before.type} in the old pack and a ${line.type} in the new one`,
      );
    if (!before || before.digest !== digest(line.text)) out.push(line);
  }
  let removed = 0;
  for (const [id, before] of old) {
    if (seen.has(id) || before.type === 'tombstone') continue;
    out.push({ type: 'tombstone', id, text: removedTombstone(id, before.type, to.manifest) });
    removed++;
  }

  const lines = sortLines(out).map((l) => l.text);
  lines.forEach((text, i) => {
    parseRecordLine(text, 'records.ndjson', i + 1);
  });
  const text = lines.map((l) => `${l}\n`).join('');
  const records = Buffer.from(text, 'utf8');
  const manifest: DeltaResult['manifest'] = {
    formatVersion: 2,
    id: to.manifest.id,
    version: to.manifest.version,
    delta: { from: from.manifest.version },
    created: to.manifest.created,
    title: to.manifest.title,
    sources: to.manifest.sources,
    files: [
      {
        path: 'records.ndjson',
        sha256: createHash('sha256').update(records).digest('hex'),
        bytes: records.length,
        records: lines.length,
      },
    ],
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'records.ndjson'), records);
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, changed: lines.length - removed, removed };
}

export function parseDeltaArgs(argv: readonly string[]): { from: string; to: string; out: string } {
  const { values } = parseArgs({
    args: [...argv],
    options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
  });
  if (!values.from || !values.to || !values.out)
    throw new Error('delta: --from OLD_DIR --to NEW_DIR --out DIR are required');
  return { from: values.from, to: values.to, out: values.out };
}
