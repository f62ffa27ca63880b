import { clipText, DISPLAY_LIMITS as MAX } from '../core/text/clip-text';
import type { DbStatus } from '../messaging/protocol';
import { formatDate, t } from './i18n';

export function DbStatusView({ status }: { status: DbStatus }) {
  return (
    <section data-testid="db-status" class="db-status">
      <h2>{t('popupDatabase')}</h2>
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
