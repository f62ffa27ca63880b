/**
 * The background's sync runner against fake storage (wxt's fakeBrowser), fake-indexeddb and a fake pack
 * server: which sources it checks, that it asks nothing while offline, that a re-added source starts
 * afresh, that a sync a stopped worker left half-done runs again, and that it writes each source's state.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { INITIAL_SOURCE_STATE } from '../../core/sync/source-state';
import { ImportQueue } from '../../entrypoints/background/import-queue';
import { SyncRunner } from '../../entrypoints/background/sync-runner';
import {
  addSource,
  requestCheck,
  setCheckInterval,
  syncSourcesItem,
  syncStatesItem,
  writeSourceState,
} from '../../settings/sync-sources';
import { BackstoryDB } from '../../storage/db';
import { BASE, FakeHttp } from './support/fake-http';
import { buildSource, person } from './support/sync-source-fixture';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-03-02T10:00:00Z');

let db: BackstoryDB;
beforeEach(() => {
  fakeBrowser.reset();
  db = new BackstoryDB(`sync-runner-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await BackstoryDB.delete(db.name);
});

function setup(options: { online?: boolean; now?: number } = {}) {
  const source = buildSource('test', { version: 'v1', records: [person('ex:a', 'Ada Example')] });
  const http = new FakeHttp(source.files);
  let now = options.now ?? T0;
  let online = options.online ?? true;
  const runner = new SyncRunner(db, new ImportQueue(db), {
    fetch: http.fetch,
    isOnline: () => online,
    now: () => now,
    random: () => 0.5,
  });
  return {
    http,
    runner,
    advance: (ms: number) => {
      now += ms;
    },
    goOnline: () => {
      online = true;
    },
  };
}

const state = async () => (await syncStatesItem.getValue())[BASE];

describe('SyncRunner', () => {
  it('syncs a new source at once and writes its version, records and next check', async () => {
    await addSource(BASE, null, new Date(T0));
    const { runner, http } = setup();
    await runner.runDue();
    expect(http.paths).toEqual(['index.json', 'full/v1/manifest.json', 'full/v1/records.ndjson']);
    expect(await state()).toMatchObject({
      packId: 'test',
      version: 'v1',
      records: 1,
      lastSuccess: new Date(T0).toISOString(),
      nextCheck: new Date(T0 + DAY).toISOString(),
      error: null,
      progress: null,
    });
    expect(await runner.nextDue()).toBe(T0 + DAY);
  });

  it('checks nothing before the next check is due, unless the user asks or it is forced', async () => {
    await addSource(BASE, null, new Date(T0));
    const { runner, http, advance } = setup();
    await runner.runDue();
    const after = http.requests.length;
    advance(60_000);
    await runner.runDue();
    expect(http.requests.length).toBe(after);
    await requestCheck(BASE, new Date(T0 + 60_000));
    advance(1000);
    await runner.runDue();
    expect(http.requests.slice(after).map((r) => [r.path, r.status])).toEqual([['index.json', 304]]);
    await runner.runDue('all');
    expect(http.requests.length).toBe(after + 2);
  });

  it('asks nothing while the browser is offline, and backs off until it is online again', async () => {
    await addSource(BASE, null, new Date(T0));
    const { runner, http, goOnline, advance } = setup({ online: false });
    await runner.runDue('all');
    expect(http.requests).toEqual([]);
    expect(await state()).toMatchObject({ failures: 1, lastCheck: null, version: null });
    goOnline();
    advance(DAY);
    await runner.runDue();
    expect((await state())?.version).toBe('v1');
  });

  it('treats a source re-added after its last check as new: due at once, validators not sent', async () => {
    await addSource(BASE, null, new Date(T0 - DAY));
    await writeSourceState(BASE, () => ({
      ...INITIAL_SOURCE_STATE,
      packId: 'test',
      version: 'v0',
      lastCheck: new Date(T0 - DAY).toISOString(),
      nextCheck: new Date(T0 + DAY).toISOString(),
      validators: { etag: '"old"' },
      error: { source: BASE, file: 'index.json', reason: 'an old error', retryable: false },
    }));
    const { runner, http } = setup();
    await runner.runDue();
    expect(http.requests).toEqual([]);
    // Removed and added again (with a key pinned now, say): the old state belongs to the old listing.
    await syncSourcesItem.setValue([]);
    await addSource(BASE, null, new Date(T0));
    expect((await runner.status()).sources[0]).toMatchObject({ error: null, version: null });
    await runner.runDue();
    expect(http.requests[0]?.headers['If-None-Match']).toBeUndefined();
    expect((await state())?.version).toBe('v1');
  });

  it('runs again a sync that a stopped worker left showing progress', async () => {
    await addSource(BASE, null, new Date(T0 - DAY));
    await writeSourceState(BASE, () => ({
      ...INITIAL_SOURCE_STATE,
      lastCheck: new Date(T0 - DAY).toISOString(),
      nextCheck: new Date(T0 + DAY).toISOString(),
      progress: { phase: 'installing', done: 10, total: 20 },
    }));
    const { runner } = setup();
    await runner.resumeInterrupted();
    expect(await state()).toMatchObject({ progress: null, nextCheck: new Date(T0).toISOString() });
    await runner.runDue();
    expect(await state()).toMatchObject({ version: 'v1', progress: null, error: null });
  });

  it('moves the next regular check when the interval changes', async () => {
    await addSource(BASE, null, new Date(T0));
    const { runner } = setup();
    await runner.runDue();
    await setCheckInterval(60 * 60 * 1000);
    await runner.reschedule();
    expect((await state())?.nextCheck).toBe(new Date(T0 + 60 * 60 * 1000).toISOString());
  });
});
