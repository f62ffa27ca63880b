import { useEffect, useState } from 'preact/hooks';
import type { ArticleSummary, DbStatus } from '../messaging/protocol';
import { ArticleSummaryView } from './ArticleSummaryView';
import { DbStatusView } from './DbStatusView';
import { t } from './i18n';

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
}: {
  summary: Promise<ArticleSummary | null>;
  status: Promise<DbStatus>;
}) {
  const article = usePromise(summary);
  const db = usePromise(status);
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
      {db.value && <DbStatusView status={db.value} />}
    </div>
  );
}
