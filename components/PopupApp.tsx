import { useEffect, useState } from 'preact/hooks';
import type { ArticleSummary, DbStatus } from '../messaging/protocol';
import { ArticleSummaryView } from './ArticleSummaryView';
import { DbStatusView } from './DbStatusView';
import { ImportProgressView } from './ImportProgressView';
import { t } from './i18n';
import { usePolledStatus } from './usePolledStatus';

function usePromise<T>(promise: Promise<T>): { value: T | undefined; done: boolean } {
  const [state, setState] = useState<{ value: T | undefined; done: boolean }>({
    value: undefined,
    done: false,
  });
  useEffect(() => {
    let live = true;
    promise.then(
      (value) => live && setState({ value, done: true }),
      () => live && setState({ value: undefined, done: true }),
    );
    return () => {
      live = false;
    };
  }, [promise]);
  return state;
}

export function PopupApp({
  summary,
  status,
  refreshStatus,
}: {
  summary: Promise<ArticleSummary | null>;
  status: Promise<DbStatus>;
  /** Asks for the status again; the popup polls it while a pack import runs. */
  refreshStatus?: () => Promise<DbStatus>;
}) {
  const article = usePromise(summary);
  const db = usePromise(status);
  const dbStatus = usePolledStatus(db.value, refreshStatus);
  return (
    <div class="popup">
      <header class="popup-head">
        <h1>{t('extName')}</h1>
      </header>
      {article.done &&
        (article.value ? (
          <ArticleSummaryView summary={article.value} />
        ) : (
          <p class="muted">{t('popupNoArticle')}</p>
        ))}
      {dbStatus?.importing && <ImportProgressView progress={dbStatus.importing} />}
      {dbStatus && <DbStatusView status={dbStatus} />}
    </div>
  );
}
