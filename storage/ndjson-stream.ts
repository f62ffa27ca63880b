/**
 * One pack file's bytes as they arrive → its lines, with the size and sha256 the manifest declares
 * checked at the end.
 *
 * Why the checksum comes last: SubtleCrypto has no incremental digest, and the project takes no hashing
 * library. The raw bytes are copied, as they arrive, into one buffer of the declared size (allocated once,
 * so a file longer than declared is refused at the chunk that overflows it) and hashed when the body ends.
 * Memory is therefore one copy of the file's bytes, not the decoded text and every parsed record as
 * before. Lines are handed on before the hash is known; that is safe because the caller stages them under
 * an install key no reader sees, and a mismatch throws, which discards the stage. A pack too big for one
 * buffer can be split over several NDJSON files: memory is bounded by the largest.
 */
import type { PackFile } from '../core/model';
import { PackValidationError } from '../core/pack/pack-schema';

/** The largest single file read (1 GiB); larger packs must split their records over several files. */
export const MAX_FILE_BYTES = 1 << 30;

export interface NumberedLine {
  /** 1-based, for error messages. */
  number: number;
  text: string;
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The non-blank lines of `body`, a chunk of lines per chunk of bytes received. Throws a
 * PackValidationError naming the file when the size or the sha256 differs from `file`, or the bytes are
 * not UTF-8. Cancels the body when the consumer stops early.
 */
export async function* verifiedLines(
  body: ReadableStream<Uint8Array>,
  file: PackFile,
): AsyncGenerator<NumberedLine[]> {
  if (file.bytes > MAX_FILE_BYTES)
    throw new PackValidationError(file.path, null, `${file.bytes} bytes, more than one file may hold`);
  const bytes = new Uint8Array(file.bytes);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const reader = body.getReader();
  let received = 0;
  let number = 0;
  let rest = '';
  const split = (text: string, final: boolean): NumberedLine[] => {
    const parts = text.split('\n');
    rest = final ? '' : (parts.pop() ?? '');
    const lines: NumberedLine[] = [];
    for (const part of parts) {
      number++;
      const trimmed = part.trim();
      if (trimmed) lines.push({ number, text: trimmed });
    }
    return lines;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (received + value.byteLength > file.bytes)
        throw new PackValidationError(
          file.path,
          null,
          `size differs from manifest (more than ${file.bytes} bytes)`,
        );
      bytes.set(value, received);
      received += value.byteLength;
      yield split(rest + decode(decoder, value, file, true), false);
    }
    const tail = rest + decode(decoder, undefined, file, false);
    if (received !== file.bytes)
      throw new PackValidationError(
        file.path,
        null,
        `size differs from manifest (${received} of ${file.bytes} bytes)`,
      );
    if ((await sha256Hex(bytes)) !== file.sha256)
      throw new PackValidationError(file.path, null, 'sha256 mismatch');
    const last = split(tail, true);
    if (last.length) yield last;
  } finally {
    // Stops the download when the consumer gave up (a bad line) or the checks failed.
    await reader.cancel().catch(() => undefined);
  }
}

function decode(
  decoder: TextDecoder,
  chunk: Uint8Array | undefined,
  file: PackFile,
  stream: boolean,
): string {
  try {
    return decoder.decode(chunk, { stream });
  } catch {
    throw new PackValidationError(file.path, null, 'not UTF-8 text');
  }
}
