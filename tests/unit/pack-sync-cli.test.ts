/**
 * The publisher's side of sync: `packs delta`, `packs index`, `packs keygen` and `packs sign`, and then
 * the whole loop over real HTTP: the source they make, served by `packs serve`, synced by the engine into
 * an in-memory store (first the full pack, then the delta, then a 304). The records are fictional.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Entity } from '../../core/model';
import { parseNdjson } from '../../core/pack/pack-schema';
import { parseSourceIndex } from '../../core/sync/source-index-schema';
import { syncSource } from '../../core/sync/sync-engine';
import { buildDelta } from '../../scripts/lib/cli/delta';
import { writeSourceIndex } from '../../scripts/lib/cli/publish-index';
import { startPackServer } from '../../scripts/lib/cli/serve';
import { generateKeyPair, signIndex } from '../../scripts/lib/cli/sign';
import { writePack } from '../../scripts/lib/write-pack';
import { runPacks } from '../../scripts/packs';
import { MemoryPackStore } from './support/memory-pack-store';

const tmp = mkdtempSync(join(tmpdir(), 'backstory-sync-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const entity = (id: string, name: string, description?: string): Entity => ({
  id,
  kind: 'person',
  name,
  aliases: [],
  roles: [],
  sources: [{ url: `https://example.org/people/${id}` }],
  ...(description ? { description } : {}),
});

function pack(dir: string, version: string, created: string, entities: Entity[]): string {
  writePack(dir, {
    entities,
    statements: [],
    figures: [],
    tombstones: [],
    manifest: {
      id: 'demo',
      version,
      created,
      title: 'Demo pack',
      sources: [{ name: 'fictional', licence: 'CC0-1.0' }],
    },
  });
  return dir;
}

const filler = Array.from({ length: 40 }, (_, i) =>
  entity(`fill:${String(i).padStart(2, '0')}`, `Filler ${i}`),
);
const V1 = [
  entity('ex:a', 'Ada Example'),
  entity('ex:b', 'Bea Example'),
  entity('ex:c', 'Cy Example'),
  ...filler,
];
const V2 = [
  entity('ex:a', 'Ada Example', 'changed in v2'),
  entity('ex:b', 'Bea Example'),
  entity('ex:d', 'Di Example'),
  ...filler,
];

function source(name: string) {
  const root = join(tmp, name);
  pack(join(root, 'full', 'v1'), 'v1', '2026-01-01', V1);
  pack(join(root, 'full', 'v2'), 'v2', '2026-01-02', V2);
  return root;
}

describe('packs delta', () => {
  it('holds changed and new records, and tombstones for removed ones, deterministically', async () => {
    const root = source('delta');
    const out = join(root, 'deltas', 'v1--v2');
    const result = await buildDelta(join(root, 'full', 'v1'), join(root, 'full', 'v2'), out);
    expect([result.changed, result.removed]).toEqual([2, 1]);
    expect(result.manifest).toMatchObject({
      id: 'demo',
      version: 'v2',
      delta: { from: 'v1' },
      created: '2026-01-02',
    });
    const text = readFileSync(join(out, 'records.ndjson'), 'utf8');
    expect(parseNdjson(text, 'records.ndjson').map((r) => `${r.type} ${r.id}`)).toEqual([
      'entity ex:a',
      'entity ex:d',
      'tombstone ex:c',
    ]);
    expect(text.split('\n')[2]).toBe(
      '{"type":"tombstone","id":"ex:c","target":"entity","date":"2026-01-02","reason":"not in version v2 of pack demo","source":{"dataset":"Backstory pack demo v2","record":"ex:c"}}',
    );
    const again = join(root, 'again');
    await buildDelta(join(root, 'full', 'v1'), join(root, 'full', 'v2'), again);
    for (const file of ['records.ndjson', 'manifest.json'])
      expect(readFileSync(join(again, file))).toEqual(readFileSync(join(out, file)));
    await expect(runPacks(['validate', out], { log: () => undefined })).resolves.toBeNull();
  });

  it('refuses two versions of different packs, and the same version twice', async () => {
    const root = source('refuse');
    const other = join(root, 'other');
    writePack(other, {
      entities: V1,
      statements: [],
      figures: [],
      tombstones: [],
      manifest: { id: 'other', version: 'v9', created: '2026-01-01', title: 'x', sources: [] },
    });
    await expect(buildDelta(join(root, 'full', 'v1'), other, join(root, 'o'))).rejects.toThrow(
      'are different packs',
    );
    await expect(
      buildDelta(join(root, 'full', 'v1'), join(root, 'full', 'v1'), join(root, 'o')),
    ).rejects.toThrow('both packs are version "v1"');
  });
});

describe('packs index', () => {
  it('lists the newest full pack and every delta with their files', async () => {
    const root = source('index');
    await buildDelta(join(root, 'full', 'v1'), join(root, 'full', 'v2'), join(root, 'deltas', 'v1--v2'));
    const { index } = await writeSourceIndex(root);
    const written = parseSourceIndex(JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')));
    expect(written).toEqual(index);
    expect(index.packId).toBe('demo');
    expect(index.latest.version).toBe('v2');
    expect(index.latest.path).toBe('full/v2/');
    expect(index.latest.files.map((f) => f.path)).toEqual(['manifest.json', 'records.ndjson']);
    expect(index.latest.files[0]?.bytes).toBe(statSync(join(root, 'full', 'v2', 'manifest.json')).size);
    expect(index.deltas).toEqual([expect.objectContaining({ from: 'v1', to: 'v2', path: 'deltas/v1--v2/' })]);
  });

  it('asks which version is latest when two full packs share a date, and honours --latest', async () => {
    const root = join(tmp, 'tie');
    pack(join(root, 'a'), 'a', '2026-01-01', V1);
    pack(join(root, 'b'), 'b', '2026-01-01', V2);
    await expect(writeSourceIndex(root)).rejects.toThrow('name the latest with --latest VERSION');
    expect((await writeSourceIndex(root, { latest: 'a' })).index.latest.version).toBe('a');
  });

  it('removes a signature the new index would not match', async () => {
    const root = source('stale');
    writeFileSync(join(root, 'index.json.sig'), 'old');
    const { notes } = await writeSourceIndex(root);
    expect(() => statSync(join(root, 'index.json.sig'))).toThrow();
    expect(notes[0]).toMatch(/^removed the stale index\.json\.sig/);
  });
});

describe('packs keygen and sign', () => {
  it('writes a key pair, refuses to overwrite it, and signs the index with it', async () => {
    const root = source('signed');
    await writeSourceIndex(root);
    const keys = await generateKeyPair(join(tmp, 'keys'));
    expect(Buffer.from(keys.publicKey, 'base64')).toHaveLength(32);
    expect(statSync(keys.privateKeyPath).mode & 0o777).toBe(0o600);
    await expect(generateKeyPair(join(tmp, 'keys'))).rejects.toThrow('exists; move it away first');
    const signed = await signIndex(root, keys.privateKeyPath);
    expect(signed.publicKey).toBe(keys.publicKey);
    expect(Buffer.from(readFileSync(signed.signaturePath, 'utf8').trim(), 'base64')).toHaveLength(64);
  });

  it('runs through the CLI entry point', async () => {
    const lines: string[] = [];
    await runPacks(['keygen', '--out', join(tmp, 'cli-keys')], { log: (l) => lines.push(l) });
    expect(lines.at(-1)).toMatch(/^pin this public key when adding the source: [A-Za-z0-9+/]{43}=$/);
  });
});

describe('a source made by the CLI, served and synced', () => {
  it('installs the full pack, then the delta, then gets a 304, all over HTTP', async () => {
    const root = source('loop');
    const store = new MemoryPackStore();
    // The private key stays outside the served folder.
    const keys = await generateKeyPair(join(tmp, 'loop-keys'));
    const server = await startPackServer(root, 0);
    try {
      const deps = {
        fetch: (url: string, init: RequestInit) => fetch(url, init),
        isOnline: () => true,
        store,
      };
      const input = { url: server.url, publicKey: keys.publicKey };
      // Only v1 is published at first.
      await writeSourceIndex(root, { latest: 'v1' });
      await signIndex(root, keys.privateKeyPath);
      expect(await syncSource(input, deps)).toMatchObject({ status: 'updated', version: 'v1', kind: 'full' });

      await buildDelta(join(root, 'full', 'v1'), join(root, 'full', 'v2'), join(root, 'deltas', 'v1--v2'));
      await writeSourceIndex(root);
      await signIndex(root, keys.privateKeyPath);
      const delta = await syncSource(input, deps);
      expect(delta).toMatchObject({
        status: 'updated',
        from: 'v1',
        version: 'v2',
        kind: 'deltas',
        records: 43,
      });
      expect(store.ids('demo').filter((id) => id.startsWith('ex:'))).toEqual(['ex:a', 'ex:b', 'ex:d']);

      if (delta.status !== 'updated') throw new Error('no update');
      const previous = { packId: 'demo', version: 'v2', validators: delta.validators };
      expect(await syncSource({ ...input, previous }, deps)).toMatchObject({
        status: 'unchanged',
        version: 'v2',
      });
    } finally {
      await server.close();
    }
  });
});
