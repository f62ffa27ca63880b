import { INITIAL_SOURCE_STATE } from '../../core/sync/source-state';
import { parseSourceUrl } from '../../core/sync/source-url';
import { releaseSourcePermission, requestSourcePermission } from '../../settings/source-permissions';
import {
  addSource,
  checkPending,
  removeSource,
  requestCheck,
  setCheckInterval,
  setSourceEnabled,
} from '../../settings/sync-sources';
import { t } from '../i18n';
import { AddSourceForm, type AddSourceRequest } from './AddSourceForm';
import { CapturedQuotesSection } from './CapturedQuotesSection';
import { CheckIntervalField } from './CheckIntervalField';
import { ReaderSettingsSection } from './ReaderSettingsSection';
import { SourceRow } from './SourceRow';
import { SyncNowButton } from './SyncNowButton';
import { UserDataSection } from './UserDataSection';
import { useSyncOptions } from './useSyncOptions';

const permissionOf = (url: string) => {
  const parsed = parseSourceUrl(url);
  return parsed.ok ? parsed.permission : null;
};

/** The permission prompt first, inside the form's submit event; the source is stored only if granted. */
async function add(request: AddSourceRequest): Promise<boolean> {
  const granted = await requestSourcePermission(request.permission);
  if (granted) await addSource(request.url, request.publicKey);
  return granted;
}

/** Removes the source, and gives back its host permission when no other source needs it. */
async function remove(url: string): Promise<void> {
  const left = await removeSource(url);
  const permission = permissionOf(url);
  if (permission && !left.some((s) => permissionOf(s.url) === permission))
    await releaseSourcePermission(permission).catch(() => undefined);
}

/** The options page: sync sources with their state, the form to add one, and the check interval. */
export function OptionsApp() {
  const options = useSyncOptions();
  if (!options) return null;
  const { sources, settings, states, requests } = options;
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">{t('optionsSourcesHeading')}</h2>
        <p class="hint">{t('optionsSourcesIntro')}</p>
        {sources.length === 0 ? (
          <p data-testid="no-sources">{t('optionsNoSources')}</p>
        ) : (
          <ul class="sources">
            {sources.map((source) => (
              <SourceRow
                key={source.url}
                source={source}
                permission={permissionOf(source.url)}
                state={states[source.url] ?? INITIAL_SOURCE_STATE}
                pending={checkPending(requests[source.url], states[source.url])}
                onToggle={(enabled) => void setSourceEnabled(source.url, enabled)}
                onRemove={() => void remove(source.url)}
                onRetry={() => void requestCheck(source.url)}
              />
            ))}
          </ul>
        )}
        {sources.length > 0 && <SyncNowButton />}
      </section>
      <AddSourceForm existing={sources.map((s) => s.url)} onAdd={add} />
      <section aria-labelledby="schedule-heading">
        <h2 id="schedule-heading">{t('optionsScheduleHeading')}</h2>
        <CheckIntervalField value={settings.checkIntervalMs} onChange={(ms) => void setCheckInterval(ms)} />
      </section>
      <CapturedQuotesSection />
      <UserDataSection />
      <ReaderSettingsSection />
    </main>
  );
}
