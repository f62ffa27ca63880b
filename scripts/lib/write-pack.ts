/**
 * Writes a pack directory: records.ndjson (entities, statements, reference figures, then tombstones, each
 * sorted by id, keys in a fixed order), given-names.json when there is a list, and manifest.json with each
 * file's sha256, size and record count. Every line is validated with the runtime schema before anything is
 * written, so an unsourced record stops the build. No clock, no environment: the same inputs give the same
 * bytes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Entity,
  PackFile,
  PackManifest,
  PackSourceInfo,
  ReferenceFigure,
  Role,
  Source,
  Statement,
  Tombstone,
} from '../../core/model';
import { parseRecordLine } from '../../core/pack/pack-schema';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function source(s: Source): Source {
  return { url: s.url, dataset: s.dataset, record: s.record, publisher: s.publisher, licence: s.licence };
}

function role(r: Role): Role {
  return {
    title: r.title,
    office: r.office,
    country: r.country,
    from: r.from,
    to: r.to,
    asOf: r.asOf,
    // The licence is on the entity's sources and in the manifest; repeating it on thousands of roles only
    // adds bytes.
    source: { ...source(r.source), licence: undefined },
  };
}

/** An entity record with its keys in the pack's fixed order (undefined keys are left out by JSON). */
export function entityLine(e: Entity): string {
  const externalIds = e.externalIds
    ? Object.fromEntries(Object.entries(e.externalIds).sort((a, b) => cmp(a[0], b[0])))
    : undefined;
  return JSON.stringify({
    type: 'entity',
    id: e.id,
    kind: e.kind,
    name: e.name,
    aliases: e.aliases,
    description: e.description,
    roles: e.roles.map(role),
    country: e.country,
    party: e.party,
    externalIds,
    sources: e.sources.map(source),
  });
}

export function statementLine(s: Statement): string {
  return JSON.stringify({
    type: 'statement',
    id: s.id,
    speakerId: s.speakerId,
    quote: s.quote,
    date: s.date,
    source: source(s.source),
    topics: s.topics,
    factCheck: s.factCheck && {
      rating: s.factCheck.rating,
      date: s.factCheck.date,
      claimUrl: s.factCheck.claimUrl,
    },
  });
}

export function figureLine(f: ReferenceFigure): string {
  return JSON.stringify({
    type: 'figure',
    id: f.id,
    measure: f.measure,
    subjectId: f.subjectId,
    value: f.value,
    unit: f.unit,
    period: f.period,
    source: source(f.source),
  });
}

export function tombstoneLine(t: Tombstone): string {
  return JSON.stringify({
    type: 'tombstone',
    id: t.id,
    target: t.target,
    date: t.date,
    reason: t.reason,
    source: source(t.source),
  });
}

function fileInfo(path: string, content: string, records: number): PackFile {
  return {
    path,
    sha256: createHash('sha256').update(content, 'utf8').digest('hex'),
    bytes: Buffer.byteLength(content, 'utf8'),
    records,
  };
}

export interface PackContents {
  entities: readonly Entity[];
  statements: readonly Statement[];
  figures: readonly ReferenceFigure[];
  tombstones: readonly Tombstone[];
  /** Written as given-names.json when present. */
  givenNames?: readonly string[];
  /** Without `version`, the version is the created date and the first 8 hex digits of the records' sha256. */
  manifest: Omit<PackManifest, 'files' | 'version' | 'formatVersion'> & { version?: string };
}

function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => cmp(a.id, b.id));
}

/** The NDJSON text of the records, each line checked against the runtime schema. */
export function recordsText(pack: PackContents): { text: string; lines: number } {
  const lines = [
    ...byId(pack.entities).map(entityLine),
    ...byId(pack.statements).map(statementLine),
    ...byId(pack.figures).map(figureLine),
    ...byId(pack.tombstones).map(tombstoneLine),
  ];
  lines.forEach((line, i) => {
    parseRecordLine(line, 'records.ndjson', i + 1);
  });
  return { text: `${lines.join('\n')}\n`, lines: lines.length };
}

export function writePack(outDir: string, pack: PackContents): PackManifest {
  const records = recordsText(pack);
  const files = [fileInfo('records.ndjson', records.text, records.lines)];
  const givenNames = pack.givenNames && `${JSON.stringify(pack.givenNames)}\n`;
  if (pack.givenNames && givenNames)
    files.push(fileInfo('given-names.json', givenNames, pack.givenNames.length));
  const m = pack.manifest;
  const version = m.version ?? `${m.created.replace(/-/g, '.')}-${files[0]?.sha256.slice(0, 8)}`;
  const manifest: PackManifest = {
    formatVersion: 2,
    id: m.id,
    version,
    created: m.created,
    title: m.title,
    sources: m.sources.map(
      (s): PackSourceInfo => ({ name: s.name, url: s.url, licence: s.licence, attribution: s.attribution }),
    ),
    files,
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'records.ndjson'), records.text);
  if (givenNames) writeFileSync(join(outDir, 'given-names.json'), givenNames);
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
