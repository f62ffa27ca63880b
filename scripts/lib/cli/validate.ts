/**
 * `packs validate DIR`: the checks the extension makes before importing a pack, run from the command line.
 * The manifest is validated, each file's size and sha256 compared, and every NDJSON line parsed with the
 * runtime schema, streamed so a large pack is never held in memory.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackRecord } from '../../../core/model';
import { PackValidationError, parseManifest, parseRecordLine } from '../../../core/pack/pack-schema';
import { readLines } from '../readers/lines';

export interface ValidateResult {
  records: Record<PackRecord['type'], number>;
  files: number;
}

async function fileDigest(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export async function validatePack(dir: string): Promise<ValidateResult> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  } catch {
    throw new PackValidationError('manifest.json', null, 'missing or not valid JSON');
  }
  const manifest = parseManifest(json);
  const records: ValidateResult['records'] = { entity: 0, statement: 0, figure: 0, tombstone: 0 };
  for (const file of manifest.files) {
    const path = join(dir, file.path);
    const { sha256, bytes } = await fileDigest(path);
    if (bytes !== file.bytes)
      throw new PackValidationError(file.path, null, `${bytes} bytes, manifest says ${file.bytes}`);
    if (sha256 !== file.sha256)
      throw new PackValidationError(file.path, null, 'sha256 differs from the manifest');
    if (!file.path.endsWith('.ndjson')) continue;
    for await (const line of readLines(path)) {
      if (line.text.trim()) records[parseRecordLine(line.text, file.path, line.number).type]++;
    }
  }
  return { records, files: manifest.files.length };
}
