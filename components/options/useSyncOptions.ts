import { useEffect, useState } from 'preact/hooks';
import type { SyncSourceState } from '../../core/sync/source-state';
import {
  checkRequestsItem,
  type SyncSettings,
  type SyncSource,
  syncSettingsItem,
  syncSourcesItem,
  syncStatesItem,
} from '../../settings/sync-sources';

export interface SyncOptions {
  sources: SyncSource[];
  settings: SyncSettings;
  states: Record<string, SyncSourceState>;
  requests: Record<string, string>;
}

/**
 * The stored sources, settings, source states and check requests, kept current: the page re-renders when
 * the background writes a state (progress, an error) or another options tab changes a source.
 */
export function useSyncOptions(): SyncOptions | null {
  const [options, setOptions] = useState<SyncOptions | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      Promise.all([
        syncSourcesItem.getValue(),
        syncSettingsItem.getValue(),
        syncStatesItem.getValue(),
        checkRequestsItem.getValue(),
      ]).then(([sources, settings, states, requests]) => {
        if (live) setOptions({ sources, settings, states, requests });
      });
    void load();
    const unwatch = [syncSourcesItem, syncSettingsItem, syncStatesItem, checkRequestsItem].map((item) =>
      item.watch(() => void load()),
    );
    return () => {
      live = false;
      for (const stop of unwatch) stop();
    };
  }, []);
  return options;
}
