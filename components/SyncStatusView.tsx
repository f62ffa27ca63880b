import { useEffect, useState } from 'preact/hooks';
import { clipText, DISPLAY_LIMITS as MAX } from '../core/text/clip-text';
import { sendToBackground } from '../messaging/channel';
import type { SyncSourceStatus, SyncStatus } from '../messaging/protocol';
import { syncStatesItem } from '../settings/sync-sources';
import { t } from './i18n';
import { formatTime } from './options/format-time';

export interface SyncStatusViewProps {
  /** Asks the background for the sources' states (default: the `syncStatus` message). */
  load?: () => Promise<SyncStatus>;
  /** Checks one source, or all, now; resolves when the check has ended (default: `syncNow`). */
  syncNow?: (url?: string) => Promise<SyncStatus>;
}

const askStatus = () => sendToBackground('syncStatus', null);
const askSync = (url?: string) => sendToBackground('syncNow', url ? { url } : {});

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function SourceLine({ source, onRetry }: { source: SyncSourceStatus; onRetry: () => void }) {
  const host = clipText(hostOf(source.url), MAX.name);
  const { error, progress } = source;
  const installed =
    source.version === null
      ? t('optionsStateNotInstalled')
      : t('optionsStateVersion', clipText(source.version, MAX.name), (source.records ?? 0).toLocaleString());
  const progressLabel =
    progress &&
    t(
      progress.phase === 'downloading' ? 'optionsProgressDownloading' : 'optionsProgressInstalling',
      progress.done.toLocaleString(),
      progress.total.toLocaleString(),
    );
  const file = error && (error.line === undefined ? error.file : `${error.file}:${error.line}`);
  return (
    <li data-testid="sync-source">
      <span class="name">{host}</span> <span class="sub">{installed}</span>
      <p class="muted">
        {source.lastSuccess ? t('syncLastSuccess', formatTime(source.lastSuccess)) : t('syncNeverSynced')}
        {source.enabled &&
          source.nextCheck &&
          !progress &&
          ` · ${t('syncNextCheck', formatTime(source.nextCheck))}`}
      </p>
      {progress && progressLabel && (
        <div class="import-progress">
          <p>{progressLabel}</p>
          <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={progressLabel} />
        </div>
      )}
      {error && file && !progress && (
        <div>
          <p role="status" data-testid="sync-error">
            {t('syncErrorLine', host, clipText(file, MAX.name), clipText(error.reason, MAX.quote))}
          </p>
          <button type="button" onClick={onRetry}>
            {t('optionsRetry')}
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * The popup's compact sync state: per source its installed version, last success, next check, progress
 * and error (with Retry), and a Sync now button. Nothing when no source is configured.
 */
export function SyncStatusView({ load = askStatus, syncNow = askSync }: SyncStatusViewProps) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const refresh = () =>
      load().then(
        (next) => live && setStatus(next),
        (error: unknown) => live && setFailure(String(error)),
      );
    void refresh();
    // The background writes each step of a sync (progress, the result) to storage.
    const unwatch = syncStatesItem.watch(() => void refresh());
    return () => {
      live = false;
      unwatch();
    };
  }, [load]);

  const run = (url?: string) => {
    setBusy(true);
    setFailure(null);
    syncNow(url)
      .then(setStatus, (error: unknown) => setFailure(String(error)))
      .finally(() => setBusy(false));
  };

  if (!status || status.sources.length === 0) return null;
  return (
    <section class="sync-status" data-testid="sync-status" aria-labelledby="sync-status-heading">
      <h2 id="sync-status-heading">{t('syncHeading')}</h2>
      {!status.online && <p class="muted">{t('syncOffline')}</p>}
      <ul>
        {status.sources.map((source) => (
          <SourceLine key={source.url} source={source} onRetry={() => run(source.url)} />
        ))}
      </ul>
      {failure && (
        <p role="status" data-testid="sync-failure">
          {t('syncNoAnswer', clipText(failure, MAX.quote))}
        </p>
      )}
      <button type="button" onClick={() => run()} disabled={busy} data-testid="sync-now">
        {busy ? t('syncRunning') : t('syncNow')}
      </button>
    </section>
  );
}
