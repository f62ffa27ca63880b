/**
 * Streams a text file line by line, gunzipping `.gz` input (detected by its magic bytes, not only its
 * name), so a multi-GB dump is never held in memory: only the current line is.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface Line {
  /** 1-based line number, for error messages. */
  number: number;
  text: string;
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

async function textStream(path: string): Promise<Readable> {
  const raw = createReadStream(path);
  if (!(await isGzip(path))) return raw;
  const gunzip = createGunzip();
  // `pipe` does not forward a read error; without this a failing disk would look like a short file.
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}

/** Every line of the file, in order, without its line ending. */
export async function* readLines(path: string): AsyncGenerator<Line> {
  const lines = createInterface({ input: await textStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  for await (const text of lines) {
    number++;
    yield { number, text };
  }
}
