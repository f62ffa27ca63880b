/**
 * Launches Debian's Chromium with the built extension (`.output/chrome-mv3`) through playwright-core.
 * Browsers cannot be downloaded here, so we always pass `executablePath`. Every request that is not to
 * 127.0.0.1 (or an extension/data/blob URL) is aborted and recorded, so a test can assert that reading
 * an article makes no network request.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { type CapturedRequest, captureRequests } from './network-capture';

/** The repository root (this file is `tests/e2e/support/extension.ts`). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Chromium to drive; `CHROMIUM_PATH` overrides the Debian default. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The unpacked build `wxt build` writes; `BACKSTORY_EXTENSION_DIR` overrides it. */
export const EXTENSION_DIR = resolve(
  process.env.BACKSTORY_EXTENSION_DIR ??
    join(REPO_ROOT, process.env.BACKSTORY_OUT_DIR ?? '.output', 'chrome-mv3'),
);

const ALLOWED_SCHEMES = new Set(['chrome-extension:', 'data:', 'blob:', 'about:', 'chrome:', 'devtools:']);

/** True for URLs the harness lets through: the local test server and the browser's own schemes. */
export function isAllowedUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return ALLOWED_SCHEMES.has(u.protocol) || u.hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/** Chromium switches for an extension run: quiet (no background traffic) and with only our extension. */
export function chromiumArgs(extensionDir: string, headless: boolean): string[] {
  return [
    ...(headless ? ['--headless=new'] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
}

export interface LaunchOptions {
  /** Defaults to {@link EXTENSION_DIR}. */
  extensionDir?: string;
  /** Defaults to true (`--headless=new`, which runs extensions like a headed browser). */
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
  /** Block requests not to 127.0.0.1; default true. */
  blockNetwork?: boolean;
  /**
   * Let Playwright kill the browser and exit on SIGINT/SIGTERM/SIGHUP (default true). A long-running
   * script that cleans up after itself (scripts/start.ts) turns this off and calls `close()`.
   */
  handleSignals?: boolean;
  /** More Chromium switches, e.g. a net log (see network-capture.ts). */
  extraArgs?: string[];
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** URLs the harness aborted because they were not to 127.0.0.1, in order. */
  blockedRequests: string[];
  /**
   * Every request Playwright saw in the context since launch (pages, frames, extension pages and the
   * extension's service worker), in order. See network-capture.ts for a record of the whole browser.
   */
  requests: CapturedRequest[];
  /** Closes the browser and deletes the temporary profile. */
  close(): Promise<void>;
}

const EXTENSION_URL = /^chrome-extension:\/\/([a-p]{32})\//;

/** Returns the extension's service worker, waiting for it to register when it has not yet. */
export async function findServiceWorker(context: BrowserContext, timeout = 30_000): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => EXTENSION_URL.test(w.url()));
  if (existing) return existing;
  return context.waitForEvent('serviceworker', {
    predicate: (w) => EXTENSION_URL.test(w.url()),
    timeout,
  });
}

/** The extension id from a `chrome-extension://<id>/…` URL. */
export function extensionIdFrom(url: string): string {
  const id = EXTENSION_URL.exec(url)?.[1];
  if (!id) throw new Error(`Not an extension URL: ${url}`);
  return id;
}

/** Launches Chromium with a fresh profile and the extension loaded. */
export async function launchExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const extensionDir = resolve(options.extensionDir ?? EXTENSION_DIR);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npx wxt build\` first.`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: run \`npx tsx scripts/ensure-chromium.ts\`.`);
  }
  const headless = options.headless ?? true;
  const userDataDir = await mkdtemp(join(tmpdir(), 'backstory-e2e-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      // Playwright's own headless switch is off: `--headless=new` in the args gives the full browser,
      // which (unlike the old headless shell) runs extensions.
      headless: false,
      args: [...chromiumArgs(extensionDir, headless), ...(options.extraArgs ?? [])],
      viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
      timeout: 60_000,
      handleSIGINT: options.handleSignals ?? true,
      handleSIGTERM: options.handleSignals ?? true,
      handleSIGHUP: options.handleSignals ?? true,
    });
    // Fail a missing mark or card in seconds, not after Playwright's 30 s default.
    context.setDefaultTimeout(10_000);
    const requests = captureRequests(context);
    const blockedRequests: string[] = [];
    if (options.blockNetwork ?? true) {
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (isAllowedUrl(url)) return route.continue();
        blockedRequests.push(url);
        return route.abort('blockedbyclient');
      });
    }
    const serviceWorker = await findServiceWorker(context);
    const extensionId = extensionIdFrom(serviceWorker.url());
    const ctx = context;
    return {
      context: ctx,
      extensionId,
      serviceWorker,
      blockedRequests,
      requests,
      close: async () => {
        await ctx.close().catch(() => undefined);
        await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }
}

/** Resolves once the content script's first pass has ended on the page. */
export async function waitForReady(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForSelector('html[data-backstory-state="ready"]', { state: 'attached', timeout });
}

/**
 * The slice of the `chrome` API the harness calls inside the service worker. The functions passed to
 * `serviceWorker.evaluate` run there, where `chrome` is a global; no `@types/chrome` is installed.
 */
declare const chrome: {
  tabs: {
    query(
      query: object,
    ): Promise<{ id?: number; url?: string; pendingUrl?: string; active: boolean; windowId: number }[]>;
  };
};

interface TabInfo {
  id?: number;
  url?: string;
  active: boolean;
  windowId: number;
}

/** `chrome.tabs.query({})` in the service worker, reduced to what we match on. */
function queryTabs(serviceWorker: Worker): Promise<TabInfo[]> {
  return serviceWorker.evaluate(async () => {
    const all = await chrome.tabs.query({});
    return all.map((t) => ({ id: t.id, url: t.url ?? t.pendingUrl, active: t.active, windowId: t.windowId }));
  });
}

/**
 * The id of the tab showing `page`, asked of the extension's service worker.
 *
 * Without the `tabs` permission Chrome hides `tab.url` from the extension (content-script matches are not
 * host permissions), so when no URL is visible we bring the page to the front and take the active tab of
 * its window; the window id comes from CDP `Browser.getWindowForTarget`, which uses the same ids as
 * `chrome.windows`.
 */
export async function tabIdFor(serviceWorker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const byUrl = (await queryTabs(serviceWorker)).filter((t) => t.url === url && t.id !== undefined);
  if (byUrl.length === 1 && byUrl[0]?.id !== undefined) return byUrl[0].id;
  if (byUrl.length > 1) throw new Error(`Several tabs show ${url}; open each test page once.`);

  await page.bringToFront();
  const cdp = await page.context().newCDPSession(page);
  const { windowId } = await cdp.send('Browser.getWindowForTarget').finally(() => cdp.detach());
  const deadline = Date.now() + 10_000;
  for (;;) {
    const tabs = await queryTabs(serviceWorker);
    const active = tabs.filter((t) => t.active && t.windowId === windowId && t.id !== undefined);
    if (active.length === 1 && active[0]?.id !== undefined) return active[0].id;
    if (Date.now() > deadline) {
      throw new Error(`No active tab in window ${windowId} for ${url} (tabs: ${JSON.stringify(tabs)})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Opens the popup for `page` in a new tab: `popup.html?tab=<id>`, which the popup honours instead of
 * asking for the active tab (a popup opened as a tab would otherwise summarise itself).
 */
export async function openPopupFor(
  context: BrowserContext,
  extensionId: string,
  page: Page,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const serviceWorker = await findServiceWorker(context);
  const tabId = await tabIdFor(serviceWorker, page);
  const popup = await context.newPage();
  if (options.viewport) await popup.setViewportSize(options.viewport);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/** Folders the e2e tests serve over 127.0.0.1. */
export const DEMO_DIR = join(REPO_ROOT, 'demo');
export const FIXTURES_DIR = join(REPO_ROOT, 'tests', 'fixtures');

/** A mark as the tests see it: the contract attributes and the text it wraps (whitespace collapsed). */
export interface MarkInfo {
  kind: string | null;
  id: string | null;
  tabindex: string | null;
  ariaLabel: string | null;
  /** "role" for a role phrase ("the Prime Minister") standing for a person. */
  via: string | null;
  /** True when the article's title for this mention differs from the database. */
  conflict: boolean;
  text: string;
}

/** Every Backstory mark inside `scope` (a CSS selector; the whole document by default), in page order. */
export function readMarks(page: Page, scope = 'html'): Promise<MarkInfo[]> {
  return page.evaluate((sel) => {
    const marks = Array.from(document.querySelectorAll(sel)).flatMap((root) =>
      Array.from(root.querySelectorAll('[data-backstory]')),
    );
    return marks.map((m) => ({
      kind: m.getAttribute('data-backstory'),
      id: m.getAttribute('data-backstory-id'),
      tabindex: m.getAttribute('tabindex'),
      ariaLabel: m.getAttribute('aria-label'),
      via: m.getAttribute('data-backstory-via'),
      conflict: m.hasAttribute('data-backstory-conflict'),
      text: (m.textContent ?? '').replace(/\s+/g, ' ').trim(),
    }));
  }, scope);
}

/** The open card, inside the `<backstory-card>` host's open shadow root (Playwright's CSS pierces it). */
export function cardLocator(page: Page) {
  return page.locator('backstory-card [data-testid="card"]');
}

/**
 * Launches the same Chromium with no extension (and the same request blocking), to compare a page's
 * layout with and without Backstory.
 */
export async function launchPlainBrowser(viewport = { width: 1280, height: 900 }) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: false,
    args: chromiumArgs('', true).filter((a) => !a.includes('extension')),
    timeout: 60_000,
  });
  const context = await browser.newContext({ viewport });
  await context.route('**/*', (route) =>
    isAllowedUrl(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
  );
  return { browser, context, close: () => browser.close() };
}
