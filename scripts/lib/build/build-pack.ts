/**
 * `packs build`: reads the inputs, merges entities, resolves statement speakers, and writes a pack whose
 * every record carries its source. The same inputs and options give the same bytes: records are sorted,
 * keys are in a fixed order, and `created` comes from the inputs' own dates, never the clock.
 */
import type { Entity, PackManifest, PackSourceInfo, Statement } from '../../../core/model';
import { buildGivenNames } from '../given-names';
import { mergeEntities } from '../merge-entities';
import { MOBY_NAMES, readMobyGivenNames } from '../read-moby-names';
import { SpeakerResolver } from '../resolve-speaker';
import { writePack } from '../write-pack';
import { checkCuratedEvidence } from './curated-evidence';
import { readEntityInputs } from './entity-inputs';
import type { BuildRequest, InputKind } from './inputs';
import { readStatementInputs } from './statement-inputs';

export interface BuildResult {
  manifest: PackManifest;
  entities: readonly Entity[];
  statements: readonly Statement[];
  figures: number;
  tombstones: number;
  givenNames: number;
  /** What was skipped or dropped, and why; one line each. */
  notes: string[];
}

/** Manifest order of the sources, by the kind of input they came from. */
const SOURCE_ORDER: readonly InputKind[] = [
  'datasets',
  'curated',
  'seed',
  'wikidata',
  'popolo',
  'claimreview',
  'article',
];

function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((i) => [i.id, i])).values()];
}

function newestDate(dates: readonly string[]): string {
  const newest = dates
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
    .sort()
    .at(-1);
  if (!newest) throw new Error('no input declares a date; pass --created YYYY-MM-DD');
  return newest;
}

function checkIds(
  entities: readonly Entity[],
  statements: readonly Statement[],
  tombstoned: readonly string[],
) {
  const ids = new Set<string>();
  for (const e of entities) {
    if (ids.has(e.id)) throw new Error(`build: two entities have the id ${e.id}`);
    ids.add(e.id);
  }
  for (const s of statements) {
    if (!ids.has(s.speakerId))
      throw new Error(`build: statement ${s.id} names speaker ${s.speakerId}, not in the pack`);
  }
  for (const id of tombstoned) {
    if (ids.has(id) || statements.some((s) => s.id === id))
      throw new Error(`build: ${id} is both a record and a tombstone in this pack`);
  }
}

export async function buildPack(request: BuildRequest): Promise<BuildResult> {
  const entityInputs = await readEntityInputs(request.inputs);
  const merged = mergeEntities(entityInputs.fragments);
  const resolver = new SpeakerResolver(merged);
  const statementInputs = await readStatementInputs(request.inputs, entityInputs.claims, resolver);
  for (const { path, result } of entityInputs.curated)
    checkCuratedEvidence(result.offices, statementInputs.seeds, path);

  const entities = [...merged, ...statementInputs.newEntities];
  const statements = uniqueById(statementInputs.statements);
  const figures = uniqueById(entityInputs.figures);
  const tombstones = uniqueById(statementInputs.tombstones);
  checkIds(
    entities,
    statements,
    tombstones.map((t) => t.id),
  );

  const givenNames = request.givenNames
    ? buildGivenNames([...entityInputs.givenNames, ...readMobyGivenNames()])
    : undefined;
  const sources: PackSourceInfo[] = SOURCE_ORDER.flatMap((kind) => [
    ...(entityInputs.sources.get(kind) ?? []),
    ...(statementInputs.sources.get(kind) ?? []),
  ]);
  if (givenNames) sources.push(MOBY_NAMES);

  const created = request.created ?? newestDate([...entityInputs.dates, ...statementInputs.dates]);
  const manifest = writePack(request.out, {
    entities,
    statements,
    figures,
    tombstones,
    givenNames,
    manifest: { id: request.id, version: request.version, created, title: request.title, sources },
  });
  return {
    manifest,
    entities,
    statements,
    figures: figures.length,
    tombstones: tombstones.length,
    givenNames: givenNames?.length ?? 0,
    notes: [...entityInputs.notes, ...statementInputs.notes],
  };
}
