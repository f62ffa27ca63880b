/**
 * Writes a pack directory: records.ndjson (entities by id, then statements by id, keys in a fixed order),
 * given-names.json and manifest.json with each file's sha256, size and record count. No clock, no
 * environment: the same inputs give the same bytes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Entity,
  PackFile,
  PackManifest,
  PackSourceInfo,
  Role,
  Source,
  Statement,
} from '../../core/model';

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
  givenNames: readonly string[];
  manifest: Omit<PackManifest, 'files'>;
}

export function writePack(outDir: string, pack: PackContents): PackManifest {
  const entities = [...pack.entities].sort((a, b) => cmp(a.id, b.id));
  const statements = [...pack.statements].sort((a, b) => cmp(a.id, b.id));
  const lines = [...entities.map(entityLine), ...statements.map(statementLine)];
  const records = `${lines.join('\n')}\n`;
  const givenNames = `${JSON.stringify(pack.givenNames)}\n`;

  const files = [
    fileInfo('records.ndjson', records, lines.length),
    fileInfo('given-names.json', givenNames, pack.givenNames.length),
  ];
  const m = pack.manifest;
  const manifest: PackManifest = {
    formatVersion: m.formatVersion,
    id: m.id,
    version: m.version,
    created: m.created,
    title: m.title,
    sources: m.sources.map(
      (s): PackSourceInfo => ({ name: s.name, url: s.url, licence: s.licence, attribution: s.attribution }),
    ),
    files,
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'records.ndjson'), records);
  writeFileSync(join(outDir, 'given-names.json'), givenNames);
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
