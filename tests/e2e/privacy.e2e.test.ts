/**
 * Page privacy over a whole reading session in the real built extension: the demo article and a page
 * that keeps adding articles are read, their cards opened and the popup shown for each. All traffic is
 * recorded twice: every request Playwright sees (pages, the extension's pages and service worker, with
 * headers and bodies) and a Chromium net log of everything the network stack did from the browser's
 * start, down to each byte written to a socket. Reading makes no network request from the extension,
 * the test server sees only the pages' own requests, and no request carries the pages' text or URLs.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardLocator,
  DEMO_DIR,
  EXTENSION_DIR,
  FIXTURES_DIR,
  type LaunchedExtension,
  launchExtension,
  openPopupFor,
  waitForReady,
} from './support/extension';
import { type CapturedRequest, type NetLog, netLogArgs, readNetLog } from './support/network-capture';
import { type StaticServer, startStaticServer } from './support/static-server';

/** A request the test makes from the extension's service worker, to show the capture sees it. */
const PROBE_URL = 'https://service-worker-probe.invalid/';

/** What the pages ask of the test server themselves (Chromium asks for a favicon on its own). */
const PAGE_PATHS = new Set(['/article.html', '/append-article.html', '/favicon.ico']);

/** A page's private material: its URL and its text, as snippets a leak would carry. */
interface PageSecrets {
  url: string;
  /** Sentences and names of the page, at least 12 characters (shorter ones match by chance). */
  snippets: string[];
}

/** The forms a snippet could take in a request: as is, lower-cased, and URL- or form-encoded. */
function forms(snippet: string): string[] {
  const lower = snippet.toLowerCase();
  const encoded = [snippet, lower].flatMap((s) => [encodeURIComponent(s), s.replaceAll(' ', '+')]);
  return [...new Set([snippet, lower, ...encoded])];
}

/** The secrets `haystack` gives away, if any. */
function leaks(haystack: string, secrets: readonly PageSecrets[], withUrl: boolean): string[] {
  return secrets.flatMap(({ url, snippets }) => {
    const u = new URL(url);
    const urlForms = withUrl ? [url, `${u.host}${u.pathname}`, encodeURIComponent(url)] : [];
    return [...urlForms, ...snippets.flatMap(forms)].filter((s) => haystack.includes(s));
  });
}

const requestText = (r: CapturedRequest) => [r.url, r.postData ?? '', ...Object.values(r.headers)].join('\n');

describe('page privacy', () => {
  let ext: LaunchedExtension;
  let server: StaticServer;
  let logDir: string;
  let netLogPath: string;
  const secrets: PageSecrets[] = [];
  let captured: CapturedRequest[] = [];
  let probes: CapturedRequest[] = [];
  let netLog: NetLog;

  /** The page's URL, its sentences and the texts of its marks (the names a lookup would carry). */
  async function secretsOf(page: Page): Promise<PageSecrets> {
    const { blocks, marks } = await page.evaluate(() => ({
      blocks: [...document.querySelectorAll('title, h1, h2, p, li, aside')].map((b) => b.textContent ?? ''),
      marks: [...document.querySelectorAll('[data-backstory]')].map((m) => m.textContent ?? ''),
    }));
    const sentences = blocks.flatMap((b) => b.replace(/\s+/g, ' ').split(/(?<=[.!?]) /)).map((s) => s.trim());
    const snippets = [...new Set([...sentences, ...marks].filter((s) => s.length >= 12))];
    return { url: page.url(), snippets };
  }

  /** Opens a card on the first mark of `kind` and closes it again. */
  async function openCard(page: Page, kind: string): Promise<void> {
    const mark = page.locator(`article [data-backstory="${kind}"]`).first();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    await cardLocator(page).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
  }

  /** Reads a page as a person would: waits for the marks, opens cards, opens the popup. */
  async function read(path: string, ready: (page: Page) => Promise<unknown>): Promise<void> {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}${path}`);
    await waitForReady(page);
    await ready(page);
    await openCard(page, 'person');
    await openCard(page, 'figure');
    const popup = await openPopupFor(ext.context, ext.extensionId, page);
    await popup.locator('[data-testid="people"] li').first().waitFor();
    await popup.locator('[data-testid="db-status"]').waitFor();
    secrets.push(await secretsOf(page));
    await popup.close();
    await page.close();
  }

  beforeAll(async () => {
    logDir = await mkdtemp(join(tmpdir(), 'backstory-netlog-'));
    netLogPath = join(logDir, 'net.json');
    server = await startStaticServer({
      root: DEMO_DIR,
      routes: {
        '/append-article.html': async () => ({
          body: await readFile(join(FIXTURES_DIR, 'append-article.html')),
        }),
      },
    });
    ext = await launchExtension({ extraArgs: netLogArgs(netLogPath) });
    // The service worker fetched the starter pack at install, before any listener. A probe the test makes
    // from it now (blocked by the harness, as anything not to 127.0.0.1 is) shows its requests are seen.
    await ext.serviceWorker.evaluate((url) => fetch(url).catch(() => null), PROBE_URL);

    await read('/article.html', async () => undefined);
    // This page appends a second article after load: its marks come from a later pass.
    await read('/append-article.html', (page) =>
      page.waitForSelector('#second [data-backstory="person"]', { state: 'attached' }),
    );

    captured = ext.requests.filter((r) => r.url !== PROBE_URL);
    probes = ext.requests.filter((r) => r.url === PROBE_URL);
    // The net log is complete once the browser has shut down.
    await ext.close();
    netLog = readNetLog(netLogPath);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    if (logDir) await rm(logDir, { recursive: true, force: true });
  });

  const isPageRequest = (r: { url: string }) => r.url.startsWith(`${server.url}/`);

  it('records the session: the pages, their marks and the extension’s own loads', () => {
    expect(secrets.map((s) => new URL(s.url).pathname)).toEqual(['/article.html', '/append-article.html']);
    expect(secrets.every((s) => s.snippets.length > 10)).toBe(true);
    // The leak check finds a sentence however it is sent.
    const sentence = secrets[0]?.snippets.find((s) => s.includes(' ')) ?? '';
    expect(leaks(`https://x.invalid/?q=${encodeURIComponent(sentence)}`, secrets, true)).not.toEqual([]);
    expect(leaks(`q=${sentence.replaceAll(' ', '+').toLowerCase()}`, secrets, true)).not.toEqual([]);
    // Both records saw the pages' own requests, so neither is blind.
    expect(captured.filter(isPageRequest).length).toBeGreaterThanOrEqual(2);
    expect(netLog.requests.filter(isPageRequest).length).toBeGreaterThanOrEqual(2);
    expect(netLog.writes.some((w) => w.text.startsWith('GET /article.html '))).toBe(true);
    // ...and the extension's own loads (its service worker, the popup's script, the card's stylesheet).
    const ownUrl = `chrome-extension://${ext.extensionId}/`;
    expect(probes.map((r) => r.fromServiceWorker)).toEqual([true]);
    expect(captured.some((r) => r.url.startsWith(`${ownUrl}chunks/popup-`))).toBe(true);
    expect(captured.some((r) => r.url.endsWith('/content-scripts/article.css'))).toBe(true);
  });

  it('makes no network request from the extension: every http(s) request is a page’s own', () => {
    const network = captured.filter((r) => /^https?:/.test(r.url));
    expect(network.filter((r) => !isPageRequest(r) || r.fromServiceWorker)).toEqual([]);
    expect(network.map((r) => new URL(r.url).pathname).filter((p) => !PAGE_PATHS.has(p))).toEqual([]);
    expect(server.requests.filter((p) => !PAGE_PATHS.has(p))).toEqual([]);
    // Only the test's own probe went past 127.0.0.1 (and the harness stopped it).
    expect(ext.blockedRequests).toEqual([PROBE_URL]);
  });

  it('loads only its own packaged files over chrome-extension://', () => {
    const own = captured.filter((r) => r.url.startsWith('chrome-extension://'));
    const missing = own
      .map((r) => new URL(r.url).pathname)
      .filter((path) => !existsSync(join(EXTENSION_DIR, decodeURIComponent(path))));
    expect(missing).toEqual([]);
    expect(own.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('sends nothing from the extension through the network stack (net log)', () => {
    const fromExtension = netLog.requests.filter((r) => r.initiator?.startsWith('chrome-extension://'));
    expect(fromExtension.filter((r) => r.url !== PROBE_URL)).toEqual([]);
    const toServer = netLog.requests.filter(isPageRequest).map((r) => new URL(r.url).pathname);
    expect(toServer.filter((p) => !PAGE_PATHS.has(p))).toEqual([]);
    // Anything else is the browser's own housekeeping (sign-in and update checks, which fail offline).
    const others = netLog.requests.filter((r) => !isPageRequest(r));
    expect(others.filter((r) => r.initiator !== null)).toEqual([]);
  });

  it('puts no page text or page URL into any request', () => {
    const ownRequests = captured.filter((r) => !isPageRequest(r));
    expect(ownRequests.flatMap((r) => leaks(requestText(r), secrets, true))).toEqual([]);
    // The pages' own requests carry their URL (the request line, the Referer), never their text.
    expect(captured.filter(isPageRequest).flatMap((r) => leaks(requestText(r), secrets, false))).toEqual([]);
    expect(
      netLog.requests.filter((r) => !isPageRequest(r)).flatMap((r) => leaks(r.url, secrets, true)),
    ).toEqual([]);
  });

  it('writes no page text to any socket, and page URLs only to the pages’ own server', () => {
    const local = new URL(server.url).host;
    for (const write of netLog.writes) {
      expect(leaks(write.text, secrets, write.remote !== local)).toEqual([]);
    }
    expect(netLog.writes.length).toBeGreaterThan(0);
  });
});
