/**
 * The sync source commands of `npm run packs`: `serve`, `keygen`, `sign`, `delta` and `index`
 * (docs/sync.md). Each parses its own arguments and prints what it wrote.
 */
import { buildDelta, parseDeltaArgs } from './delta';
import { parseIndexArgs, writeSourceIndex } from './publish-index';
import { parseServeArgs, startPackServer } from './serve';
import { generateKeyPair, parseKeygenArgs, parseSignArgs, signIndex } from './sign';

export const SYNC_COMMANDS: ReadonlySet<string> = new Set(['serve', 'keygen', 'sign', 'delta', 'index']);

export async function runSyncCommand(
  command: string,
  argv: readonly string[],
  io: { log: (line: string) => void },
): Promise<void> {
  switch (command) {
    case 'serve': {
      const { dir, port } = parseServeArgs(argv);
      const server = await startPackServer(dir, port);
      io.log(`serving ${dir} at ${server.url} (Ctrl-C stops)`);
      return;
    }
    case 'keygen': {
      const keys = await generateKeyPair(parseKeygenArgs(argv).out);
      io.log(`private key: ${keys.privateKeyPath} (keep it secret)`);
      io.log(`public key:  ${keys.publicKeyPath}`);
      io.log(`pin this public key when adding the source: ${keys.publicKey}`);
      return;
    }
    case 'sign': {
      const { dir, key } = parseSignArgs(argv);
      const signed = await signIndex(dir, key);
      io.log(`wrote ${signed.signaturePath}, signed by public key ${signed.publicKey}`);
      return;
    }
    case 'delta': {
      const { from, to, out } = parseDeltaArgs(argv);
      const delta = await buildDelta(from, to, out);
      const file = delta.manifest.files[0];
      io.log(
        `${out}: delta ${delta.manifest.delta.from} → ${delta.manifest.version}, ${delta.changed} records added or changed, ${delta.removed} removed; ${file?.bytes} bytes, sha256 ${file?.sha256}`,
      );
      return;
    }
    case 'index': {
      const { dir, latest } = parseIndexArgs(argv);
      const { index, notes } = await writeSourceIndex(dir, latest === undefined ? {} : { latest });
      io.log(
        `${dir}/index.json: pack ${index.packId}, latest ${index.latest.version}, ${index.deltas.length} deltas`,
      );
      for (const note of notes) io.log(`note: ${note}`);
      return;
    }
    default:
      throw new Error(`unknown command "${command}"; see --help`);
  }
}
