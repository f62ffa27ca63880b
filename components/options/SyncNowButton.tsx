import { useState } from 'preact/hooks';
import { clipText, DISPLAY_LIMITS as MAX } from '../../core/text/clip-text';
import { sendToBackground } from '../../messaging/channel';
import { t } from '../i18n';

export interface SyncNowButtonProps {
  /** Checks every enabled source now; resolves when the checks have ended (default: `syncNow`). */
  syncNow?: () => Promise<unknown>;
}

const askSync = () => sendToBackground('syncNow', {});

/**
 * Checks every enabled source now, whatever the schedule. Each source's row shows the progress and the
 * result, which the background writes to storage; this only says when the background did not answer.
 */
export function SyncNowButton({ syncNow = askSync }: SyncNowButtonProps) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = () => {
    setBusy(true);
    setFailure(null);
    syncNow()
      .catch((error: unknown) => setFailure(String(error)))
      .finally(() => setBusy(false));
  };
  return (
    <div class="sync-now">
      <button type="button" onClick={run} disabled={busy} data-testid="sync-now">
        {busy ? t('syncRunning') : t('syncNow')}
      </button>
      {failure && (
        <p role="status" class="form-error" data-testid="sync-failure">
          {t('syncNoAnswer', clipText(failure, MAX.quote))}
        </p>
      )}
    </div>
  );
}
