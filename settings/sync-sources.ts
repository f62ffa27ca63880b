/**
 * The user's sync sources and sync settings, in `browser.storage.local` (small, synchronous to read from
 * any extension context, and kept apart from the pack database). Each key has one writer: the options
 * page writes the sources, the interval and check requests; the background writes each source's state.
 * A check request is pending while it is newer than the source's last check, so neither side has to
 * clear what the other wrote.
 */
import { storage } from 'wxt/utils/storage';
import { clampCheckInterval, DEFAULT_CHECK_INTERVAL_MS } from '../core/sync/backoff';
import { INITIAL_SOURCE_STATE, type SyncSourceState } from '../core/sync/source-state';

export interface SyncSource {
  /** The base URL (a folder URL ending in `/`), which also identifies the source. */
  url: string;
  enabled: boolean;
  /** Base64 of the Ed25519 public key pinned when the source was added, or null for an unsigned source. */
  publicKey: string | null;
  /** ISO time the user added it. */
  addedAt: string;
}

export interface SyncSettings {
  /** Time between regular checks of each source. */
  checkIntervalMs: number;
}

export const syncSourcesItem = storage.defineItem<SyncSource[]>('local:syncSources', {
  fallback: [],
  version: 1,
});

export const syncSettingsItem = storage.defineItem<SyncSettings>('local:syncSettings', {
  fallback: { checkIntervalMs: DEFAULT_CHECK_INTERVAL_MS },
  version: 1,
});

/** Per source URL, the state the background last wrote (core/sync/source-state.ts). */
export const syncStatesItem = storage.defineItem<Record<string, SyncSourceState>>('local:syncStates', {
  fallback: {},
  version: 1,
});

/** Per source URL, the ISO time the user last asked for a check (Retry, Sync now). */
export const checkRequestsItem = storage.defineItem<Record<string, string>>('local:syncCheckRequests', {
  fallback: {},
  version: 1,
});

/** Adds a source (its host permission must already be granted). Returns false when it is already listed. */
export async function addSource(url: string, publicKey: string | null, now = new Date()): Promise<boolean> {
  const sources = await syncSourcesItem.getValue();
  if (sources.some((s) => s.url === url)) return false;
  await syncSourcesItem.setValue([...sources, { url, enabled: true, publicKey, addedAt: now.toISOString() }]);
  return true;
}

/** Removes a source and the user's check request for it. Returns the sources left. */
export async function removeSource(url: string): Promise<SyncSource[]> {
  const left = (await syncSourcesItem.getValue()).filter((s) => s.url !== url);
  await syncSourcesItem.setValue(left);
  const { [url]: _dropped, ...requests } = await checkRequestsItem.getValue();
  await checkRequestsItem.setValue(requests);
  return left;
}

export async function setSourceEnabled(url: string, enabled: boolean): Promise<void> {
  const sources = await syncSourcesItem.getValue();
  await syncSourcesItem.setValue(sources.map((s) => (s.url === url ? { ...s, enabled } : s)));
}

export async function setCheckInterval(ms: number): Promise<void> {
  await syncSettingsItem.setValue({ checkIntervalMs: clampCheckInterval(ms) });
}

/** Asks the background to check a source now. */
export async function requestCheck(url: string, now = new Date()): Promise<void> {
  await checkRequestsItem.setValue({ ...(await checkRequestsItem.getValue()), [url]: now.toISOString() });
}

/** Whether a check the user asked for has not run yet. */
export function checkPending(requestedAt: string | undefined, state: SyncSourceState | undefined): boolean {
  if (!requestedAt) return false;
  const lastCheck = state?.lastCheck;
  return !lastCheck || requestedAt > lastCheck;
}

/** The state of one source, or the initial state when the background has not written one. */
export async function sourceState(url: string): Promise<SyncSourceState> {
  return (await syncStatesItem.getValue())[url] ?? INITIAL_SOURCE_STATE;
}

/** Writes one source's state (the background, after each step of a sync). */
export async function writeSourceState(
  url: string,
  update: (previous: SyncSourceState) => SyncSourceState,
): Promise<SyncSourceState> {
  const states = await syncStatesItem.getValue();
  const next = update(states[url] ?? INITIAL_SOURCE_STATE);
  await syncStatesItem.setValue({ ...states, [url]: next });
  return next;
}

/** Whether `version` of the pack is one a sync source installed (some source's state names it). */
export async function isSyncedVersion(packId: string, version: string): Promise<boolean> {
  const states = Object.values(await syncStatesItem.getValue());
  return states.some((state) => state.packId === packId && state.version === version);
}
