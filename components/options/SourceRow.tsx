import type { SyncSourceState } from '../../core/sync/source-state';
import type { SyncSource } from '../../settings/sync-sources';
import { t } from '../i18n';
import { SourceAccess } from './SourceAccess';
import { SourceStateView } from './SourceStateView';

export interface SourceRowProps {
  source: SyncSource;
  /** The host permission the source needs (null when its URL no longer parses). */
  permission: string | null;
  state: SyncSourceState;
  pending: boolean;
  onToggle: (enabled: boolean) => void;
  onRemove: () => void;
  onRetry: () => void;
}

/** A source: its URL, whether it is signed, an on/off switch, Remove, access to its host, and its state. */
export function SourceRow({
  source,
  permission,
  state,
  pending,
  onToggle,
  onRemove,
  onRetry,
}: SourceRowProps) {
  const switchId = `enabled-${source.url}`;
  return (
    <li class="source" data-testid="source">
      <div class="source-head">
        <span class="source-url">{source.url}</span>
        {source.publicKey && <span class="source-signed">{t('optionsSourceSigned')}</span>}
      </div>
      <div class="source-controls">
        <input
          id={switchId}
          type="checkbox"
          role="switch"
          aria-checked={source.enabled}
          checked={source.enabled}
          onChange={(event) => onToggle(event.currentTarget.checked)}
        />
        <label for={switchId}>{t('optionsSourceEnabled')}</label>
        <button type="button" onClick={onRemove} aria-label={t('optionsRemoveSourceLabel', source.url)}>
          {t('optionsRemoveSource')}
        </button>
      </div>
      {permission && <SourceAccess permission={permission} onGranted={onRetry} />}
      <SourceStateView state={state} enabled={source.enabled} pending={pending} onRetry={onRetry} />
    </li>
  );
}
