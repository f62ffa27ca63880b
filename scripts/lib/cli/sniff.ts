/**
 * What a bare input path is, from its shape: a folder laid out like ../shared/datasets, a URL, or a file
 * told apart by its name and its first bytes. Anything ambiguous is an error asking for a flag, never a
 * guess.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { InputKind } from '../build/inputs';
import { SEED_FILE } from '../read-seed';

const HEAD_BYTES = 64 * 1024;

function head(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function sniffJson(text: string): InputKind | null {
  if (/"@type"\s*:\s*"(?:ClaimReview|DataFeed)"/.test(text)) return 'claimreview';
  // A dump's entities start with their type and id; a Popolo file has top-level people and memberships.
  if (/^\s*\[?\s*\{"type":"(?:item|property|lexeme)","id":"[A-Z]\d+"/.test(text)) return 'wikidata';
  if (/"(?:persons|memberships)"\s*:\s*\[/.test(text)) return 'popolo';
  return null;
}

export function sniffInput(path: string): InputKind {
  if (/^https?:\/\//i.test(path)) return 'article';
  if (!existsSync(path)) throw new Error(`${path}: no such file or folder`);
  if (statSync(path).isDirectory()) {
    if (existsSync(join(path, 'us-congress-legislators'))) return 'datasets';
    throw new Error(`${path}: a folder, but not laid out like ../shared/datasets`);
  }
  const name = basename(path).toLowerCase();
  if (name.endsWith('.gz')) return 'wikidata';
  if (name === SEED_FILE) return 'seed';
  const text = head(path);
  if (/\.html?$/.test(name)) return sniffJson(text) === 'claimreview' ? 'claimreview' : 'article';
  if (/\.(?:json|jsonld|ndjson)$/.test(name)) {
    const kind = sniffJson(text);
    if (kind) return kind;
  }
  throw new Error(
    `${path}: cannot tell what this input is; name it with a flag (--wikidata, --popolo, --claimreview, --article, --articles, …)`,
  );
}
