/**
 * Sync sources built in memory for the tests: pack files with their manifests, `index.json` listing the
 * latest full pack and the deltas, and an Ed25519 signature. The records are fictional and say so: every
 * source URL is under example.org.
 */
import { createHash } from 'node:crypto';
import type { Entity, PackRecord, Tombstone } from '../../../core/model';
import type { IndexFile, SourceIndex } from '../../../core/sync/source-index-schema';

export const utf8 = (text: string) => new TextEncoder().encode(text);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A fictional person, sourced to an example.org page. */
export function person(id: string, name: string, description?: string): PackRecord {
  const entity: Entity = {
    id,
    kind: 'person',
    name,
    aliases: [],
    roles: [],
    sources: [{ url: `https://example.org/people/${id}` }],
    ...(description ? { description } : {}),
  };
  return { type: 'entity', ...entity };
}

export function tombstone(id: string): PackRecord {
  const t: Tombstone = {
    id,
    target: 'entity',
    date: '2026-01-02',
    reason: 'withdrawn in a test',
    source: { url: `https://example.org/corrections/${id}` },
  };
  return { type: 'tombstone', ...t };
}

export const ndjson = (records: readonly PackRecord[]) =>
  records.map((r) => `${JSON.stringify(r)}\n`).join('');

export interface EntrySpec {
  version: string;
  /** For a delta: the version it applies to. */
  from?: string;
  records: readonly PackRecord[];
  /** Replaces records.ndjson's bytes after the manifest and index are computed (a corrupt server). */
  served?: string;
  /** The manifest's `created` date; 2026-01-02 unless given. */
  created?: string;
}

export interface BuiltSource {
  /** Path below the base URL → bytes. */
  files: Map<string, Uint8Array>;
  index: SourceIndex;
  indexBytes: Uint8Array;
}

function entryFolder(spec: EntrySpec): string {
  return spec.from ? `deltas/${spec.from}--${spec.version}/` : `full/${spec.version}/`;
}

function addEntry(files: Map<string, Uint8Array>, packId: string, spec: EntrySpec): IndexFile[] {
  const folder = entryFolder(spec);
  const records = utf8(ndjson(spec.records));
  const recordsFile = {
    path: 'records.ndjson',
    sha256: sha256(records),
    bytes: records.length,
    records: spec.records.length,
  };
  const manifest = {
    formatVersion: 2,
    id: packId,
    version: spec.version,
    ...(spec.from ? { delta: { from: spec.from } } : {}),
    created: spec.created ?? '2026-01-02',
    title: `Test pack ${packId}`,
    sources: [{ name: 'fictional test records', licence: 'CC0-1.0' }],
    files: [recordsFile],
  };
  const manifestBytes = utf8(`${JSON.stringify(manifest, null, 2)}\n`);
  files.set(`${folder}manifest.json`, manifestBytes);
  files.set(`${folder}records.ndjson`, spec.served === undefined ? records : utf8(spec.served));
  return [{ path: 'manifest.json', sha256: sha256(manifestBytes), bytes: manifestBytes.length }, recordsFile];
}

export function buildSource(
  packId: string,
  latest: EntrySpec,
  deltas: readonly EntrySpec[] = [],
): BuiltSource {
  const files = new Map<string, Uint8Array>();
  const index: SourceIndex = {
    formatVersion: 1,
    packId,
    latest: { version: latest.version, path: entryFolder(latest), files: addEntry(files, packId, latest) },
    deltas: deltas.map((d) => ({
      from: d.from ?? '',
      to: d.version,
      path: entryFolder(d),
      files: addEntry(files, packId, d),
    })),
  };
  const indexBytes = utf8(`${JSON.stringify(index, null, 2)}\n`);
  files.set('index.json', indexBytes);
  return { files, index, indexBytes };
}

/** An Ed25519 key pair: the public key as the user pins it (base64 of 32 raw bytes), and a signer. */
export async function signingKey(): Promise<{
  publicKey: string;
  sign: (message: Uint8Array) => Promise<string>;
}> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return {
    publicKey: Buffer.from(raw).toString('base64'),
    sign: async (message) =>
      Buffer.from(
        await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, new Uint8Array(message)),
      ).toString('base64'),
  };
}
