/**
 * Sync in real Chromium against the project's own pack server (`packs serve`, started in-process on
 * 127.0.0.1) behind a proxy that counts requests and injects faults. The packs are built by the project's
 * CLI from fictional Popolo fixtures (tests/fixtures/packs/sync-source/). The build is made with
 * BACKSTORY_E2E_SYNC=1, which grants `http://127.0.0.1/*` at install (a headless browser never answers a
 * permission prompt), so the options page adds the source through its real form.
 *
 * One browser and one source for the whole file: each case starts from the state the previous one left.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbStatus, LookupResponse, SyncSourceStatus, SyncStatus } from '../../messaging/protocol';
import { type PackServer, startPackServer } from '../../scripts/lib/cli/serve';
import {
  cardLocator,
  FIXTURES_DIR,
  type LaunchedExtension,
  launchExtension,
  openPopupFor,
  REPO_ROOT,
  readMarks,
  waitForReady,
} from './support/extension';
import { type StaticServer, startStaticServer } from './support/static-server';
import { type FaultProxy, startFaultProxy } from './support/sync-fault-proxy';

interface PinnedFile {
  path: string;
  sha256: string;
  bytes: number;
}

/** Sets the sha256 and size a manifest or an index declares for `path` to those of `body`. */
function pin(files: PinnedFile[], path: string, body: Buffer): void {
  for (const file of files)
    if (file.path === path) {
      file.sha256 = createHash('sha256').update(body).digest('hex');
      file.bytes = body.length;
    }
}

const FIXTURES = join(FIXTURES_DIR, 'packs', 'sync-source');
const PACK = 'synctest';
const ADA = 'popolo:ada-example';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
};

/** Runs `npm run packs -- …` (without npm's banner) and fails the test on a non-zero exit. */
function packs(...args: string[]): string {
  const run = spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/packs.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`packs ${args.join(' ')}: ${run.stderr}${run.stdout}`);
  return run.stdout;
}

/**
 * The sync e2e build: the same source built with BACKSTORY_E2E_SYNC=1 into its own folder, so every other
 * e2e file keeps testing the production build, which has no host permission at all.
 */
function buildSyncExtension(): string {
  const outDir = '.output-e2e-sync';
  execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build'], {
    cwd: REPO_ROOT,
    env: { ...process.env, BACKSTORY_E2E_SYNC: '1', BACKSTORY_OUT_DIR: outDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return join(REPO_ROOT, outDir, 'chrome-mv3');
}

describe('sync from a pack server', () => {
  let site: string;
  let keys: string;
  let packServer: PackServer;
  let proxy: FaultProxy;
  let pages: StaticServer;
  let ext: LaunchedExtension;
  let options: Page;
  let article: Page;

  /** Builds full pack `version` from a fixture folder, a delta from `from` if given, and the index. */
  function publish(version: string, fixture: 'v1' | 'v2' | string, created: string, from?: string) {
    const out = join(site, 'full', version);
    const popolo =
      fixture === 'v1' || fixture === 'v2' ? join(FIXTURES, fixture, 'assembly.popolo.json') : fixture;
    packs(
      'build',
      '--out',
      out,
      '--id',
      PACK,
      '--title',
      'Sync test pack',
      '--version',
      version,
      '--created',
      created,
      '--quiet',
      '--popolo',
      popolo,
    );
    if (from)
      packs('delta', '--from', join(site, 'full', from), '--to', out, '--out', deltaDir(from, version));
    packs('index', site, '--latest', version);
  }
  const deltaDir = (from: string, to: string) => join(site, 'deltas', `${from}--${to}`);

  /** Sends a background message from the options page, as the extension's own UI does. */
  function background<T>(name: string, params: unknown): Promise<T> {
    return options.evaluate(
      ([n, p]) => chrome.runtime.sendMessage({ channel: 'backstory', name: n, params: p }),
      [name, params] as const,
    ) as Promise<T>;
  }
  const syncNow = () => background<SyncStatus>('syncNow', {});
  const source = async (): Promise<SyncSourceStatus> => {
    const status = await background<SyncStatus>('syncStatus', null);
    const found = status.sources.find((s) => s.url === proxy.url);
    if (!found) throw new Error(`no source ${proxy.url} in ${JSON.stringify(status)}`);
    return found;
  };
  /** What the database holds of the synced pack, and the totals, to compare before and after a fault. */
  const database = async () => {
    const status = await background<DbStatus>('dbStatus', null);
    const pack = status.packs.find((p) => p.id === PACK);
    return { pack: pack && { version: pack.version, entities: pack.entities }, entities: status.entities };
  };

  /** The article's person marks that the database knows, by entity id. */
  async function knownPeople(): Promise<string[]> {
    await article.reload();
    await waitForReady(article);
    const marks = await readMarks(article, 'article');
    return [
      ...new Set(
        marks.filter((m) => m.kind === 'person' && m.id?.startsWith('popolo:')).map((m) => m.id as string),
      ),
    ].sort();
  }

  /** The role line of Ada Example's card. */
  async function adaRole(): Promise<string> {
    const mark = article.locator('article [data-backstory="person"]').filter({ hasText: /Ada Example/ });
    await mark.first().hover();
    const card = cardLocator(article);
    await expect.poll(() => card.isVisible(), { timeout: 5000 }).toBe(true);
    const role = (await card.locator('[data-testid="card-role"]').textContent()) ?? '';
    await article.keyboard.press('Escape');
    return role;
  }

  /** The options page's row for the source, as text. */
  async function sourceRow(): Promise<string> {
    const row = options.locator('[data-testid="source"]').filter({ hasText: proxy.url });
    return ((await row.textContent()) ?? '').replace(/\s+/g, ' ');
  }

  /**
   * Stops the extension's service worker through CDP and waits until it has stopped. `restarted()`
   * resolves once CDP has reported it running again (the next message or event starts it).
   */
  async function stopWorker() {
    const cdp = await ext.context.newCDPSession(options);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) if (v.scriptURL.includes(ext.extensionId)) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => statuses.at(-1)).toBe('stopped');
    const stoppedAt = statuses.length;
    return {
      restarted: async () => {
        await expect.poll(() => statuses.slice(stoppedAt).includes('running')).toBe(true);
        await cdp.detach();
      },
    };
  }

  /** The install keys in the database's journal and the active ones, read from an extension page. */
  function installKeys(): Promise<{ journal: string[]; active: string[] }> {
    return options.evaluate(
      () =>
        new Promise<{ journal: string[]; active: string[] }>((resolve, reject) => {
          const open = indexedDB.open('backstory');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['installs', 'packs']);
            const journal = tx.objectStore('installs').getAllKeys();
            const packs = tx.objectStore('packs').getAll();
            tx.oncomplete = () => {
              db.close();
              resolve({
                journal: (journal.result as string[]).sort(),
                active: (packs.result as { id: string; installKey?: string }[])
                  .map((p) => p.installKey ?? p.id)
                  .sort(),
              });
            };
          };
        }),
    );
  }

  /** Runs a sync that must fail, and checks that nothing changed and that the error says what and why. */
  async function expectRefused(file: string, reason: RegExp) {
    const before = await database();
    const status = await syncNow();
    const state = status.sources.find((s) => s.url === proxy.url);
    expect(state?.error, JSON.stringify(state)).toMatchObject({ source: proxy.url, file });
    expect(state?.error?.reason).toMatch(reason);
    expect(await database()).toEqual(before);
    await expect.poll(sourceRow).toContain(file);
    const row = await sourceRow();
    expect(row).toContain(proxy.url);
    expect(row).toMatch(reason);
  }

  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'backstory-sync-site-'));
    keys = mkdtempSync(join(tmpdir(), 'backstory-sync-keys-'));
    publish('v1', 'v1', '2024-06-01');
    packServer = await startPackServer(site, 0);
    proxy = await startFaultProxy(packServer.url);
    pages = await startStaticServer({ root: FIXTURES });
    ext = await launchExtension({ extensionDir: buildSyncExtension() });
    options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    article = await ext.context.newPage();
    await article.goto(`${pages.url}/article.html`);
    await waitForReady(article);
  });

  afterAll(async () => {
    await ext?.close();
    await proxy?.close();
    await packServer?.close();
    await pages?.close();
    if (site) rmSync(site, { recursive: true, force: true });
    if (keys) rmSync(keys, { recursive: true, force: true });
  });

  it('adds a source on the options page and installs its full pack, which the popovers then show', async () => {
    expect(await knownPeople()).toEqual([]);
    await options.fill('#source-url', proxy.url);
    await options.click('button[type="submit"]');
    // Adding the source makes it due: the background syncs it at once.
    await expect.poll(async () => (await source()).version, { timeout: 20_000 }).toBe('v1');
    await expect.poll(sourceRow).toContain('v1');
    expect(proxy.requests.map((r) => r.path)).toContain('/full/v1/records.ndjson');
    expect(await database()).toMatchObject({ pack: { version: 'v1', entities: 3 } });
    expect(await knownPeople()).toEqual(['popolo:ada-example', 'popolo:cy-example']);
    expect(await adaRole()).toContain('Northtown');
  });

  it('applies a delta: a changed role, an added person and a withdrawn one', async () => {
    publish('v2', 'v2', '2024-06-02', 'v1');
    const from = proxy.requests.length;
    const status = await syncNow();
    expect(status.sources[0]).toMatchObject({ version: 'v2', records: 3, error: null });
    const paths = proxy.requests.slice(from).map((r) => r.path);
    expect(paths).toContain('/deltas/v1--v2/records.ndjson');
    expect(paths).not.toContain('/full/v2/records.ndjson');
    expect(await knownPeople()).toEqual(['popolo:ada-example', 'popolo:bea-example']);
    expect(await adaRole()).toContain('Southtown');
  });

  it('downloads nothing when the source is unchanged (304)', async () => {
    const from = proxy.requests.length;
    const status = await syncNow();
    expect(status.sources[0]).toMatchObject({ version: 'v2', error: null });
    expect(proxy.requests.slice(from).map((r) => [r.path, r.status])).toEqual([['/index.json', 304]]);
    expect(proxy.requests.at(-1)?.ifNoneMatch).toBeTruthy();
    // The `sync-check` alarm is armed for the source's next regular check.
    const nextCheck = status.sources[0]?.nextCheck;
    const alarm = await options.evaluate(() => chrome.alarms.get('sync-check'));
    expect(nextCheck && alarm?.scheduledTime).toBe(nextCheck && Date.parse(nextCheck));
  });

  it('shows a 500 plainly in the popup and succeeds on Retry', async () => {
    proxy.failOnce('/index.json', 500);
    await expectRefused('index.json', /500/);
    const popup = await openPopupFor(ext.context, ext.extensionId, article);
    const error = popup.locator('[data-testid="sync-error"]');
    await expect.poll(() => error.textContent()).toContain('127.0.0.1');
    expect(await error.textContent()).toMatch(/index\.json.*500/);
    await popup.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => error.count(), { timeout: 20_000 }).toBe(0);
    expect((await source()).error).toBeNull();
    await popup.close();
  });

  describe('a broken update leaves the database as it was', () => {
    const file = 'deltas/v2--v3/records.ndjson';
    let good: Buffer;
    beforeAll(() => {
      // v3 is the v1 assembly again, published as a newer version with a delta from v2.
      publish('v3', 'v1', '2024-06-03', 'v2');
      good = readFileSync(join(site, file));
    });
    const restore = () => writeFileSync(join(site, file), good);

    it('refuses a truncated file', async () => {
      writeFileSync(join(site, file), good.subarray(0, good.length - 40));
      await expectRefused(file, /bytes|size|short/i);
      restore();
    });

    it('refuses a file with a wrong sha256', async () => {
      const bad = Buffer.from(good);
      bad[bad.length - 3] = bad[bad.length - 3] === 0x41 ? 0x42 : 0x41;
      writeFileSync(join(site, file), bad);
      await expectRefused(file, /sha256/i);
      restore();
    });

    it('refuses an invalid record in the middle of a file, naming its line', async () => {
      const folder = deltaDir('v2', 'v3');
      const lines = good.toString('utf8').trimEnd().split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(3);
      const record = JSON.parse(lines[1] ?? '{}') as Record<string, unknown>;
      lines[1] = JSON.stringify({ ...record, sources: [] });
      // A publisher that pins the bad file's own sha256 (by hand: `packs index` validates every record).
      const body = Buffer.from(`${lines.join('\n')}\n`);
      const manifestPath = join(folder, 'manifest.json');
      const goodManifest = readFileSync(manifestPath);
      const manifest = JSON.parse(goodManifest.toString('utf8')) as { files: PinnedFile[] };
      pin(manifest.files, 'records.ndjson', body);
      const manifestBody = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
      const indexPath = join(site, 'index.json');
      const index = JSON.parse(readFileSync(indexPath, 'utf8')) as {
        deltas: { to: string; files: PinnedFile[] }[];
      };
      const entry = index.deltas.find((d) => d.to === 'v3');
      if (!entry) throw new Error('no delta to v3 in the index');
      pin(entry.files, 'records.ndjson', body);
      pin(entry.files, 'manifest.json', manifestBody);
      writeFileSync(join(folder, 'records.ndjson'), body);
      writeFileSync(manifestPath, manifestBody);
      writeFileSync(indexPath, `${JSON.stringify(index, null, 2)}\n`);
      const before = await database();
      const status = await syncNow();
      const error = status.sources[0]?.error;
      expect(error).toMatchObject({ file, line: 2 });
      expect(error?.reason).toMatch(/source/);
      expect(await database()).toEqual(before);
      await expect.poll(sourceRow).toContain(`${file}:2`);
      writeFileSync(manifestPath, goodManifest);
      restore();
      packs('index', site, '--latest', 'v3');
    });

    it('refuses an index signed by another key than the one pinned, then accepts the right one', async () => {
      const signer = join(keys, 'signer');
      const pinned = join(keys, 'pinned');
      packs('keygen', '--out', signer);
      packs('keygen', '--out', pinned);
      packs('sign', site, '--key', join(signer, 'sync-key.private'));
      // Re-add the source with a pinned key, through the options page.
      const row = options.locator('[data-testid="source"]').filter({ hasText: proxy.url });
      await row.getByRole('button', { name: /Remove/ }).click();
      await expect.poll(() => row.count()).toBe(0);
      const before = await database();
      await options.fill('#source-url', proxy.url);
      await options.fill('#source-key', readFileSync(join(pinned, 'sync-key.public'), 'utf8').trim());
      await options.click('button[type="submit"]');
      await expect.poll(async () => (await source()).error?.file, { timeout: 20_000 }).toBe('index.json.sig');
      expect((await source()).error?.reason).toMatch(/signature/i);
      expect(await database()).toEqual(before);
      await expect.poll(sourceRow).toContain('index.json.sig');
      // Signed by the pinned key, the same index is accepted (Retry on the options page).
      packs('sign', site, '--key', join(pinned, 'sync-key.private'));
      await options.locator('[data-testid="source"]').getByRole('button', { name: 'Retry' }).click();
      await expect.poll(async () => (await source()).version, { timeout: 20_000 }).toBe('v3');
      expect((await source()).error).toBeNull();
      expect(await knownPeople()).toEqual(['popolo:ada-example', 'popolo:cy-example']);
    });
  });

  it('a worker stopped mid-download leaves the database as it was; the next start completes it, and a note survives', async () => {
    // v4: a full pack only (no delta from v3), so the records file is large enough to stall in.
    publish('v4', 'v2', '2024-06-04');
    packs('sign', site, '--key', join(keys, 'pinned', 'sync-key.private'));
    const stall = proxy.stallOnce('/full/v4/records.ndjson');
    const before = await database();
    // The user's note on a person whose pack the full v4 pack replaces as a whole.
    await background('saveNote', { entityId: ADA, text: 'Asked for the harbour costs.' });
    void options.evaluate(() =>
      chrome.runtime.sendMessage({ channel: 'backstory', name: 'syncNow', params: {} }).catch(() => null),
    );
    await stall.started;
    await expect.poll(async () => (await source()).progress?.phase).toBe('downloading');
    const worker = await stopWorker();
    stall.release();
    const downloads = () => proxy.requests.filter((r) => r.path === '/full/v4/records.ndjson').length;
    expect(downloads()).toBe(1);
    // The next message starts a new worker: it collects what the old one left and runs the sync again.
    await expect.poll(async () => (await source()).version, { timeout: 30_000 }).toBe('v4');
    await worker.restarted();
    const after = await source();
    expect(after).toMatchObject({ progress: null, error: null, records: 3 });
    expect(before.pack?.version).toBe('v3');
    // Run again from the start by the new worker: the file was downloaded a second time.
    expect(downloads()).toBe(2);
    expect(await database()).toMatchObject({ pack: { version: 'v4', entities: 3 } });
    expect(await knownPeople()).toEqual(['popolo:ada-example', 'popolo:bea-example']);
    const found = await background<LookupResponse>('lookup', {
      keys: ['ada example'],
      givenNameCandidates: [],
      articleDate: '2024-07-01',
      offices: [],
    });
    expect(found.entities[ADA]?.note?.text).toBe('Asked for the harbour costs.');
  });

  it('a worker stopped while installing leaves no half-written rows, and the next start installs the pack', async () => {
    // v5: the v2 assembly and 40,000 synthetic members, so that installing takes several batches.
    const assembly = JSON.parse(readFileSync(join(FIXTURES, 'v2', 'assembly.popolo.json'), 'utf8')) as {
      persons: unknown[];
    };
    const synthetic = Array.from({ length: 40_000 }, (_, i) => ({
      id: `synthetic-${i}`,
      name: `Synthetic Member ${i}`,
    }));
    const popolo = join(keys, 'assembly.popolo.json');
    writeFileSync(popolo, JSON.stringify({ ...assembly, persons: [...assembly.persons, ...synthetic] }));
    publish('v5', popolo, '2024-06-05');
    packs('sign', site, '--key', join(keys, 'pinned', 'sync-key.private'));
    void options.evaluate(() =>
      chrome.runtime.sendMessage({ channel: 'backstory', name: 'syncNow', params: {} }).catch(() => null),
    );
    await expect
      .poll(
        async () => {
          const progress = (await source()).progress;
          return progress?.phase === 'installing' && progress.done > 0 && progress.done < progress.total;
        },
        { timeout: 30_000, interval: 20 },
      )
      .toBe(true);
    const worker = await stopWorker();
    await expect.poll(async () => (await source()).version, { timeout: 60_000 }).toBe('v5');
    await worker.restarted();
    // Downloaded twice: the stopped worker's stage was dropped and the sync ran again from the start.
    expect(proxy.requests.filter((r) => r.path === '/full/v5/records.ndjson')).toHaveLength(2);
    expect(await source()).toMatchObject({ progress: null, error: null, records: 40_003 });
    expect(await database()).toMatchObject({ pack: { version: 'v5', entities: 40_003 } });
    const { journal, active } = await installKeys();
    expect(journal).toEqual(active);
  }, 120_000);
});
