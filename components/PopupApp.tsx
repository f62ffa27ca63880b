import { useEffect, useState } from 'preact/hooks';
import type { ArticleSummary, DbStatus, ReaderSite } from '../messaging/protocol';
import { ArticleSummaryView, type RevealMention } from './ArticleSummaryView';
import { DbStatusView } from './DbStatusView';
import { ImportProgressView } from './ImportProgressView';
import { t } from './i18n';
import { SyncStatusView } from './SyncStatusView';
import { followTheme } from './theme';
import { usePolledStatus } from './usePolledStatus';

/** What the popup can do in the tab it summarises (entrypoints/popup/main.tsx wires it to the tab). */
export interface PopupReaderControls {
  /** The tab's site and whether Backstory is paused there; null when the tab has no content script. */
  site: Promise<ReaderSite | null>;
  /** Scrolls the page to an item's first mention and opens its card. */
  reveal: RevealMention;
  /** Pauses or resumes Backstory on the site; resolves with the brief to show then (null while paused). */
  setPaused(site: string, paused: boolean): Promise<ArticleSummary | null>;
}

/** "Pause on this site" / "Resume on this site", with the site named, for the tab's site. */
function ReaderBar({ site, paused, onToggle }: { site: string; paused: boolean; onToggle: () => void }) {
  return (
    <div class="reader-bar" data-testid="reader-bar">
      <span class="muted">{paused ? t('readerPausedOn', site) : t('readerActiveOn', site)}</span>
      <button type="button" data-testid="pause-site" aria-pressed={paused} onClick={onToggle}>
        {paused ? t('readerResumeSite') : t('readerPauseSite')}
      </button>
    </div>
  );
}

const NO_SITE: Promise<ReaderSite | null> = Promise.resolve(null);

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
  reader,
}: {
  summary: Promise<ArticleSummary | null>;
  status: Promise<DbStatus>;
  /** Asks for the status again; the popup polls it while a pack import runs. */
  refreshStatus?: () => Promise<DbStatus>;
  reader?: PopupReaderControls;
}) {
  const loaded = usePromise(summary);
  const site = usePromise(reader?.site ?? NO_SITE);
  // The brief after a pause or resume replaces the one the popup opened with.
  const [since, setSince] = useState<{ summary: ArticleSummary | null; paused: boolean } | null>(null);
  const paused = since ? since.paused : (site.value?.paused ?? false);
  const article = since ? { value: since.summary, done: true } : loaded;
  useEffect(() => followTheme(document.documentElement), []);
  const toggle = (name: string) => {
    if (!reader) return;
    const next = !paused;
    void reader.setPaused(name, next).then((brief) => setSince({ summary: brief, paused: next }));
  };
  const db = usePromise(status);
  const dbStatus = usePolledStatus(db.value, refreshStatus);
  return (
    <div class="popup">
      <header class="popup-head">
        <h1>{t('extName')}</h1>
      </header>
      {site.value?.site && (
        <ReaderBar site={site.value.site} paused={paused} onToggle={() => toggle(site.value?.site ?? '')} />
      )}
      {article.done &&
        (paused ? (
          <p class="muted" data-testid="paused-note">
            {t('readerPausedNote')}
          </p>
        ) : article.value ? (
          <ArticleSummaryView summary={article.value} onReveal={reader?.reveal} />
        ) : (
          <p class="muted">{t('popupNoArticle')}</p>
        ))}
      {dbStatus?.importing && <ImportProgressView progress={dbStatus.importing} />}
      <SyncStatusView />
      {dbStatus && <DbStatusView status={dbStatus} />}
    </div>
  );
}
