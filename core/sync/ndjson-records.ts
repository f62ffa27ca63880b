/**
 * The records of a verified NDJSON file, parsed line by line with the pack schema. Lines are cut at the
 * newline byte and decoded one at a time (a UTF-8 multi-byte character never contains 0x0A), so a file of
 * hundreds of megabytes is never turned into one string. Any bad line refuses the file, naming the line.
 */
import type { PackRecord } from '../model';
import { PackValidationError, parseRecordLine } from '../pack/pack-schema';
import { fatal, type SyncFileRef } from './sync-error';

const NEWLINE = 0x0a;

/** Every record of `body`, in order; blank lines are skipped. Throws a fatal SyncError naming file:line. */
export function* ndjsonRecords(body: Uint8Array, ref: SyncFileRef): Generator<PackRecord> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 0;
  while (start < body.length) {
    const end = body.indexOf(NEWLINE, start);
    const stop = end === -1 ? body.length : end;
    line++;
    let text: string;
    try {
      text = decoder.decode(body.subarray(start, stop));
    } catch {
      throw fatal(ref, 'not valid UTF-8', line);
    }
    start = stop + 1;
    const raw = text.trim();
    if (!raw) continue;
    let record: PackRecord;
    try {
      record = parseRecordLine(raw, ref.file, line);
    } catch (error) {
      if (error instanceof PackValidationError) throw fatal(ref, error.reason, line);
      throw error;
    }
    yield record;
  }
}
