/**
 * One Chromium profile launched several times with different builds of the extension in one folder, for
 * the upgrade tests. An unpacked extension's id derives from its folder's path, so every build run from
 * that folder is the same extension to Chromium: same id, same IndexedDB.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_PATH, chromiumArgs, extensionIdFrom, findServiceWorker, isAllowedUrl } from './extension';

/** The slice of the extension API called in extension pages, where `chrome` is a global. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

export interface ProfileSession {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** An extension page to send messages from (the background ignores messages from web pages). */
  extensionPage: Page;
}

export interface PersistentProfile {
  /** Runs `use` on a launch of `build`, then closes the browser, which writes the profile to disk. */
  withSession<T>(build: string, use: (s: ProfileSession) => Promise<T>): Promise<T>;
  /** Closes a browser left open and deletes the profile and the extension folder. */
  dispose(): Promise<void>;
}

/**
 * A new profile in a temporary folder. When the build changes, the profile's service-worker registrations
 * (`Default/Service Worker`: the registration database and its script cache) are deleted before launch.
 * Without that, Chromium restarted on new files in the folder goes on running the *old* build's cached
 * worker script (tried: even with a higher manifest version the status came from the old code and the
 * schema stayed at the old version), whereas an installed update registers its worker anew. IndexedDB,
 * the data under test, lives elsewhere in the profile and is untouched.
 */
export async function createPersistentProfile(): Promise<PersistentProfile> {
  const work = await mkdtemp(join(tmpdir(), 'backstory-upgrade-'));
  const extensionDir = join(work, 'extension');
  const profileDir = join(work, 'profile');
  let installed: string | undefined;
  let open: BrowserContext | undefined;

  async function launch(build: string): Promise<ProfileSession> {
    if (build !== installed) {
      await rm(extensionDir, { recursive: true, force: true });
      await cp(build, extensionDir, { recursive: true });
      await rm(join(profileDir, 'Default', 'Service Worker'), { recursive: true, force: true });
      installed = build;
    }
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: false,
      args: chromiumArgs(extensionDir, true),
      viewport: { width: 1280, height: 900 },
      timeout: 60_000,
    });
    open = context;
    context.setDefaultTimeout(10_000);
    await context.route('**/*', (route) =>
      isAllowedUrl(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
    );
    const serviceWorker = await findServiceWorker(context);
    const extensionId = extensionIdFrom(serviceWorker.url());
    const extensionPage = await context.newPage();
    await extensionPage.goto(`chrome-extension://${extensionId}/popup.html`);
    return { context, serviceWorker, extensionId, extensionPage };
  }

  return {
    async withSession(build, use) {
      const session = await launch(build);
      try {
        return await use(session);
      } finally {
        await session.context.close();
        open = undefined;
      }
    },
    async dispose() {
      await open?.close().catch(() => undefined);
      await rm(work, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/** Sends a background message from the session's extension page; a handler's rejection rejects. */
export function sendMessage<T>(s: ProfileSession, name: string, params: unknown): Promise<T> {
  return s.extensionPage.evaluate((message) => chrome.runtime.sendMessage(message), {
    channel: 'backstory',
    name,
    params,
  }) as Promise<T>;
}

export interface PackInfo {
  id: string;
  title: string;
  version: string;
  installedAt: string;
  entities: number;
  statements: number;
}

export interface StatusInfo {
  packs: PackInfo[];
  importing?: unknown;
  error?: { kind: string; message: string; at: string } | null;
}

/** The database status once the background has packs and no import running (the first import ends). */
export async function settledStatus(s: ProfileSession): Promise<StatusInfo> {
  await expect
    .poll(
      async () => {
        const status = await sendMessage<StatusInfo>(s, 'dbStatus', null);
        return status.packs.length > 0 && !status.importing;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return sendMessage<StatusInfo>(s, 'dbStatus', null);
}

/** The version of the extension's IndexedDB database as stored (Dexie's schema version times 10). */
export function idbVersion(s: ProfileSession): Promise<number | undefined> {
  return s.serviceWorker.evaluate(
    async () => (await indexedDB.databases()).find((d) => d.name === 'backstory')?.version,
  );
}
