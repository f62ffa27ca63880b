/**
 * The pack builder CLI: `npm run packs -- build --out DIR [inputs…]`, `npm run packs -- validate DIR`, and
 * the sync source commands (serve, keygen, sign, delta, index). See `npm run packs -- --help`,
 * docs/pack-format.md and docs/sync.md.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildResult, buildPack } from './lib/build/build-pack';
import { describeInputs, parseBuildArgs } from './lib/cli/args';
import { HELP } from './lib/cli/help';
import { runSyncCommand, SYNC_COMMANDS } from './lib/cli/sync-commands';
import { validatePack } from './lib/cli/validate';

export interface CliIo {
  log: (line: string) => void;
}

function summary(result: BuildResult): string[] {
  const kinds = new Map<string, number>();
  for (const e of result.entities) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  const byKind = [...kinds].map(([k, n]) => `${k} ${n}`).join(', ');
  return [
    `entities ${result.entities.length} (${byKind}), statements ${result.statements.length}, figures ${result.figures}, tombstones ${result.tombstones}, given names ${result.givenNames}`,
    ...result.manifest.files.map(
      (f) => `${f.path}: ${f.bytes} bytes, ${f.records} records, sha256 ${f.sha256}`,
    ),
    `version ${result.manifest.version}, created ${result.manifest.created}`,
  ];
}

/** Runs one command; returns the build result for `build`. Throws on any error. */
export async function runPacks(
  argv: readonly string[],
  io: CliIo = { log: console.log },
): Promise<BuildResult | null> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h' || rest.includes('--help')) {
    io.log(HELP);
    return null;
  }
  if (command === 'build') {
    const { request, quiet } = parseBuildArgs(rest);
    if (!quiet) io.log(['inputs:', ...describeInputs(request.inputs)].join('\n'));
    const result = await buildPack(request);
    if (!quiet) for (const line of [...result.notes, ...summary(result)]) io.log(line);
    return result;
  }
  if (command === 'validate') {
    const dir = rest[0];
    if (!dir) throw new Error('validate: which pack folder?');
    const { records, files } = await validatePack(dir);
    io.log(
      `${dir}: ok, ${files} files; ${Object.entries(records)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}`,
    );
    return null;
  }
  if (SYNC_COMMANDS.has(command)) {
    await runSyncCommand(command, rest, io);
    return null;
  }
  throw new Error(`unknown command "${command}"; see --help`);
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  runPacks(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
