/**
 * One sync of one source against an in-memory store and a fake server: full and delta updates, 304s,
 * retries, and every fault that must leave the store exactly as it was, naming the source, file and
 * reason.
 */
import { describe, expect, it } from 'vitest';
import { type SyncResult, syncSource } from '../../core/sync/sync-engine';
import { BASE, FakeHttp } from './support/fake-http';
import { MemoryPackStore } from './support/memory-pack-store';
import { buildSource, person, signingKey, tombstone, utf8 } from './support/sync-source-fixture';

/** Records every version shares, so a full pack costs more bytes than a delta, as in real sources. */
const FILLER = Array.from({ length: 30 }, (_, i) =>
  person(`fill:${String(i).padStart(2, '0')}`, `Filler ${i}`),
);
const V1 = [
  person('ex:a', 'Ada Example'),
  person('ex:b', 'Bea Example'),
  person('ex:c', 'Cy Example'),
  ...FILLER,
];
const V2 = [
  person('ex:a', 'Ada Example', 'changed in v2'),
  person('ex:b', 'Bea Example'),
  person('ex:d', 'Di Example'),
  ...FILLER,
];
const V1_TO_V2 = [
  person('ex:a', 'Ada Example', 'changed in v2'),
  person('ex:d', 'Di Example'),
  tombstone('ex:c'),
];

function setup(options: { installed?: boolean } = {}) {
  const source = buildSource('test', { version: 'v2', records: V2 }, [
    { from: 'v1', version: 'v2', records: V1_TO_V2 },
  ]);
  const http = new FakeHttp(source.files);
  const store = new MemoryPackStore();
  if (options.installed) store.install('test', 'v1', V1);
  store.notes.set('ex:c', 'my note on Cy');
  const deps = { fetch: http.fetch, isOnline: () => true, store };
  return { source, http, store, deps };
}

/** The test's own ids visible in the store (the filler left out). */
const named = (store: MemoryPackStore) => store.ids('test').filter((id) => id.startsWith('ex:'));

function failure(result: SyncResult) {
  if (result.status !== 'failed') throw new Error(`expected a failure, got ${result.status}`);
  return result.error;
}

describe('syncSource', () => {
  it('installs the full pack when nothing is installed', async () => {
    const { http, store, deps } = setup();
    const result = await syncSource({ url: BASE }, deps);
    expect(result).toMatchObject({
      status: 'updated',
      packId: 'test',
      from: null,
      version: 'v2',
      kind: 'full',
    });
    expect(result.status === 'updated' && result.records).toBe(33);
    expect(named(store)).toEqual(['ex:a', 'ex:b', 'ex:d']);
    expect(http.paths).toEqual(['index.json', 'full/v2/manifest.json', 'full/v2/records.ndjson']);
  });

  it('applies a delta over the installed version: upserts change, tombstones delete', async () => {
    const { http, store, deps } = setup({ installed: true });
    const result = await syncSource({ url: BASE }, deps);
    expect(result).toMatchObject({ status: 'updated', from: 'v1', version: 'v2', kind: 'deltas', steps: 1 });
    expect(named(store)).toEqual(['ex:a', 'ex:b', 'ex:d']);
    const a = store.active.get('test')?.rows.get('ex:a');
    expect(a?.type === 'entity' && a.description).toBe('changed in v2');
    expect(http.paths).toEqual(['index.json', 'deltas/v1--v2/manifest.json', 'deltas/v1--v2/records.ndjson']);
  });

  it('never touches user notes, even when a tombstone withdraws the entity they are about', async () => {
    const { store, deps } = setup({ installed: true });
    await syncSource({ url: BASE }, deps);
    expect(named(store)).not.toContain('ex:c');
    expect(store.notes.get('ex:c')).toBe('my note on Cy');
  });

  it('sends the stored ETag and downloads nothing more on a 304', async () => {
    const { http, store, deps } = setup();
    const first = await syncSource({ url: BASE }, deps);
    if (first.status !== 'updated') throw new Error('first sync failed');
    const before = store.snapshot();
    const previous = { packId: first.packId, version: first.version, validators: first.validators };
    const second = await syncSource({ url: BASE, previous }, deps);
    expect(second).toEqual({
      status: 'unchanged',
      packId: 'test',
      version: 'v2',
      validators: first.validators,
    });
    expect(http.requests.at(-1)).toMatchObject({ path: 'index.json', status: 304 });
    expect(http.requests.at(-1)?.headers['If-None-Match']).toBe(first.validators.etag);
    expect(http.requests).toHaveLength(4);
    expect(store.snapshot()).toBe(before);
  });

  it('asks unconditionally when the store lost the version the validators describe', async () => {
    const { http, store, deps } = setup();
    const first = await syncSource({ url: BASE }, deps);
    if (first.status !== 'updated') throw new Error('first sync failed');
    store.active.clear();
    const previous = { packId: 'test', version: 'v2', validators: first.validators };
    const again = await syncSource({ url: BASE, previous }, deps);
    expect(again).toMatchObject({ status: 'updated', version: 'v2' });
    expect(http.requests[3]?.headers['If-None-Match']).toBeUndefined();
  });

  it('reports unchanged without downloading packs when the installed version is the latest', async () => {
    const { http, store, deps } = setup();
    store.install('test', 'v2', V2);
    expect(await syncSource({ url: BASE }, deps)).toMatchObject({ status: 'unchanged', version: 'v2' });
    expect(http.paths).toEqual(['index.json']);
  });

  it('refuses a version created before the installed one (a rollback or a replayed index)', async () => {
    const old = buildSource('test', { version: 'v0', records: V1, created: '2025-12-31' });
    const http = new FakeHttp(old.files);
    const store = new MemoryPackStore();
    store.install('test', 'v1', V1, '2026-01-02');
    const before = store.snapshot();
    const result = await syncSource({ url: BASE }, { fetch: http.fetch, isOnline: () => true, store });
    expect(failure(result)).toEqual({
      source: BASE,
      file: 'full/v0/manifest.json',
      reason:
        'version v0 was created on 2025-12-31, before the installed version (2026-01-02); a source may not roll a pack back',
      retryable: false,
    });
    expect(store.calls).toEqual([]);
    expect(store.snapshot()).toBe(before);
  });

  it('takes a version created on the same day as the installed one, or later', async () => {
    for (const created of ['2026-01-02', '2026-03-01']) {
      const next = buildSource('test', { version: 'v3', records: V2, created });
      const http = new FakeHttp(next.files);
      const store = new MemoryPackStore();
      store.install('test', 'v1', V1, '2026-01-02');
      const result = await syncSource({ url: BASE }, { fetch: http.fetch, isOnline: () => true, store });
      expect(result).toMatchObject({ status: 'updated', version: 'v3', kind: 'full' });
    }
  });

  it('makes no request at all while offline', async () => {
    const { http, deps } = setup();
    expect(await syncSource({ url: BASE }, { ...deps, isOnline: () => false })).toEqual({
      status: 'offline',
    });
    expect(http.requests).toHaveLength(0);
  });

  it('reports a 500 as retryable, leaves the store alone, and succeeds on the retry', async () => {
    const { http, store, deps } = setup({ installed: true });
    const before = store.snapshot();
    http.fail('deltas/v1--v2/records.ndjson', { status: 500 });
    const error = failure(await syncSource({ url: BASE }, deps));
    expect(error).toEqual({
      source: BASE,
      file: 'deltas/v1--v2/records.ndjson',
      reason: 'HTTP 500',
      retryable: true,
    });
    expect(store.snapshot()).toBe(before);
    expect(await syncSource({ url: BASE }, deps)).toMatchObject({ status: 'updated', version: 'v2' });
  });

  it('reports a network error on the index as retryable', async () => {
    const { http, deps } = setup();
    http.fail('index.json', { network: 'Failed to fetch' });
    expect(failure(await syncSource({ url: BASE }, deps))).toMatchObject({
      file: 'index.json',
      reason: 'network error: Failed to fetch',
      retryable: true,
    });
  });

  it('refuses a truncated file and keeps the installed version', async () => {
    const { http, store, deps } = setup({ installed: true });
    const before = store.snapshot();
    const full = http.files.get('deltas/v1--v2/records.ndjson') ?? new Uint8Array();
    http.files.set('deltas/v1--v2/records.ndjson', full.subarray(0, full.length - 20));
    const error = failure(await syncSource({ url: BASE }, deps));
    expect(error.file).toBe('deltas/v1--v2/records.ndjson');
    expect(error.reason).toBe(`truncated: ${full.length - 20} of the ${full.length} bytes declared`);
    expect(error.retryable).toBe(false);
    expect(store.snapshot()).toBe(before);
    expect(store.calls).toEqual([]);
  });

  it('refuses a file whose sha256 differs from the index', async () => {
    const { http, store, deps } = setup();
    const good = http.files.get('full/v2/records.ndjson') ?? new Uint8Array();
    const bad = new Uint8Array(good);
    bad[10] = (bad[10] ?? 0) ^ 1;
    http.files.set('full/v2/records.ndjson', bad);
    const error = failure(await syncSource({ url: BASE }, deps));
    expect(error.file).toBe('full/v2/records.ndjson');
    expect(error.reason).toMatch(/^sha256 [0-9a-f]{64} differs from the declared [0-9a-f]{64}$/);
    expect(store.snapshot()).toBe(JSON.stringify({ packs: [], notes: [['ex:c', 'my note on Cy']] }));
  });

  it('refuses an invalid record in the middle of a file, naming file and line, and discards the stage', async () => {
    // Sizes and sha256 match: only the record itself is wrong.
    const broken = [
      person('ex:a', 'Ada Example'),
      { ...person('ex:b', 'Bea Example'), sources: [] },
      person('ex:d', 'D'),
    ];
    const http = new FakeHttp(buildSource('test', { version: 'v2', records: broken }).files);
    const store = new MemoryPackStore();
    store.install('test', 'v1', V1);
    const before = store.snapshot();
    const result = await syncSource({ url: BASE }, { fetch: http.fetch, isOnline: () => true, store });
    expect(failure(result)).toMatchObject({
      source: BASE,
      file: 'full/v2/records.ndjson',
      line: 2,
      retryable: false,
    });
    expect(failure(result).reason).toMatch(/^sources: needs at least one source/);
    expect(store.snapshot()).toBe(before);
    expect(store.staged.size).toBe(0);
  });

  it('refuses a whole delta chain when one step holds an invalid record, before staging anything', async () => {
    const source = buildSource('test', { version: 'v3', records: V2 }, [
      { from: 'v1', version: 'v2', records: V1_TO_V2 },
      { from: 'v2', version: 'v3', records: [person('ex:e', 'E'), person('ex:f', '')] },
    ]);
    const http = new FakeHttp(source.files);
    const store = new MemoryPackStore();
    store.install('test', 'v1', V1);
    const result = await syncSource({ url: BASE }, { fetch: http.fetch, isOnline: () => true, store });
    expect(failure(result)).toMatchObject({ file: 'deltas/v2--v3/records.ndjson', line: 2 });
    expect(store.calls).toEqual([]);
    expect(named(store)).toEqual(['ex:a', 'ex:b', 'ex:c']);
  });

  it('follows a chain of deltas and installs the composed result in one activation', async () => {
    const source = buildSource('test', { version: 'v3', records: V2 }, [
      { from: 'v1', version: 'v2', records: V1_TO_V2 },
      { from: 'v2', version: 'v3', records: [tombstone('ex:d'), person('ex:c', 'Cy Example', 'back in v3')] },
    ]);
    const http = new FakeHttp(source.files);
    const store = new MemoryPackStore();
    store.install('test', 'v1', V1);
    const result = await syncSource({ url: BASE }, { fetch: http.fetch, isOnline: () => true, store });
    expect(result).toMatchObject({ status: 'updated', from: 'v1', version: 'v3', steps: 2 });
    expect(named(store)).toEqual(['ex:a', 'ex:b', 'ex:c']);
    const c = store.active.get('test')?.rows.get('ex:c');
    expect(c?.type === 'entity' && c.description).toBe('back in v3');
    expect(store.calls).toEqual(['stage test@v3', 'activate test@v3']);
    expect(http.paths.filter((p) => p.startsWith('full/'))).toEqual([]);
  });

  it('verifies the index signature with the pinned key', async () => {
    const { source, http, store, deps } = setup();
    const key = await signingKey();
    http.files.set('index.json.sig', utf8(`${await key.sign(source.indexBytes)}\n`));
    expect(await syncSource({ url: BASE, publicKey: key.publicKey }, deps)).toMatchObject({
      status: 'updated',
    });
    expect(named(store)).toEqual(['ex:a', 'ex:b', 'ex:d']);
  });

  it('refuses an index signed by another key, before reading any pack file', async () => {
    const { source, http, store, deps } = setup({ installed: true });
    const before = store.snapshot();
    const [pinned, other] = [await signingKey(), await signingKey()];
    http.files.set('index.json.sig', utf8(await other.sign(source.indexBytes)));
    const error = failure(await syncSource({ url: BASE, publicKey: pinned.publicKey }, deps));
    expect(error).toEqual({
      source: BASE,
      file: 'index.json.sig',
      reason: 'the signature does not match the pinned public key',
      retryable: false,
    });
    expect(http.paths).toEqual(['index.json', 'index.json.sig']);
    expect(store.snapshot()).toBe(before);
  });

  it('refuses an index changed after it was signed', async () => {
    const { source, http, deps } = setup();
    const key = await signingKey();
    http.files.set('index.json.sig', utf8(await key.sign(source.indexBytes)));
    http.files.set('index.json', utf8(new TextDecoder().decode(source.indexBytes).replace('"v2"', '"v2 "')));
    expect(failure(await syncSource({ url: BASE, publicKey: key.publicKey }, deps)).file).toBe(
      'index.json.sig',
    );
  });

  it('refuses a missing signature when a key is pinned', async () => {
    const { deps } = setup();
    const key = await signingKey();
    expect(failure(await syncSource({ url: BASE, publicKey: key.publicKey }, deps))).toMatchObject({
      file: 'index.json.sig',
      reason: 'HTTP 404',
      retryable: false,
    });
  });

  it('refuses an index that does not match the schema, naming the field', async () => {
    const { http, deps } = setup();
    http.files.set(
      'index.json',
      utf8(
        JSON.stringify({
          formatVersion: 1,
          packId: 'test',
          latest: { version: 'v2', path: '../x/', files: [] },
          deltas: [],
        }),
      ),
    );
    const error = failure(await syncSource({ url: BASE }, deps));
    expect(error.file).toBe('index.json');
    expect(error.reason).toContain('latest.path: must be a relative folder');
  });

  it('refuses a manifest that names another pack than the index', async () => {
    const source = buildSource('other', { version: 'v2', records: V2 });
    const index = buildSource('test', { version: 'v2', records: V2 });
    const files = new Map(index.files);
    files.set('full/v2/manifest.json', source.files.get('full/v2/manifest.json') ?? new Uint8Array());
    // The index pins the other manifest's bytes, so only the pack id is wrong.
    const pinned = { ...index.index, latest: { ...index.index.latest, files: source.index.latest.files } };
    files.set('index.json', utf8(JSON.stringify(pinned)));
    const http = new FakeHttp(files);
    const error = failure(
      await syncSource(
        { url: BASE },
        { fetch: http.fetch, isOnline: () => true, store: new MemoryPackStore() },
      ),
    );
    expect(error).toMatchObject({
      file: 'full/v2/manifest.json',
      reason: 'pack "other", but the index publishes "test"',
    });
  });

  it('discards the stage when activation fails, and the old version stays', async () => {
    const { store, deps } = setup({ installed: true });
    const before = store.snapshot();
    store.failActivate = new Error('QuotaExceededError');
    const error = failure(await syncSource({ url: BASE }, deps));
    expect(error).toMatchObject({
      file: 'deltas/v1--v2/',
      reason: 'the database refused the update: QuotaExceededError',
      retryable: true,
    });
    expect(store.calls).toEqual(['stage test@v2', 'activate test@v2', 'discard test@v2']);
    expect(store.snapshot()).toBe(before);
  });

  it('does not activate a delta when another version was installed while it was staged', async () => {
    const { store, deps } = setup({ installed: true });
    const stage = store.stage.bind(store);
    store.stage = async (...args) => {
      const handle = await stage(...args);
      store.install('test', 'v1-local', V1);
      return handle;
    };
    const error = failure(await syncSource({ url: BASE }, deps));
    expect(error).toMatchObject({
      reason: 'the installed version changed to "v1-local" during the sync',
      retryable: true,
    });
    expect(store.calls).toEqual(['stage test@v2', 'discard test@v2']);
    expect(store.active.get('test')?.version).toBe('v1-local');
  });

  it('reports download and install progress', async () => {
    const { deps } = setup();
    const seen: string[] = [];
    await syncSource(
      { url: BASE },
      { ...deps, onProgress: (p) => seen.push(`${p.phase} ${p.done}/${p.total}`) },
    );
    const installing = seen.filter((s) => s.startsWith('installing'));
    expect(installing).toHaveLength(33);
    expect(installing.at(-1)).toBe('installing 33/33');
    expect(seen.filter((s) => s.startsWith('downloading'))).toHaveLength(2);
  });
});
