/**
 * The e2e harness itself: Chromium starts with the built extension, its service worker runs, the local
 * server serves pages with ETags, and every request that is not to 127.0.0.1 is aborted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedExtension, launchExtension, openPopupFor } from './support/extension';
import { type StaticServer, startStaticServer } from './support/static-server';

describe('e2e harness', () => {
  let ext: LaunchedExtension;
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer({
      routes: {
        '/': '<!doctype html><html><head><title>Harness</title></head><body><p>Hello.</p></body></html>',
        '/data.json': { body: '{"ok":true}' },
      },
    });
    ext = await launchExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('loads the extension and finds its id from the service worker', async () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    expect(ext.serviceWorker.url()).toMatch(new RegExp(`^chrome-extension://${ext.extensionId}/`));
    const manifestVersion = await ext.serviceWorker.evaluate(
      () => chrome.runtime.getManifest().manifest_version,
    );
    expect(manifestVersion).toBe(3);
  });

  it('serves pages from 127.0.0.1', async () => {
    const page = await ext.context.newPage();
    try {
      const response = await page.goto(`${server.url}/`);
      expect(response?.status()).toBe(200);
      await expect.poll(() => page.textContent('p')).toBe('Hello.');
    } finally {
      await page.close();
    }
  });

  it('aborts and records every request that is not to 127.0.0.1', async () => {
    const page = await ext.context.newPage();
    try {
      await page.goto(`${server.url}/`);
      const outcome = await page.evaluate(() =>
        fetch('http://example.com/tracker.gif').then(
          () => 'loaded',
          () => 'blocked',
        ),
      );
      expect(outcome).toBe('blocked');
      expect(ext.blockedRequests).toContain('http://example.com/tracker.gif');
      await expect(page.goto('https://example.org/')).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
      expect(ext.blockedRequests).toContain('https://example.org/');
    } finally {
      await page.close();
    }
  });

  it('answers If-None-Match with 304 and the same ETag', async () => {
    const first = await fetch(`${server.url}/data.json`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${server.url}/data.json`, { headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    const missing = await fetch(`${server.url}/nothing-here`);
    expect(missing.status).toBe(404);
  });

  it('opens the popup page for a tab with ?tab=<its id>', async () => {
    const page = await ext.context.newPage();
    const other = await ext.context.newPage();
    try {
      await page.goto(`${server.url}/`);
      await other.goto(`${server.url}/data.json`);
      const popup = await openPopupFor(ext.context, ext.extensionId, page);
      const tabId = Number(new URL(popup.url()).searchParams.get('tab'));
      expect(popup.url()).toMatch(
        new RegExp(`^chrome-extension://${ext.extensionId}/popup\\.html\\?tab=\\d+$`),
      );
      // The id is that of the page's tab: not the popup's, not the other page's.
      const tabs = await ext.serviceWorker.evaluate(() =>
        chrome.tabs.query({}).then((all) => all.map((t) => ({ id: t.id, active: t.active }))),
      );
      expect(tabs.map((t) => t.id)).toContain(tabId);
      await popup.close();
      await page.bringToFront();
      const active = await ext.serviceWorker.evaluate(() =>
        chrome.tabs.query({ active: true }).then((all) => all.map((t) => t.id)),
      );
      expect(active).toContain(tabId);
    } finally {
      await other.close();
      await page.close();
    }
  });
});

/** The slice of `chrome` these service-worker callbacks use (they run in the worker, not in Node). */
declare const chrome: {
  runtime: { getManifest(): { manifest_version: number } };
  tabs: { query(query: object): Promise<{ id?: number; active: boolean }[]> };
};
