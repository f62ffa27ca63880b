import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_CHECK_INTERVAL_MS } from '../../core/sync/backoff';
import { INITIAL_SOURCE_STATE } from '../../core/sync/source-state';
import {
  addSource,
  checkPending,
  checkRequestsItem,
  removeSource,
  requestCheck,
  setCheckInterval,
  setSourceEnabled,
  sourceState,
  syncSettingsItem,
  syncSourcesItem,
  writeSourceState,
} from '../../settings/sync-sources';

const URL_A = 'https://packs.example.org/a/';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('sync settings in storage.local', () => {
  it('starts with no sources and a daily check', async () => {
    expect(await syncSourcesItem.getValue()).toEqual([]);
    expect(await syncSettingsItem.getValue()).toEqual({ checkIntervalMs: DEFAULT_CHECK_INTERVAL_MS });
  });

  it('adds a source once, enabled, with its pinned key', async () => {
    const now = new Date('2026-07-01T10:00:00Z');
    expect(await addSource(URL_A, 'key', now)).toBe(true);
    expect(await addSource(URL_A, null, now)).toBe(false);
    expect(await syncSourcesItem.getValue()).toEqual([
      { url: URL_A, enabled: true, publicKey: 'key', addedAt: '2026-07-01T10:00:00.000Z' },
    ]);
  });

  it('switches a source off, and removes it with its check request', async () => {
    await addSource(URL_A, null);
    await addSource('https://packs.example.org/b/', null);
    await setSourceEnabled(URL_A, false);
    expect((await syncSourcesItem.getValue()).map((s) => s.enabled)).toEqual([false, true]);
    await requestCheck(URL_A);
    expect((await removeSource(URL_A)).map((s) => s.url)).toEqual(['https://packs.example.org/b/']);
    expect(await checkRequestsItem.getValue()).toEqual({});
  });

  it('holds the interval to the allowed range', async () => {
    await setCheckInterval(60_000);
    expect(await syncSettingsItem.getValue()).toEqual({ checkIntervalMs: 3_600_000 });
  });

  it('writes one source state without touching the others', async () => {
    await writeSourceState('https://b.example/', (s) => ({ ...s, version: 'b1' }));
    await writeSourceState(URL_A, (s) => ({ ...s, version: 'a1' }));
    expect((await sourceState(URL_A)).version).toBe('a1');
    expect((await sourceState('https://b.example/')).version).toBe('b1');
    expect(await sourceState('https://never.example/')).toEqual(INITIAL_SOURCE_STATE);
  });
});

describe('checkPending', () => {
  it('is pending until a check runs after the request', () => {
    const checked = { ...INITIAL_SOURCE_STATE, lastCheck: '2026-07-01T10:00:00.000Z' };
    expect(checkPending(undefined, checked)).toBe(false);
    expect(checkPending('2026-07-01T10:05:00.000Z', undefined)).toBe(true);
    expect(checkPending('2026-07-01T10:05:00.000Z', checked)).toBe(true);
    expect(checkPending('2026-07-01T09:55:00.000Z', checked)).toBe(false);
  });
});
