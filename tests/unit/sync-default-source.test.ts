/** The sync source a build may bring (`WXT_SYNC_SOURCE_URL`), added to the sources on first install. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { addDefaultSource } from '../../entrypoints/background/sync';
import { syncSourcesItem } from '../../settings/sync-sources';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('addDefaultSource', () => {
  it('adds the build’s source as a folder URL, with its pinned key', async () => {
    vi.stubEnv('WXT_SYNC_SOURCE_URL', 'https://packs.example.org/backstory/index.json');
    vi.stubEnv('WXT_SYNC_SOURCE_KEY', 'a-public-key');
    await addDefaultSource();
    expect(await syncSourcesItem.getValue()).toMatchObject([
      { url: 'https://packs.example.org/backstory/', enabled: true, publicKey: 'a-public-key' },
    ]);
  });

  it('adds nothing without one: the extension lives on its starter pack', async () => {
    vi.stubEnv('WXT_SYNC_SOURCE_URL', '');
    await addDefaultSource();
    expect(await syncSourcesItem.getValue()).toEqual([]);
  });

  it('refuses a plain http source on another host than 127.0.0.1', async () => {
    vi.stubEnv('WXT_SYNC_SOURCE_URL', 'http://packs.example.org/');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await addDefaultSource();
    expect(await syncSourcesItem.getValue()).toEqual([]);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('insecure'));
  });
});
