/**
 * Builds the starter pack (public/packs/starter/) from the shared open datasets, the curated offices file
 * and the seed article. Usage: `npm run pack:starter` (BACKSTORY_SHARED overrides the ../shared location).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackManifest } from '../core/model';
import { ALL_DATASETS } from './lib/datasets';
import { buildGivenNames } from './lib/given-names';
import { mergeEntities } from './lib/merge-entities';
import { readCongress } from './lib/read-congress';
import { readCurated } from './lib/read-curated';
import { MOBY_NAMES, readMobyGivenNames } from './lib/read-moby-names';
import { readJurisdictions, readOfficeholders } from './lib/read-officeholders';
import { readPopolo } from './lib/read-popolo';
import { readSeed } from './lib/read-seed';
import { readUkMps } from './lib/read-uk-mps';
import { SpeakerResolver } from './lib/resolve-speaker';
import { statementsFrom } from './lib/statements';
import { writePack } from './lib/write-pack';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface BuildOptions {
  /** The shared data root (holds datasets/ and seed/). */
  sharedRoot: string;
  /** Where to write records.ndjson, given-names.json and manifest.json. */
  outDir: string;
  /** Logs a summary when true. */
  verbose?: boolean;
}

export function defaultSharedRoot(): string {
  return resolve(REPO_ROOT, process.env.BACKSTORY_SHARED ?? '../shared');
}

/** Checks that each curated `asOfEvidence` quote really occurs in the paragraph it names. */
function checkEvidence(paragraphs: readonly string[], curatedPath: string): void {
  const file = JSON.parse(readFileSync(curatedPath, 'utf8')) as {
    offices: { qid: string; asOfEvidence?: { record: string; text: string } }[];
  };
  for (const o of file.offices) {
    if (!o.asOfEvidence) continue;
    const n = Number(/^paragraph (\d+)$/.exec(o.asOfEvidence.record)?.[1]);
    if (!paragraphs[n - 1]?.includes(o.asOfEvidence.text)) {
      throw new Error(
        `${curatedPath}: ${o.qid} asOfEvidence "${o.asOfEvidence.text}" is not in ${o.asOfEvidence.record}`,
      );
    }
  }
}

export function buildStarterPack(options: BuildOptions): PackManifest {
  const root = options.sharedRoot;
  const curatedPath = join(REPO_ROOT, 'packs', 'curated', 'offices-2024-2025.json');

  const popolo = readPopolo(root);
  const congress = readCongress(root);
  const ukMps = readUkMps(root, popolo.mps);
  const officeholders = readOfficeholders(root);
  const curated = readCurated(curatedPath);
  const entities = mergeEntities([
    ...curated.fragments,
    ...congress.fragments,
    ...ukMps.fragments,
    ...officeholders.fragments,
    ...popolo.personFragments,
    ...popolo.partyFragments,
    ...readJurisdictions(root),
  ]);

  const seed = readSeed(root);
  checkEvidence(seed.paragraphs, curatedPath);
  const { statements, dropped } = statementsFrom(seed, new SpeakerResolver(entities));

  const givenNames = buildGivenNames([
    ...congress.givenNames,
    ...ukMps.givenNames,
    ...officeholders.givenNames,
    ...readMobyGivenNames(),
  ]);
  const created =
    ALL_DATASETS.map((d) => d.snapshot)
      .sort()
      .at(-1) ?? '';
  const manifest = writePack(options.outDir, {
    entities,
    statements,
    givenNames,
    manifest: {
      formatVersion: 1,
      id: 'starter',
      version: created.replace(/-/g, '.'),
      created,
      title:
        'Backstory starter pack: US Congress and presidents, UK MPs, and office holders of six countries',
      sources: [...ALL_DATASETS, MOBY_NAMES].map(({ name, url, licence, attribution }) => ({
        name,
        url,
        licence,
        attribution,
      })),
    },
  });

  if (options.verbose) {
    const people = entities.filter((e) => e.kind === 'person').length;
    console.log(
      `entities ${entities.length} (people ${people}), statements ${statements.length}, given names ${givenNames.length}`,
    );
    console.log(`UK MPs joined to a 2017 Wikidata Q-id: ${ukMps.joined} of ${ukMps.fragments.length}`);
    for (const d of dropped)
      console.log(`dropped quote (${d.reason}): [${d.speaker}] ${d.quote.slice(0, 60)}`);
    for (const f of manifest.files)
      console.log(`${f.path}: ${f.bytes} bytes, ${f.records} records, sha256 ${f.sha256}`);
  }
  return manifest;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const sharedRoot = defaultSharedRoot();
  if (!existsSync(join(sharedRoot, 'datasets'))) {
    console.error(`No shared data at ${sharedRoot} (set BACKSTORY_SHARED).`);
    process.exit(1);
  }
  buildStarterPack({ sharedRoot, outDir: join(REPO_ROOT, 'public', 'packs', 'starter'), verbose: true });
}
