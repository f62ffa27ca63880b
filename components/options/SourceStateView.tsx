import type { SyncSourceState } from '../../core/sync/source-state';
import { clipText, DISPLAY_LIMITS as MAX } from '../../core/text/clip-text';
import { t } from '../i18n';
import { formatTime } from './format-time';

export interface SourceStateProps {
  state: SyncSourceState;
  enabled: boolean;
  /** The user asked for a check that has not run yet. */
  pending: boolean;
  onRetry: () => void;
}

function Progress({ progress }: { progress: NonNullable<SyncSourceState['progress']> }) {
  const key = progress.phase === 'downloading' ? 'optionsProgressDownloading' : 'optionsProgressInstalling';
  const label = t(key, progress.done.toLocaleString(), progress.total.toLocaleString());
  return (
    <div class="sync-progress">
      <p>{label}</p>
      {/* A native progress element has the progressbar role and exposes its value. */}
      <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={label} />
    </div>
  );
}

function ErrorLine({
  error,
  onRetry,
}: {
  error: NonNullable<SyncSourceState['error']>;
  onRetry: () => void;
}) {
  const file = error.line === undefined ? error.file : `${error.file}:${error.line}`;
  return (
    <div class="sync-error">
      <p role="status" data-testid="sync-error">
        {t('optionsStateError', clipText(file, MAX.name), clipText(error.reason, MAX.quote))}
      </p>
      <button type="button" onClick={onRetry}>
        {t('optionsRetry')}
      </button>
    </div>
  );
}

/** One source's version, records, check times, error (with Retry) and progress. */
export function SourceStateView({ state, enabled, pending, onRetry }: SourceStateProps) {
  const never = t('optionsStateNever');
  const next = !enabled
    ? t('optionsStateOff')
    : pending
      ? t('optionsStateSoon')
      : state.nextCheck
        ? formatTime(state.nextCheck)
        : t('optionsStateSoon');
  return (
    <div class="sync-state" data-testid="sync-state">
      <p>
        {state.version === null
          ? t('optionsStateNotInstalled')
          : t(
              'optionsStateVersion',
              clipText(state.version, MAX.name),
              (state.records ?? 0).toLocaleString(),
            )}
      </p>
      <dl>
        <dt>{t('optionsStateLastCheck')}</dt>
        <dd>{state.lastCheck ? formatTime(state.lastCheck) : never}</dd>
        <dt>{t('optionsStateLastSuccess')}</dt>
        <dd>{state.lastSuccess ? formatTime(state.lastSuccess) : never}</dd>
        <dt>{t('optionsStateNextCheck')}</dt>
        <dd>{next}</dd>
      </dl>
      {state.progress && <Progress progress={state.progress} />}
      {state.error && !state.progress && <ErrorLine error={state.error} onRetry={onRetry} />}
    </div>
  );
}
