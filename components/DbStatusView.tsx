import { clipText, DISPLAY_LIMITS as MAX } from '../core/text/clip-text';
import type { DbStatus, StorageErrorKind, StorageErrorReport } from '../messaging/protocol';
import { formatDate, t } from './i18n';

/** What each kind of storage error means for the reader; the browser's own words follow as detail. */
const ERROR_TEXT: Record<StorageErrorKind, string> = {
  quota: 'storageErrorQuota',
  upgrade: 'storageErrorUpgrade',
  open: 'storageErrorOpen',
};

function StorageErrorView({ error }: { error: StorageErrorReport }) {
  const time = new Date(error.at);
  return (
    <div data-testid="db-error" data-kind={error.kind} role="alert">
      <p>
        <strong>{t(ERROR_TEXT[error.kind])}</strong>
      </p>
      <p class="sub">
        {t(
          'storageErrorDetails',
          Number.isNaN(time.getTime()) ? error.at : time.toLocaleString(),
          clipText(error.message, MAX.sentence),
        )}
      </p>
    </div>
  );
}

export function DbStatusView({ status }: { status: DbStatus }) {
  return (
    <section data-testid="db-status" class="db-status">
      <h2>{t('popupDatabase')}</h2>
      {status.error && <StorageErrorView error={status.error} />}
      <p>
        {t(
          'popupDbCounts',
          status.entities.toLocaleString(),
          status.aliases.toLocaleString(),
          status.statements.toLocaleString(),
        )}
      </p>
      <ul>
        {status.packs.map((p) => (
          <li key={p.id}>
            {t(
              'popupPackLine',
              clipText(p.title, MAX.name),
              clipText(p.version, MAX.name),
              formatDate(p.installedAt),
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
