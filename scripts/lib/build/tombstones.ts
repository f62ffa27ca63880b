/**
 * Reads a tombstone input: NDJSON, one `{"type":"tombstone",…}` record a line, each validated with the
 * pack schema. A line that is not a tombstone, or has no source, stops the build with its file and line.
 */
import type { Tombstone } from '../../../core/model';
import { PackValidationError, parseRecordLine } from '../../../core/pack/pack-schema';
import { readLines } from '../readers/lines';

export async function readTombstones(path: string): Promise<Tombstone[]> {
  const out: Tombstone[] = [];
  for await (const line of readLines(path)) {
    if (!line.text.trim()) continue;
    const record = parseRecordLine(line.text, path, line.number);
    if (record.type !== 'tombstone')
      throw new PackValidationError(path, line.number, `expected a tombstone record, found "${record.type}"`);
    const { type: _type, ...tombstone } = record;
    out.push(tombstone);
  }
  return out;
}
