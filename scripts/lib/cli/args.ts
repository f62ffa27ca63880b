/** Command-line arguments of `packs build` → a BuildRequest. Unknown flags are errors, not ignored. */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { type BuildRequest, INPUT_KINDS, type InputKind, type PackInput } from '../build/inputs';
import { sniffInput } from './sniff';

const INPUT_OPTIONS = Object.fromEntries(
  INPUT_KINDS.map((kind) => [kind, { type: 'string' as const, multiple: true as const }]),
) as Record<InputKind, { type: 'string'; multiple: true }>;

const OPTIONS = {
  ...INPUT_OPTIONS,
  out: { type: 'string' },
  id: { type: 'string' },
  title: { type: 'string' },
  version: { type: 'string' },
  created: { type: 'string' },
  'given-names': { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface BuildArgs {
  request: BuildRequest;
  quiet: boolean;
}

/** Flagged inputs kind by kind (each kind in the order given), then bare paths by their sniffed kind. */
function inputsOf(values: Record<string, unknown>, positionals: readonly string[]): PackInput[] {
  const inputs: PackInput[] = [];
  for (const kind of INPUT_KINDS) {
    const paths = values[kind];
    if (Array.isArray(paths)) for (const path of paths) inputs.push({ kind, path: String(path) });
  }
  for (const path of positionals) inputs.push({ kind: sniffInput(path), path });
  return inputs;
}

export function parseBuildArgs(argv: readonly string[]): BuildArgs {
  const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
  if (!values.out) throw new Error('build: --out DIR is required');
  const id = values.id ?? 'pack';
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(id)) throw new Error(`build: --id "${id}" must match [a-z0-9._-]`);
  if (values.created && !/^\d{4}-\d{2}-\d{2}$/.test(values.created))
    throw new Error(`build: --created "${values.created}" must be YYYY-MM-DD`);
  const inputs = inputsOf(values, positionals);
  if (inputs.length === 0) throw new Error('build: no inputs; see --help');
  return {
    request: {
      out: values.out,
      inputs,
      id,
      title: values.title ?? `Backstory pack ${id}`,
      version: values.version,
      created: values.created,
      givenNames: values['given-names'] ?? false,
    },
    quiet: values.quiet ?? false,
  };
}

export function describeInputs(inputs: readonly PackInput[]): string[] {
  return inputs.map((i) => `  ${i.kind.padEnd(16)} ${/^https?:/.test(i.path) ? i.path : basename(i.path)}`);
}
