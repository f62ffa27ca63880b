/**
 * Sync in the background: the `sync-check` alarm wakes the worker when the next source is due, a change
 * of sources, interval or check requests (the options page's Retry) runs what became due, and the
 * `syncNow` / `syncStatus` messages serve the popup and the options page. Every listener is registered
 * synchronously, so an alarm or a storage change can start a stopped worker. Nothing is requested while
 * the browser is offline; the `online` event runs what came due meanwhile.
 */
import browser from 'webextension-polyfill';
import { parseSourceUrl } from '../../core/sync/source-url';
import type { BackgroundProtocol, Params, Result } from '../../messaging/protocol';
import { addSource, checkRequestsItem, syncSettingsItem, syncSourcesItem } from '../../settings/sync-sources';
import type { BackstoryDB } from '../../storage/db';
import type { ImportQueue } from './import-queue';
import { type Forced, SyncRunner } from './sync-runner';

export const SYNC_ALARM = 'sync-check';

/**
 * The source a build may bring (`WXT_SYNC_SOURCE_URL`, and `WXT_SYNC_SOURCE_KEY` to pin its key), added
 * on first install. Its host is then in the build's `host_permissions` (wxt.config.ts). Without one the
 * extension lives on its starter pack until the user adds a source.
 */
export async function addDefaultSource(): Promise<void> {
  const configured = import.meta.env.WXT_SYNC_SOURCE_URL as string | undefined;
  if (!configured) return;
  const parsed = parseSourceUrl(configured);
  if (!parsed.ok) {
    console.error(`[backstory] the build's sync source ${configured} is not usable (${parsed.reason})`);
    return;
  }
  const key = (import.meta.env.WXT_SYNC_SOURCE_KEY as string | undefined) || null;
  await addSource(parsed.url, key);
}

type SyncMessages = 'syncNow' | 'syncStatus';
type SyncHandlers = {
  [K in SyncMessages]: (params: Params<BackgroundProtocol, K>) => Promise<Result<BackgroundProtocol, K>>;
};

/**
 * Starts sync (after `ready`: garbage collection and the starter pack) and returns the message handlers.
 * A sync a stopped worker left half-done is run again from the start: its stage was collected as garbage.
 */
export function startSync(db: BackstoryDB, imports: ImportQueue, ready: Promise<unknown>): SyncHandlers {
  const runner = new SyncRunner(db, imports, {
    fetch: (url, init) => fetch(url, init),
    isOnline: () => navigator.onLine,
  });
  const fail = (error: unknown) => console.error('[backstory] sync failed', error);
  // Interrupted syncs are made due before any run looks at what is due.
  const started = ready.then(() => runner.resumeInterrupted()).catch(fail);

  const arm = async () => {
    const when = await runner.nextDue();
    if (when === null) await browser.alarms.clear(SYNC_ALARM);
    // Chrome fires alarms at most every 30 s; an earlier time fires then.
    else await browser.alarms.create(SYNC_ALARM, { when: Math.max(when, Date.now() + 1000) });
  };
  const runDue = (forced?: Forced) =>
    started.then(() => runner.runDue(forced)).finally(() => arm().catch(fail));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void runDue().catch(fail);
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void addDefaultSource().catch(fail);
  });
  syncSourcesItem.watch(() => void runDue().catch(fail));
  checkRequestsItem.watch(() => void runDue().catch(fail));
  syncSettingsItem.watch(
    () =>
      void runner
        .reschedule()
        .then(() => runDue())
        .catch(fail),
  );
  globalThis.addEventListener('online', () => void runDue().catch(fail));

  void runDue().catch(fail);

  return {
    async syncNow({ url }) {
      await runDue(url ? new Set([url]) : 'all');
      return runner.status();
    },
    syncStatus: () => runner.status(),
  };
}
