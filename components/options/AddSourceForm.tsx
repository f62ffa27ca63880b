import { useState } from 'preact/hooks';
import { parseSourceUrl } from '../../core/sync/source-url';
import { publicKeyProblem } from '../../core/sync/verify';
import { t } from '../i18n';

export interface AddSourceRequest {
  url: string;
  /** The host permission pattern to request. */
  permission: string;
  publicKey: string | null;
}

export interface AddSourceFormProps {
  /** URLs already listed. */
  existing: readonly string[];
  /**
   * Requests the host permission and stores the source. Called synchronously from the submit event, so the
   * permission prompt runs inside the user's gesture. Resolves to false when permission was refused.
   */
  onAdd: (request: AddSourceRequest) => Promise<boolean>;
}

const URL_ERRORS = {
  invalid: 'optionsErrorInvalidUrl',
  insecure: 'optionsErrorInsecure',
  credentials: 'optionsErrorCredentials',
} as const;

/** Validates what the user typed; returns the request, or the message to show. */
export function checkAddSource(
  urlText: string,
  keyText: string,
  existing: readonly string[],
): AddSourceRequest | string {
  const parsed = parseSourceUrl(urlText);
  if (!parsed.ok) return t(URL_ERRORS[parsed.reason]);
  if (existing.includes(parsed.url)) return t('optionsErrorDuplicate');
  const key = keyText.trim();
  const problem = key ? publicKeyProblem(key) : null;
  if (problem) return t('optionsErrorKey', problem);
  return { url: parsed.url, permission: parsed.permission, publicKey: key || null };
}

/** "Add source": a URL and an optional pinned public key. */
export function AddSourceForm({ existing, onAdd }: AddSourceFormProps) {
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: Event) => {
    event.preventDefault();
    const checked = checkAddSource(url, key, existing);
    if (typeof checked === 'string') {
      setMessage(checked);
      return;
    }
    setBusy(true);
    // No await before onAdd: the permission request must stay inside this event's user gesture.
    onAdd(checked)
      .then((added) => {
        if (added) {
          setUrl('');
          setKey('');
          setMessage(null);
        } else setMessage(t('optionsErrorPermission', new URL(checked.url).origin));
      })
      .catch((error: unknown) =>
        setMessage(t('optionsErrorPermission', `${new URL(checked.url).origin} (${String(error)})`)),
      )
      .finally(() => setBusy(false));
  };

  return (
    <form class="add-source" onSubmit={submit} aria-labelledby="add-source-heading" noValidate>
      <h2 id="add-source-heading">{t('optionsAddHeading')}</h2>
      <div class="field">
        <label for="source-url">{t('optionsSourceUrl')}</label>
        <input
          id="source-url"
          type="url"
          required
          value={url}
          placeholder="https://"
          aria-describedby="source-url-hint"
          onInput={(event) => setUrl(event.currentTarget.value)}
        />
        <p id="source-url-hint" class="hint">
          {t('optionsSourceUrlHint')}
        </p>
      </div>
      <div class="field">
        <label for="source-key">{t('optionsPublicKey')}</label>
        <input
          id="source-key"
          type="text"
          spellcheck={false}
          autocomplete="off"
          value={key}
          aria-describedby="source-key-hint"
          onInput={(event) => setKey(event.currentTarget.value)}
        />
        <p id="source-key-hint" class="hint">
          {t('optionsPublicKeyHint')}
        </p>
      </div>
      {message && (
        <p role="status" class="form-error" data-testid="add-source-error">
          {message}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('optionsAddButton')}
      </button>
    </form>
  );
}
